import type { ReactElement } from 'react';
import type { Scenario } from '../../../../electron/api/contract';
import { Icon } from '../../components/Icon';

/** Directories tab: the Master's root directories and where each Replica keeps them. */
export function DirectoriesTab({ scenario }: { scenario: Scenario }): ReactElement {
  return (
    <table className="grid" aria-label="Root directories">
      <thead>
        <tr>
          <th scope="col">Master root directory</th>
          <th scope="col">Replica target</th>
        </tr>
      </thead>
      <tbody>
        {scenario.master.roots.map((root) => (
          <tr key={root}>
            <td>
              <Icon name="folder" /> {root}
            </td>
            <td>{scenario.replicas.map((replica) => `${replica.host}: ${replica.target}`).join('; ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
