import { useState, type ReactElement } from 'react';
import type { ErrorInfo } from '../../../../electron/api/contract';
import { CredentialsFieldset } from '../../components/CredentialsFieldset';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { SubmitForm } from '../../components/SubmitForm';
import { useBackupManager } from '../../store/backup-manager';
import { checkCredentials, rowErrors, type CredentialsErrors, type CredentialsRow } from '../replication-manager/credentials-form';

/**
 * Expanding a scenario whose Replica agent's credentials the manager does not hold: they are
 * proven by listing the entities (AE0459 when refused: shown here, the scenario stays closed).
 * Credentials the agent accepted are stored encrypted by the manager.
 */
export function ReplicaCredentialsDialog({ scenarioId, hosts }: { scenarioId: string; hosts: string[] }): ReactElement {
  const name = useBackupManager((state) => state.sources?.find((source) => source.id === scenarioId)?.name ?? scenarioId);
  const listEntities = useBackupManager((state) => state.listEntities);
  const cancel = useBackupManager((state) => state.cancelAsking);
  const [rows, setRows] = useState<CredentialsRow[]>(() => hosts.map(() => ({ user: '', password: '' })));
  const [fieldErrors, setFieldErrors] = useState<CredentialsErrors>({});
  const [error, setError] = useState<ErrorInfo | undefined>();
  const [busy, setBusy] = useState(false);
  const update = (index: number, patch: Partial<CredentialsRow>): void => setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const submit = async (): Promise<void> => {
    const missing = checkCredentials(rows);
    setFieldErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    setError(undefined);
    const result = await listEntities(
      scenarioId,
      hosts.map((host, index) => ({ host, user: rows[index]?.user.trim() ?? '', password: rows[index]?.password ?? '' })),
    );
    setBusy(false);
    if (result.ok) return;
    // A refused password is typed again, not kept.
    setRows((current) => current.map((row) => ({ ...row, password: '' })));
    setError(result.error);
  };

  return (
    <Dialog title="Replica agent credentials" onClose={cancel} footer={<DialogButtons confirmLabel="Connect" form="replica-credentials-form" busy={busy} onCancel={cancel} />}>
      <SubmitForm id="replica-credentials-form" autoComplete="off" error={error} onSubmit={submit}>
        <p>
          To list the entities of <strong>{name}</strong>, enter the engine administrator&apos;s credentials of its Replica. The manager stores credentials
          an engine accepted (encrypted), never in the catalog.
        </p>
        {hosts.map((host, index) => (
          <CredentialsFieldset
            key={host}
            id={`replica-cred-${index}`}
            legend={`Replica ${host}`}
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
