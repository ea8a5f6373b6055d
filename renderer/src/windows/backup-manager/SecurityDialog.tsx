import { useState, type ReactElement } from 'react';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import type { HostCredentials, JobHost } from './backup-types';
import { RoleIcon } from './EngineCredentialsList';
import { HostCredentialsDialog } from './HostCredentialsDialog';
import { hostsMissingCredentials, passwordStatus, rowUser, type TypedCredentials } from './security-rows';

interface SecurityDialogProps {
  hosts: readonly JobHost[];
  /** Credentials typed before (Back from Submit Job). */
  initial: TypedCredentials;
  onContinue(typed: TypedCredentials): void;
  onClose(): void;
}

/**
 * Security and Agent Information: per scenario the Master (crown; the job logs in to its
 * engine) and the Replica (the job logs in to its agent to take the snapshot); per folder
 * source its host (Source: the job reads the folder through that engine). Security… on
 * a row types that host's credentials; stored ones are used otherwise, and this machine's own
 * engine needs none. The backup server proves them all at Submit.
 */
export function SecurityDialog({ hosts, initial, onContinue, onClose }: SecurityDialogProps): ReactElement {
  const [typed, setTyped] = useState<TypedCredentials>(initial);
  const [editing, setEditing] = useState<JobHost | undefined>();
  const [missing, setMissing] = useState<string[]>([]);
  const ok = (): void => {
    const hostsMissing = hostsMissingCredentials(hosts, typed);
    setMissing(hostsMissing);
    if (hostsMissing.length === 0) onContinue(typed);
  };
  const save = (credentials: HostCredentials): void => {
    setTyped({ ...typed, [credentials.host]: credentials });
    setMissing([]);
    setEditing(undefined);
  };

  return (
    <Dialog title="Security and Agent Information" wide onClose={onClose} footer={<DialogButtons confirmLabel="OK" onCancel={onClose} onConfirm={ok} />}>
      <p>The job logs in to the engine of each Master, Replica and folder source host below. Click Security… on a row to give its credentials.</p>
      {missing.length > 0 && (
        <p className="warning-banner" role="alert">
          Credentials are required for {missing.join(', ')}: click Security… on its row.
        </p>
      )}
      <table className="grid security-hosts" aria-label="Job hosts">
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Role</th>
            <th scope="col">Host</th>
            <th scope="col">User</th>
            <th scope="col">Password</th>
            <th scope="col">
              <span className="visually-hidden">Credentials</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {hosts.map((row) => (
            <tr key={`${row.scenarioId} ${row.role} ${row.host}`}>
              <td>{row.scenarioName}</td>
              <td>
                <RoleIcon role={row.role} /> {row.role}
              </td>
              <td>{row.host}</td>
              <td>{rowUser(row, typed)}</td>
              <td className={passwordStatus(row, typed) === 'required' ? 'tone-problem' : undefined}>{passwordStatus(row, typed)}</td>
              <td>
                <button
                  type="button"
                  aria-label={`Security… ${row.role} ${row.host} of ${row.scenarioName}`}
                  disabled={!row.needsCredentials}
                  title={row.needsCredentials ? `Credentials for ${row.host}` : 'This machine’s own engine needs no credentials'}
                  onClick={() => setEditing(row)}
                >
                  Security…
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && <HostCredentialsDialog row={editing} typed={typed[editing.host]} onSave={save} onClose={() => setEditing(undefined)} />}
    </Dialog>
  );
}
