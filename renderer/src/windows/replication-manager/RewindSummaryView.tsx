import type { ReactElement } from 'react';
import type { RewindSummary } from '../../../../electron/api/contract';
import { formatDateTime } from './format';
import { operationLabel } from './rewind-points';
import { rewindSummaryRows, undoneListNote } from './rewind-summary';

const LISTED = 200;

/** What a finished rewind did: its figures, and the most recent operations it undid. */
export function RewindSummaryView({ summary, replicaHost }: { summary: RewindSummary; replicaHost: string }): ReactElement {
  const note = undoneListNote(summary, Math.min(LISTED, summary.operations.length));
  return (
    <div className="rewind-summary">
      <p aria-live="polite">
        Replica {replicaHost} was rewound. The scenario is stopped; the Replica is resynchronized when the scenario runs again.
      </p>
      <table className="grid statistics-table" aria-label="Rewind summary">
        <tbody>
          {rewindSummaryRows(summary).map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td title={value}>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.operations.length > 0 && (
        <table className="grid undone-grid" aria-label="Undone operations">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Operation</th>
              <th scope="col">File</th>
            </tr>
          </thead>
          <tbody>
            {summary.operations.slice(0, LISTED).map((operation) => (
              <tr key={operation.jseq}>
                <td>{formatDateTime(operation.at)}</td>
                <td>{operationLabel(operation.op)}</td>
                <td title={operation.path}>{operation.path}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {note && <p className="directory-note">{note}</p>}
    </div>
  );
}
