import type { ReactElement } from 'react';
import type { LiveScenario } from '../../../../electron/api/contract';
import { formatBytes, formatCount } from './format';

type RootFigures = Extract<LiveScenario, { state: 'running' }>['roots'];

/** Changes recorded per root directory of the Master. */
export function RootStatistics({ roots }: { roots: RootFigures }): ReactElement {
  return (
    <table className="grid statistics-table">
      <caption>Root directories</caption>
      <thead>
        <tr>
          <th scope="col">Root directory</th>
          <th scope="col">Changes</th>
          <th scope="col">Data</th>
        </tr>
      </thead>
      <tbody>
        {roots.map((root) => (
          <tr key={root.root}>
            <td>{root.root}</td>
            <td>{formatCount(root.changes)}</td>
            <td>{formatBytes(root.bytes)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
