import { useState, type ReactElement } from 'react';
import type { ErrorInfo } from '../../../../electron/api/contract';
import { api } from '../../api/api';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { Field, inputProps } from '../../components/Field';
import { SubmitForm } from '../../components/SubmitForm';
import { useRestore } from '../../store/restore';
import { describeDestination, destinationErrorsByField } from './restore-destination';
import { markLabel } from './restore-selection';
import { defaultJobName, runAtInstant, type RunWhen } from './restore-spec';
import type { HostCredentials } from './restore-types';
import type { StartContext } from './use-start-restore';

interface SubmitJobDialogProps {
  context: StartContext;
  credentials: HostCredentials[];
  password: string | undefined;
  onBack(): void;
  onClose(): void;
  onQueued(job: { id: number; name: string }): void;
}

/** Submit Job: the job's name and when it runs; the engine checks everything again (credentials, sessions, destination) and queues it. */
export function SubmitJobDialog({ context, credentials, password, onBack, onClose, onQueued }: SubmitJobDialogProps): ReactElement {
  const setDestinationErrors = useRestore((state) => state.setDestinationErrors);
  const [name, setName] = useState(() => defaultJobName(context.scenarioName));
  const [when, setWhen] = useState<RunWhen>({ kind: 'now' });
  const [fieldErrors, setFieldErrors] = useState<{ name?: string; at?: string }>({});
  const [error, setError] = useState<ErrorInfo | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    const at = runAtInstant(when);
    const errors = { name: name.trim() === '' ? 'Enter a name for the job.' : undefined, at: at.ok ? undefined : at.message };
    setFieldErrors(errors);
    if (!at.ok || errors.name) return;
    setBusy(true);
    setError(undefined);
    const result = await api.invoke('restore.submit', { draft: { name: name.trim(), spec: context.spec, ...(at.at ? { at: at.at } : {}) }, credentials, password });
    setBusy(false);
    if (result.ok) {
      onQueued({ id: result.value.id, name: result.value.name });
      return;
    }
    setDestinationErrors(destinationErrorsByField(result.error.fields ?? {}));
    setError(result.error);
  };

  const items = context.spec.items;
  return (
    <Dialog
      title="Submit Job"
      onClose={onClose}
      footer={<DialogButtons confirmLabel="Submit" form="restore-submit-form" busy={busy} onCancel={onClose} onBack={onBack} />}
    >
      <SubmitForm id="restore-submit-form" error={error} onSubmit={submit}>
        <dl className="submit-summary">
          <dt>Scenario</dt>
          <dd>{context.scenarioName}</dd>
          <dt>Restore</dt>
          <dd>{items.length === 1 && items[0] ? markLabel(items[0]) : `${items.length} items`}</dd>
          <dt>Destination</dt>
          <dd>{describeDestination(context.spec.destination)}</dd>
        </dl>
        <Field id="restore-job-name" label="Job name" error={fieldErrors.name}>
          <input {...inputProps('restore-job-name', fieldErrors.name)} value={name} onChange={(event) => setName(event.target.value)} />
        </Field>
        <fieldset className="field">
          <legend>When</legend>
          <label className="checkbox">
            <input type="radio" name="restore-when" checked={when.kind === 'now'} onChange={() => setWhen({ kind: 'now' })} />
            Run now
          </label>
          <label className="checkbox">
            <input type="radio" name="restore-when" checked={when.kind === 'at'} onChange={() => setWhen({ kind: 'at', local: '' })} />
            Run at
          </label>
        </fieldset>
        {when.kind === 'at' && (
          <Field id="restore-job-at" label="Date and time" error={fieldErrors.at}>
            <input {...inputProps('restore-job-at', fieldErrors.at)} type="datetime-local" value={when.local} onChange={(event) => setWhen({ kind: 'at', local: event.target.value })} />
          </Field>
        )}
      </SubmitForm>
    </Dialog>
  );
}
