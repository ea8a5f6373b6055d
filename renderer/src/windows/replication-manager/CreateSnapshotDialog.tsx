import { useState, type ReactElement } from 'react';
import type { ErrorInfo, Scenario } from '../../../../electron/api/contract';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { Field, inputProps } from '../../components/Field';
import { SubmitForm } from '../../components/SubmitForm';
import { useProtection } from '../../store/protection';

interface CreateSnapshotDialogProps {
  scenario: Scenario;
  replica: Scenario['replicas'][number];
  onClose(): void;
}

/** Names and takes a snapshot of one Replica (replication pauses only while it is taken). */
export function CreateSnapshotDialog({ scenario, replica, onClose }: CreateSnapshotDialogProps): ReactElement {
  const createSnapshot = useProtection((state) => state.createSnapshot);
  const [name, setName] = useState('');
  const [error, setError] = useState<ErrorInfo | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (): Promise<void> => {
    setBusy(true);
    const result = await createSnapshot(scenario.id, replica.id, name.trim() === '' ? undefined : name.trim());
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error);
  };
  return (
    <Dialog title="Create snapshot" onClose={onClose} footer={<DialogButtons confirmLabel="Create" form="create-snapshot-form" busy={busy} onCancel={onClose} />}>
      <SubmitForm id="create-snapshot-form" error={error} onSubmit={submit}>
        <p>
          A read-only view of Replica <strong>{replica.host}</strong> as it is now. Replication pauses only while it is taken; it is kept until released.
        </p>
        <Field id="snapshot-name" label="Snapshot name" error={error?.fields?.name}>
          <input {...inputProps('snapshot-name', error?.fields?.name)} value={name} maxLength={200} autoFocus placeholder="Default: the date and time" onChange={(event) => setName(event.target.value)} />
        </Field>
      </SubmitForm>
    </Dialog>
  );
}
