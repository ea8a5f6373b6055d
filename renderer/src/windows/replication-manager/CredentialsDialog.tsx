import { useState, type ReactElement } from 'react';
import type { ErrorInfo, Scenario } from '../../../../electron/api/contract';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { CredentialsFieldset } from '../../components/CredentialsFieldset';
import { SubmitForm } from '../../components/SubmitForm';
import { useScenarios } from '../../store/scenarios';
import { checkCredentials, credentialsErrorsByField, rowErrors, type CredentialsErrors, type CredentialsRow } from './credentials-form';

interface CredentialsDialogProps {
  scenario: Scenario;
  /** The hosts whose engine administrator credentials the manager lacks. */
  hosts: string[];
  onClose(): void;
}

/**
 * Asks for the engine administrator's user name and password of each host, then runs the
 * scenario. The passwords live only in this dialog's state and the one call that uses them.
 */
export function CredentialsDialog({ scenario, hosts, onClose }: CredentialsDialogProps): ReactElement {
  const run = useScenarios((state) => state.run);
  const [rows, setRows] = useState<CredentialsRow[]>(() => hosts.map(() => ({ user: '', password: '' })));
  const [fieldErrors, setFieldErrors] = useState<CredentialsErrors>({});
  const [error, setError] = useState<ErrorInfo | undefined>();
  const [busy, setBusy] = useState(false);
  const update = (index: number, patch: Partial<CredentialsRow>): void =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const submit = async (): Promise<void> => {
    const missing = checkCredentials(rows);
    setFieldErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    setError(undefined);
    const result = await run(
      scenario.id,
      hosts.map((host, index) => ({ host, user: rows[index]?.user.trim() ?? '', password: rows[index]?.password ?? '' })),
    );
    setBusy(false);
    if (result.ok) {
      onClose();
      return;
    }
    // Not kept after the call: the administrator types the passwords again.
    setRows((current) => current.map((row) => ({ ...row, password: '' })));
    setFieldErrors(credentialsErrorsByField(result.error.fields ?? {}));
    setError(result.error);
  };

  return (
    <Dialog
      title="Engine credentials"
      onClose={onClose}
      footer={<DialogButtons confirmLabel="Run" form="engine-credentials-form" busy={busy} onCancel={onClose} />}
    >
      <SubmitForm id="engine-credentials-form" autoComplete="off" error={error} onSubmit={submit}>
        <p>
          To run <strong>{scenario.name}</strong>, enter the engine administrator&apos;s credentials for each host below. They are kept in this
          manager&apos;s memory only.
        </p>
        {hosts.map((host, index) => (
          <CredentialsFieldset
            key={host}
            id={`cred-${index}`}
            legend={host}
            userLabel={`User name for ${host}`}
            passwordLabel={`Password for ${host}`}
            value={rows[index] ?? { user: '', password: '' }}
            errors={rowErrors(fieldErrors, index)}
            autoFocus={index === 0}
            onChange={(patch) => update(index, patch)}
          />
        ))}
      </SubmitForm>
    </Dialog>
  );
}
