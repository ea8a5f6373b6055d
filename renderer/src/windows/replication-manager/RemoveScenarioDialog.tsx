import { useState, type ReactElement } from 'react';
import type { ErrorInfo, Scenario } from '../../../../electron/api/contract';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useScenarios } from '../../store/scenarios';

/** Asks before removing: a scenario's definition is the administrator's work. */
export function RemoveScenarioDialog({ scenario, onClose }: { scenario: Scenario; onClose(): void }): ReactElement {
  const remove = useScenarios((state) => state.remove);
  const [error, setError] = useState<ErrorInfo | undefined>();
  const confirm = async (): Promise<void> => {
    const result = await remove(scenario.id);
    if (result.ok) onClose();
    else setError(result.error);
  };
  return (
    <Dialog
      title="Remove scenario"
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary danger" onClick={() => void confirm()}>
            Remove
          </button>
        </>
      }
    >
      {error && <ErrorBanner error={error} />}
      <p>
        Remove the scenario <strong>{scenario.name}</strong>? Its definition is deleted; data already on the Replica stays where it is.
      </p>
    </Dialog>
  );
}
