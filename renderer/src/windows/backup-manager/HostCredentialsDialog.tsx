import { useState, type ReactElement } from 'react';
import { CredentialsFieldset } from '../../components/CredentialsFieldset';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { SubmitForm } from '../../components/SubmitForm';
import { checkCredentials, rowErrors, type CredentialsErrors, type CredentialsRow } from '../../components/credentials-form';
import type { HostCredentials, JobHost } from './backup-types';

interface HostCredentialsDialogProps {
  row: JobHost;
  /** What was typed for the host before: its user is offered again, never its password. */
  typed: HostCredentials | undefined;
  onSave(credentials: HostCredentials): void;
  onClose(): void;
}

/** Security… of one row: the host's engine administrator user (the stored one offered) and a password typed afresh. */
export function HostCredentialsDialog({ row, typed, onSave, onClose }: HostCredentialsDialogProps): ReactElement {
  const [value, setValue] = useState<CredentialsRow>({ user: typed?.user ?? row.storedUser ?? '', password: '' });
  const [errors, setErrors] = useState<CredentialsErrors>({});
  const save = (): void => {
    const missing = checkCredentials([value]);
    setErrors(missing);
    if (Object.keys(missing).length === 0) onSave({ host: row.host, user: value.user.trim(), password: value.password });
  };
  return (
    <Dialog title={`Security: ${row.host}`} onClose={onClose} footer={<DialogButtons confirmLabel="OK" form="host-credentials-form" onCancel={onClose} />}>
      <SubmitForm id="host-credentials-form" autoComplete="off" error={undefined} onSubmit={save}>
        <CredentialsFieldset
          id="host-cred"
          legend={`${row.role} ${row.host} (${row.scenarioName})`}
          userLabel="User name"
          passwordLabel="Password"
          value={value}
          errors={rowErrors(errors, 0)}
          autoFocus
          onChange={(patch) => setValue({ ...value, ...patch })}
        />
        {row.storedUser !== null && <p className="muted">Credentials are stored for {row.storedUser}; those typed here are used for this job instead, and stored if the engine accepts them.</p>}
      </SubmitForm>
    </Dialog>
  );
}
