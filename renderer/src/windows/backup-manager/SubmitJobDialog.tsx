import { useState, type ReactElement } from 'react';
import type { ErrorInfo } from '../../../../electron/api/contract';
import { api } from '../../api/api';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { Field, inputProps } from '../../components/Field';
import { SubmitForm } from '../../components/SubmitForm';
import { useBackupManager } from '../../store/backup-manager';
import type { JobHost } from './backup-types';
import { buildDraft, describeDestination, JOB_OWNER } from './job-draft';
import { NextRun } from './NextRun';
import { describeOptions } from './options-form';
import { buildSchedule, type RunChoice } from './schedule-form';
import { credentialsToSend, type TypedCredentials } from './security-rows';
import { defaultJobName } from './source-selection';
import { describeStaging } from './staging-form';
import type { StartContext } from './use-start-backup';

interface SubmitJobDialogProps {
  context: StartContext;
  hosts: readonly JobHost[];
  credentials: TypedCredentials;
  onBack(): void;
  onClose(): void;
  onSubmitted(job: { id: number; name: string }): void;
}

/**
 * Submit Job: the job's name and description, what it backs up and where (staging first or
 * not), and when — the same choice as the Schedule tab (changing it here changes it there).
 * The backup server proves every engine of the job accepts the credentials before it queues
 * anything.
 */
export function SubmitJobDialog({ context, hosts, credentials, onBack, onClose, onSubmitted }: SubmitJobDialogProps): ReactElement {
  const schedule = useBackupManager((state) => state.schedule);
  const hold = useBackupManager((state) => state.hold);
  const setSchedule = useBackupManager((state) => state.setSchedule);
  const setHold = useBackupManager((state) => state.setHold);
  const groups = useBackupManager((state) => state.groups ?? []);
  const [name, setName] = useState(() => defaultJobName(context.sources));
  const [description, setDescription] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [atError, setAtError] = useState<string | undefined>();
  const [error, setError] = useState<ErrorInfo | undefined>();
  const [busy, setBusy] = useState(false);
  // A repeating schedule is set on the Schedule tab; here it is shown and kept, or replaced by a one-time run.
  const [repeating] = useState(schedule.run === 'repeating');
  const choices: ReadonlyArray<{ value: RunChoice; label: string }> = [
    { value: 'now', label: 'Run now' },
    { value: 'once', label: 'Run at' },
    ...(repeating ? [{ value: 'repeating' as const, label: 'As scheduled (repeating)' }] : []),
  ];

  const submit = async (): Promise<void> => {
    const built = buildSchedule(schedule, new Date());
    setNameError(name.trim() === '' ? 'Enter a name for the job.' : undefined);
    setAtError(built.ok ? undefined : (built.errors.at ?? 'Complete the schedule on the Schedule tab.'));
    if (!built.ok || name.trim() === '') return;
    setBusy(true);
    setError(undefined);
    const draft = buildDraft({
      name,
      description,
      owner: JOB_OWNER,
      scenarioIds: context.sources.map((source) => source.id),
      deviceGroupId: context.group.id,
      mediaPool: context.mediaPool,
      options: context.options,
      schedule: built.schedule,
      hold,
    });
    const result = await api.invoke('backup.submit', { draft, credentials: credentialsToSend(hosts, credentials), ...(context.password ? { password: context.password } : {}) });
    setBusy(false);
    if (result.ok) onSubmitted({ id: result.value.id, name: result.value.name });
    else setError(result.error);
  };

  return (
    <Dialog
      title="Submit Job"
      wide
      onClose={onClose}
      footer={<DialogButtons confirmLabel="Submit" form="backup-submit-form" busy={busy} onCancel={onClose} onBack={onBack} />}
    >
      <SubmitForm id="backup-submit-form" error={error} onSubmit={submit}>
        <dl className="submit-summary" aria-label="Job summary">
          <dt>Sources</dt>
          <dd>{context.sources.map((source) => source.name).join(', ')}</dd>
          <dt>Destination</dt>
          <dd>{describeDestination(context.group, context.mediaPool)}</dd>
          <dt>Staging</dt>
          <dd>{describeStaging(context.options.staging, groups)}</dd>
          <dt>Options</dt>
          <dd>{describeOptions(context.options)}</dd>
        </dl>
        <Field id="backup-job-name" label="Job name" error={nameError}>
          <input {...inputProps('backup-job-name', nameError)} maxLength={200} value={name} onChange={(event) => setName(event.target.value)} />
        </Field>
        <Field id="backup-job-description" label="Description (optional)" error={undefined}>
          <textarea id="backup-job-description" rows={2} maxLength={2000} value={description} onChange={(event) => setDescription(event.target.value)} />
        </Field>
        <fieldset className="field">
          <legend>When</legend>
          {choices.map((choice) => (
            <label key={choice.value} className="checkbox">
              <input type="radio" name="backup-submit-when" checked={schedule.run === choice.value} onChange={() => setSchedule({ run: choice.value })} />
              {choice.label}
            </label>
          ))}
        </fieldset>
        {schedule.run === 'once' && (
          <Field id="backup-submit-at" label="Date and time" error={atError}>
            <input {...inputProps('backup-submit-at', atError)} type="datetime-local" value={schedule.at} onChange={(event) => setSchedule({ at: event.target.value })} />
          </Field>
        )}
        <NextRun form={schedule} />
        <label className="checkbox">
          <input type="checkbox" checked={hold} onChange={(event) => setHold(event.target.checked)} />
          Submit on hold
        </label>
      </SubmitForm>
    </Dialog>
  );
}
