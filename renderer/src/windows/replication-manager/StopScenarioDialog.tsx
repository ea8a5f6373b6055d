import type { ReactElement } from 'react';
import type { Scenario } from '../../../../electron/api/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useScenarios } from '../../store/scenarios';

/** Asks before stopping: replication stops on every Replica of the scenario. */
export function StopScenarioDialog({ scenario, onClose }: { scenario: Scenario; onClose(): void }): ReactElement {
  const stop = useScenarios((state) => state.stop);
  return (
    <ConfirmDialog title="Stop scenario" confirmLabel="Stop" action={() => stop(scenario.id)} onClose={onClose}>
      <p>
        Stop the scenario <strong>{scenario.name}</strong>? Changes on the Master are no longer replicated until it runs again; running it again
        resynchronizes the Replicas.
      </p>
    </ConfirmDialog>
  );
}
