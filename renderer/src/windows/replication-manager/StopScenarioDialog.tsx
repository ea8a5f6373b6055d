import { useState, type ReactElement } from 'react';
import type { ErrorInfo, Scenario } from '../../../../electron/api/contract';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useScenarios } from '../../store/scenarios';

/** Asks before stopping: replication stops on every Replica of the scenario. */
export function StopScenarioDialog({ scenario, onClose }: { scenario: Scenario; onClose(): void }): ReactElement {
  const stop = useScenarios((state) => state.stop);
  const [error, setError] = useState<ErrorInfo | undefined>();
  const [busy, setBusy] = useState(false);
  const confirm = async (): Promise<void> => {
    setBusy(true);
    const result = await stop(scenario.id);
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error);
  };
  return (
    <Dialog
      title="Stop scenario"
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary danger" disabled={busy} onClick={() => void confirm()}>
            Stop
          </button>
        </>
      }
    >
      {error && <ErrorBanner error={error} />}
      <p>
        Stop the scenario <strong>{scenario.name}</strong>? Changes on the Master are no longer replicated until it runs again; running it again
        resynchronizes the Replicas.
      </p>
    </Dialog>
  );
}
