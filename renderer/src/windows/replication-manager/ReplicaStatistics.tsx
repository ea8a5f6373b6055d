import type { ReactElement } from 'react';
import type { LinkStatus, Scenario } from '../../../../electron/api/contract';
import { linkStatistics } from './statistics-rows';

/** One Replica's live figures: state, synchronization progress, changes sent, spool, lag. */
export function ReplicaStatistics({ replica, link }: { replica: Scenario['replicas'][number]; link: LinkStatus }): ReactElement {
  return (
    <table className="grid statistics-table">
      <caption>Replica {replica.host}</caption>
      {linkStatistics(link).map((section) => (
        <tbody key={section.title}>
          <tr className="group-row">
            <th colSpan={2} scope="rowgroup">
              {section.title}
            </th>
          </tr>
          {section.rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
