import type { ReactElement } from 'react';
import type { SnapshotInfo } from '../../../../electron/api/contract';
import { Icon } from '../../components/Icon';
import { formatCount, formatDateTime } from './format';
import { snapshotPurposeLabel } from './protection-view';

interface SnapshotTableProps {
  host: string;
  snapshots: readonly SnapshotInfo[];
  onBrowse(snapshot: SnapshotInfo): void;
  onExport(snapshot: SnapshotInfo): void;
  onRelease(snapshot: SnapshotInfo): void;
}

/** A Replica's snapshots, newest first, each with Browse / Export / Release. */
export function SnapshotTable({ host, snapshots, onBrowse, onExport, onRelease }: SnapshotTableProps): ReactElement {
  if (snapshots.length === 0) return <p className="empty">No snapshots of Replica {host}.</p>;
  const newestFirst = [...snapshots].sort((a, b) => b.at - a.at);
  return (
    <table className="grid snapshot-table" aria-label={`Snapshots of Replica ${host}`}>
      <thead>
        <tr>
          <th scope="col">Name and purpose</th>
          <th scope="col">Taken</th>
          <th scope="col" className="number" title="Journal entries written since the snapshot was taken">
            Changes since
          </th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {newestFirst.map((snapshot) => (
          <tr key={snapshot.id}>
            <td title={snapshot.id}>
              <div className="snapshot-name">
                <Icon name="camera" /> {snapshot.name}
              </div>
              <div className="cell-detail">{snapshotPurposeLabel(snapshot)}</div>
            </td>
            <td>{formatDateTime(snapshot.at)}</td>
            <td className="number">{formatCount(snapshot.changesSince)}</td>
            <td>
              <div className="row-actions">
                <button type="button" className="link" aria-label={`Browse snapshot ${snapshot.name}`} onClick={() => onBrowse(snapshot)}>
                  Browse
                </button>
                <button type="button" className="link" aria-label={`Export snapshot ${snapshot.name}`} onClick={() => onExport(snapshot)}>
                  Export
                </button>
                <button type="button" className="link" aria-label={`Release snapshot ${snapshot.name}`} onClick={() => onRelease(snapshot)}>
                  Release
                </button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
