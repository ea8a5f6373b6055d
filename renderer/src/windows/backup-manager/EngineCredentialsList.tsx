import type { ReactElement } from 'react';
import { Icon } from '../../components/Icon';
import { useBackupManager } from '../../store/backup-manager';
import type { BackupSource, JobHost } from './backup-types';

/** The role's icon: the Master's crown, a Replica's host, a folder source's folder. */
export function RoleIcon({ role }: { role: JobHost['role'] }): ReactElement {
  if (role === 'Master') return <Icon name="crown" className="crown" title="Master" />;
  return role === 'Source' ? <Icon name="folder" title="Source" /> : <Icon name="host" title="Replica" />;
}

/**
 * The engine credentials the manager holds for a source's hosts (a stored one can be
 * forgotten, so the next expand or job asks again).
 */
export function EngineCredentialsList({ source }: { source: BackupSource }): ReactElement {
  const hosts = useBackupManager((state) => state.hosts[source.id]);
  const forget = useBackupManager((state) => state.forgetCredentials);
  return (
    <>
      <h3 className="properties-heading">Engine credentials</h3>
      {hosts === undefined ? (
        <p className="muted">Reading…</p>
      ) : (
        <ul className="credential-list" aria-label={`Engine credentials of ${source.name}`}>
          {hosts.map((host) => (
            <li key={`${host.role} ${host.host}`}>
              <RoleIcon role={host.role} />
              <span>{host.host}</span>
              <span className="muted">
                {!host.needsCredentials ? 'this machine — none needed' : host.storedUser !== null ? `stored for ${host.storedUser}` : 'none stored — asked when needed'}
              </span>
              {host.needsCredentials && host.storedUser !== null && (
                <button type="button" className="link" aria-label={`Forget the credentials for ${host.host}`} onClick={() => void forget(source.id, host.host)}>
                  Forget
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
