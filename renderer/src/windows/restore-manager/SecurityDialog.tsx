import { useState, type ReactElement } from 'react';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { CredentialsFieldset } from '../../components/CredentialsFieldset';
import { Field, inputProps } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { SubmitForm } from '../../components/SubmitForm';
import { checkCredentials, rowErrors, type CredentialsErrors, type CredentialsRow } from '../../components/credentials-form';
import { useRestore } from '../../store/restore';
import { credentialHostRows, noCredentialsText } from './restore-spec';
import type { HostCredentials, RequiredHost } from './restore-types';
import { useInvoke } from './use-invoke';

interface SecurityDialogProps {
  hosts: readonly RequiredHost[];
  /** A marked session is encrypted: its password is asked too. */
  encrypted: boolean;
  /** The user names typed before going back from Submit Job (passwords are typed again). */
  initial: readonly Pick<HostCredentials, 'host' | 'user'>[];
  onContinue(credentials: HostCredentials[], password: string | undefined): void;
  onClose(): void;
}

/**
 * Security and Agent Information: the engine administrator's credentials for each host the
 * restore needs (this machine's own engine needs none), and the session password of an
 * encrypted session. Nothing typed here is kept after the job is submitted.
 */
export function SecurityDialog({ hosts, encrypted, initial, onContinue, onClose }: SecurityDialogProps): ReactElement {
  const info = useInvoke('app.info', {});
  const thisHost = info.state === 'loaded' ? info.value.hostName : undefined;
  const rows = credentialHostRows(hosts);
  const asking = rows.filter((row) => row.needsCredentials);
  // A user name typed for the host before (Back from Submit Job, or Browse… on the Destination tab) is offered again.
  const hostUsers = useRestore((state) => state.hostUsers);
  const [values, setValues] = useState<CredentialsRow[]>(() => asking.map((row) => ({ user: initial.find((typed) => typed.host === row.host)?.user ?? hostUsers[row.host] ?? '', password: '' })));
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<CredentialsErrors>({});
  const update = (index: number, patch: Partial<CredentialsRow>): void => setValues((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const submit = (): void => {
    const missing = checkCredentials(values);
    if (encrypted && password === '') missing.password = 'Enter the password given when the backup job ran.';
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    onContinue(
      asking.map((row, index) => ({ host: row.host, user: values[index]?.user.trim() ?? '', password: values[index]?.password ?? '' })),
      encrypted ? password : undefined,
    );
  };

  return (
    <Dialog title="Security and Agent Information" onClose={onClose} footer={<DialogButtons confirmLabel="OK" form="restore-security-form" onCancel={onClose} />}>
      <SubmitForm id="restore-security-form" autoComplete="off" error={undefined} onSubmit={submit}>
        <p>The restore logs in to the engine of each host below. Credentials are kept in this manager&apos;s memory only, for this job.</p>
        <table className="grid security-hosts" aria-label="Hosts">
          <thead>
            <tr>
              <th scope="col">Host</th>
              <th scope="col">Role</th>
              <th scope="col">Credentials</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.host}>
                <td>
                  <Icon name={row.roles.includes('Master') ? 'crown' : 'host'} className={row.roles.includes('Master') ? 'crown' : undefined} /> {row.host}
                </td>
                <td>{row.roles.join(', ')}</td>
                <td>{row.needsCredentials ? 'asked below' : noCredentialsText(row.host, thisHost)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {asking.map((row, index) => (
          <CredentialsFieldset
            key={row.host}
            id={`restore-cred-${index}`}
            legend={`${row.host} (${row.roles.join(', ')})`}
            userLabel={`User for ${row.host}`}
            passwordLabel={`Password for ${row.host}`}
            value={values[index] ?? { user: '', password: '' }}
            errors={rowErrors(errors, index)}
            onChange={(patch) => update(index, patch)}
          />
        ))}
        {encrypted && (
          <Field id="restore-session-password" label="Session password" error={errors.password}>
            <input {...inputProps('restore-session-password', errors.password)} type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} />
          </Field>
        )}
      </SubmitForm>
    </Dialog>
  );
}
