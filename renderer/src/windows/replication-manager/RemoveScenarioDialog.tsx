import type { ReactElement } from 'react';
import type { Scenario } from '../../../../electron/api/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useScenarios } from '../../store/scenarios';

/** Asks before removing: a scenario's definition is the administrator's work. */
export function RemoveScenarioDialog({ scenario, onClose }: { scenario: Scenario; onClose(): void }): ReactElement {
  const remove = useScenarios((state) => state.remove);
  return (
    <ConfirmDialog title="Remove scenario" confirmLabel="Remove" action={() => remove(scenario.id)} onClose={onClose}>
      <p>
        Remove the scenario <strong>{scenario.name}</strong>? Its definition is deleted; data already on the Replica stays where it is.
      </p>
    </ConfirmDialog>
  );
}
