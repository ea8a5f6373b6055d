import type { ReactElement } from 'react';
import { useBackupManager } from '../../store/backup-manager';
import { formatInstant } from '../replication-manager/backup-jobs';
import type { BackupSource } from './backup-types';
import { EngineCredentialsList } from './EngineCredentialsList';
import { folderOf } from './folder-source-form';
import { modeLabel } from './source-selection';

/** The focused source's properties as registered in the catalog, and the engine credentials held for its hosts. */
export function SourceProperties(): ReactElement {
  const source = useBackupManager((state) => state.sources?.find((candidate) => candidate.id === state.focused));
  if (!source) return <p className="empty">Choose a scenario or folder to see its properties.</p>;
  return (
    <div className="backup-properties">
      <table className="grid properties" aria-label={`Properties of ${source.name}`}>
        <tbody>{source.source === 'folder' ? <FolderRows source={source} /> : <ScenarioRows source={source} />}</tbody>
      </table>
      <EngineCredentialsList source={source} />
    </div>
  );
}

function Row({ label, children, problem = false }: { label: string; children: string; problem?: boolean }): ReactElement {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className={problem ? 'tone-problem' : undefined}>{children}</td>
    </tr>
  );
}

/** A scenario: its type, Master, Replicas, and how the Replica makes the backup's snapshot. */
function ScenarioRows({ source }: { source: BackupSource }): ReactElement {
  return (
    <>
      <Row label="Name">{source.name}</Row>
      <Row label="Type">{source.type}</Row>
      <Row label="Master">{source.master}</Row>
      <Row label="Replicas">{source.replicas.join(', ')}</Row>
      <Row label="Snapshot for backup" problem={source.mode === 'none'}>
        {modeLabel(source.mode)}
      </Row>
      <Row label="Registered">{formatInstant(source.registeredAt)}</Row>
    </>
  );
}

/** A folder source: where it is, and that it is read live (no Replica, no snapshot). */
function FolderRows({ source }: { source: BackupSource }): ReactElement {
  const { host, folder } = folderOf(source);
  return (
    <>
      <Row label="Name">{source.name}</Row>
      <Row label="Host">{host}</Row>
      <Row label="Folder">{folder}</Row>
      <Row label="Read">live through the host&apos;s engine (no snapshot)</Row>
      <Row label="Added">{formatInstant(source.registeredAt)}</Row>
    </>
  );
}
