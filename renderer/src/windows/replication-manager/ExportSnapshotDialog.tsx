import { useState, type ReactElement } from 'react';
import type { ChannelResponse, ErrorInfo, Scenario, SnapshotInfo } from '../../../../electron/api/contract';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { Field, inputProps } from '../../components/Field';
import { SubmitForm } from '../../components/SubmitForm';
import { useProtection } from '../../store/protection';
import { formatBytes, formatCount } from './format';

interface ExportSnapshotDialogProps {
  scenario: Scenario;
  replica: Scenario['replicas'][number];
  snapshot: SnapshotInfo;
  onClose(): void;
}

type Exported = ChannelResponse<'snapshot.export'>;

/** Copies a folder of a snapshot (by its Master path) to a new folder on the Replica host. */
export function ExportSnapshotDialog({ scenario, replica, snapshot, onClose }: ExportSnapshotDialogProps): ReactElement {
  const exportSnapshot = useProtection((state) => state.exportSnapshot);
  const [path, setPath] = useState(scenario.master.roots[0] ?? '');
  const [destination, setDestination] = useState('');
  const [missing, setMissing] = useState<{ path?: string; destination?: string }>({});
  const [error, setError] = useState<ErrorInfo | undefined>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Exported | undefined>();
  const pathError = missing.path ?? error?.fields?.path;
  const destinationError = missing.destination ?? error?.fields?.destination;

  const submit = async (): Promise<void> => {
    const check = {
      path: path.trim() === '' ? 'Enter a folder of the snapshot (a Master path).' : undefined,
      destination: destination.trim() === '' ? `Enter a new folder on ${replica.host}.` : undefined,
    };
    setMissing(check);
    if (check.path || check.destination) return;
    setBusy(true);
    setError(undefined);
    const result = await exportSnapshot({ id: scenario.id, replicaId: replica.id, snapshotId: snapshot.id, path: path.trim(), destination: destination.trim() });
    setBusy(false);
    if (result.ok) setDone(result.value);
    else setError(result.error);
  };

  const footer = done ? (
    <button type="button" className="primary" onClick={onClose}>
      Close
    </button>
  ) : (
    <DialogButtons confirmLabel="Export" form="export-snapshot-form" busy={busy} onCancel={onClose} />
  );
  return (
    <Dialog title="Export snapshot" onClose={onClose} footer={footer}>
      {done ? (
        <p aria-live="polite">
          Exported {formatCount(done.files)} files and {formatCount(done.directories)} folders ({formatBytes(done.bytes)}) to {done.destination} on {replica.host}.
        </p>
      ) : (
        <SubmitForm id="export-snapshot-form" error={error} onSubmit={submit}>
          <p>
            Copies a folder of the snapshot <strong>{snapshot.name}</strong> of Replica {replica.host} to a new folder on that host, for tools that need plain files.
          </p>
          <Field id="export-path" label="Folder in the snapshot (Master path)" error={pathError}>
            <input {...inputProps('export-path', pathError)} value={path} spellCheck={false} onChange={(event) => setPath(event.target.value)} />
          </Field>
          <Field id="export-destination" label={`New folder on ${replica.host}`} error={destinationError}>
            <input {...inputProps('export-destination', destinationError)} value={destination} spellCheck={false} autoFocus onChange={(event) => setDestination(event.target.value)} />
          </Field>
        </SubmitForm>
      )}
    </Dialog>
  );
}
