import type { ReactElement } from 'react';
import type { Scenario } from '../../../../electron/api/contract';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ErrorBanner } from '../../components/ErrorBanner';
import { lockQuestion } from './scenario-lock';
import { useScenarioLock } from './use-scenario-lock';

/**
 * "Scenario locked": the opened scenario is controlled by a running backup job. Take control
 * makes that job fail (E3387, naming who took control); Cancel leaves it, read-only here.
 */
export function ScenarioLockDialog({ scenario }: { scenario: Scenario }): ReactElement | null {
  const asking = useScenarioLock((state) => state.asking && state.opening?.scenarioId === scenario.id);
  const lock = useScenarioLock((state) => state.lock);
  const busy = useScenarioLock((state) => state.busy);
  const error = useScenarioLock((state) => state.error);
  const takeControl = useScenarioLock((state) => state.takeControl);
  const cancel = useScenarioLock((state) => state.cancel);
  if (!asking || !lock?.locked) return null;
  return (
    <Dialog
      title="Scenario locked"
      onClose={cancel}
      footer={<DialogButtons confirmLabel="Take control" danger busy={busy} onCancel={cancel} onConfirm={() => void takeControl()} />}
    >
      {error && <ErrorBanner error={error} />}
      <p className="lock-question">{lockQuestion(scenario.name, lock)}</p>
      <p className="lock-note">Taking control stops the backup of this scenario: the job fails with E3387 and says who took control. Cancel leaves the job running; the scenario stays read-only until it ends.</p>
    </Dialog>
  );
}
