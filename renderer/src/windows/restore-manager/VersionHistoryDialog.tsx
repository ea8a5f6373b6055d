import { useState, type ReactElement } from 'react';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatInstant } from '../replication-manager/backup-jobs';
import { formatBytes, formatDateTime } from '../replication-manager/format';
import type { FileVersion } from './restore-types';
import { useInvoke } from './use-invoke';

interface VersionHistoryDialogProps {
  host: string;
  /** The Master path of the file or folder. */
  path: string;
  onPick(version: FileVersion): void;
  onClose(): void;
}

/** Version History: the path in every complete session, newest first; the administrator picks the one to restore. */
export function VersionHistoryDialog({ host, path, onPick, onClose }: VersionHistoryDialogProps): ReactElement {
  const versions = useInvoke('restore.versions', { host, path });
  const [session, setSession] = useState<number | undefined>();
  const list = versions.state === 'loaded' ? versions.value : [];
  const chosen = list.find((version) => version.session === session);
  return (
    <Dialog
      title="Version History"
      wide
      onClose={onClose}
      footer={<DialogButtons confirmLabel="Select version" disabled={!chosen} onCancel={onClose} onConfirm={() => chosen && onPick(chosen)} />}
    >
      <p>
        Versions of <strong>{path}</strong> on {host}, newest first. The version selected is marked for restore in place of the latest.
      </p>
      {versions.state === 'failed' && <ErrorBanner error={versions.error} />}
      {versions.state === 'loading' && <p className="empty">Reading the versions…</p>}
      {versions.state === 'loaded' && list.length === 0 && <p className="empty">No complete session holds this path.</p>}
      {list.length > 0 && (
        <table className="grid versions-table" aria-label="Versions">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Chosen</span>
              </th>
              <th scope="col">Backed up at</th>
              <th scope="col">Session</th>
              <th scope="col" className="number">
                Size
              </th>
              <th scope="col">Modified</th>
            </tr>
          </thead>
          <tbody>
            {list.map((version) => (
              <tr key={version.session} aria-selected={version.session === session} className={version.session === session ? 'selected' : undefined} onClick={() => setSession(version.session)}>
                <td>
                  <input
                    type="radio"
                    name="version"
                    aria-label={`Version of session ${version.session}, backed up at ${formatInstant(version.backedUpAt)}`}
                    checked={version.session === session}
                    onChange={() => setSession(version.session)}
                  />
                </td>
                <td>{formatInstant(version.backedUpAt)}</td>
                <td>{version.session}</td>
                <td className="number">{version.kind === 'file' ? formatBytes(version.size) : ''}</td>
                <td>{formatDateTime(version.mtimeMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
