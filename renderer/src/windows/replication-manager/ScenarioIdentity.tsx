import type { ReactElement } from 'react';
import type { Scenario } from '../../../../electron/api/contract';
import { useLive } from '../../store/live';
import { statusView } from './scenario-status';

/** The scenario's identity, fixed at creation, and its current state; read-only. */
export function ScenarioIdentity({ scenario }: { scenario: Scenario }): ReactElement {
  const stateLabel = useLive((state) => statusView(scenario.status, state.byId[scenario.id]).label);
  const rows: [string, string][] = [
    ['Scenario name', scenario.name],
    ['Scenario ID', scenario.id],
    ['Scenario type', scenario.type],
    ['Group', scenario.group],
    ['State', stateLabel],
    ['Master', `${scenario.master.host}:${scenario.master.port}`],
    ...scenario.replicas.map((replica, index): [string, string] => [`Replica ${index + 1}`, `${replica.host}:${replica.port} → ${replica.target}`]),
    ['Created', new Date(scenario.createdAt).toLocaleString()],
  ];
  return (
    <table className="grid properties" aria-label="Scenario properties">
      <tbody>
        {rows.map(([name, value]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
