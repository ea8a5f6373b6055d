import type { ReactElement } from 'react';
import type { Scenario } from '../../../../electron/api/contract';
import { ReplicationOptionsForm } from './ReplicationOptionsForm';
import { ScenarioIdentity } from './ScenarioIdentity';

/** Properties tab: identity (read-only) and the Replication options (editable while stopped). */
export function PropertiesTab({ scenario }: { scenario: Scenario }): ReactElement {
  return (
    <div className="properties-tab">
      <ScenarioIdentity scenario={scenario} />
      <ReplicationOptionsForm key={scenario.id} scenario={scenario} />
    </div>
  );
}
