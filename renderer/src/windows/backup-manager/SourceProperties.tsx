import type { ReactElement } from 'react';
import { Icon } from '../../components/Icon';
import { useBackupManager } from '../../store/backup-manager';
import { formatInstant } from '../replication-manager/backup-jobs';
import { modeLabel } from './source-selection';

/**
 * The focused scenario's properties, as registered in the catalog, and the engine credentials
 * the manager holds for its hosts (a stored one can be forgotten, so the next expand or job
 * asks again).
 */
export function SourceProperties(): ReactElement {
  const source = useBackupManager((state) => state.sources?.find((candidate) => candidate.id === state.focused));
  const hosts = useBackupManager((state) => (state.focused === undefined ? undefined : state.hosts[state.focused]));
  const forget = useBackupManager((state) => state.forgetCredentials);
  if (!source) return <p className="empty">Choose a scenario to see its properties.</p>;
  return (
    <div className="backup-properties">
      <table className="grid properties" aria-label={`Properties of ${source.name}`}>
        <tbody>
          <tr>
            <th scope="row">Name</th>
            <td>{source.name}</td>
          </tr>
          <tr>
            <th scope="row">Type</th>
            <td>{source.type}</td>
          </tr>
          <tr>
            <th scope="row">Master</th>
            <td>{source.master}</td>
          </tr>
          <tr>
            <th scope="row">Replicas</th>
            <td>{source.replicas.join(', ')}</td>
          </tr>
          <tr>
            <th scope="row">Snapshot for backup</th>
            <td className={source.mode === 'none' ? 'tone-problem' : undefined}>{modeLabel(source.mode)}</td>
          </tr>
          <tr>
            <th scope="row">Registered</th>
            <td>{formatInstant(source.registeredAt)}</td>
          </tr>
        </tbody>
      </table>
      <h3 className="properties-heading">Engine credentials</h3>
      {hosts === undefined ? (
        <p className="muted">Reading…</p>
      ) : (
        <ul className="credential-list" aria-label={`Engine credentials of ${source.name}`}>
          {hosts.map((host) => (
            <li key={`${host.role} ${host.host}`}>
              {host.role === 'Master' ? <Icon name="crown" className="crown" title="Master" /> : <Icon name="host" title="Replica" />}
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
    </div>
  );
}
