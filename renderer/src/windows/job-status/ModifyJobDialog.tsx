import { useEffect, useState, type ReactElement } from 'react';
import type { ErrorInfo } from '../../../../electron/api/contract';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { Field, inputProps } from '../../components/Field';
import { SubmitForm } from '../../components/SubmitForm';
import { useJobStatus, type DeviceGroup } from '../../store/job-status';
import type { BackupJob } from '../replication-manager/backup-jobs';
import { controlOfField, fromModifyForm, toModifyForm, type ModifyErrors, type ModifyForm } from './job-modify-form';
import { ModifyOptionsFields } from './ModifyOptionsFields';
import { ModifyScheduleFields } from './ModifyScheduleFields';

/** The engine's field errors on the controls they belong to. */
function fieldErrorsOf(error: ErrorInfo): ModifyErrors {
  const errors: ModifyErrors = {};
  for (const [field, message] of Object.entries(error.fields ?? {})) {
    const control = controlOfField(field);
    if (control) errors[control] = message;
  }
  return errors;
}

/**
 * Modify a backup job that is not running: name, description, schedule, device group, media
 * pool and options. Encryption stays as submitted (the session password is only given then).
 */
export function ModifyJobDialog({ job, onClose }: { job: BackupJob; onClose(): void }): ReactElement {
  const modify = useJobStatus((state) => state.modify);
  const readDevices = useJobStatus((state) => state.readDevices);
  const [form, setForm] = useState<ModifyForm>(() => toModifyForm(job, new Date()));
  const [errors, setErrors] = useState<ModifyErrors>({});
  const [error, setError] = useState<ErrorInfo | undefined>();
  const [busy, setBusy] = useState(false);
  const [devices, setDevices] = useState<DeviceGroup[] | undefined>();
  useEffect(() => {
    void readDevices().then((result) => (result.ok ? setDevices(result.value) : setError(result.error)));
  }, [readDevices]);
  const update = (patch: Partial<ModifyForm>): void => setForm((current) => ({ ...current, ...patch }));

  const submit = async (): Promise<void> => {
    const checked = fromModifyForm(form, job);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setError(undefined);
    setBusy(true);
    const result = await modify(job.id, checked.changes);
    setBusy(false);
    if (result.ok) return onClose();
    setError(result.error);
    setErrors(fieldErrorsOf(result.error));
  };

  // The job's own group stays choosable while the list is read (or if it was removed since).
  const groups = devices ?? [];
  const knownGroup = groups.some((group) => String(group.id) === form.deviceGroupId);
  return (
    <Dialog title={`Modify job ${job.id}`} onClose={onClose} wide footer={<DialogButtons confirmLabel="Save" form="modify-job-form" busy={busy} onCancel={onClose} />}>
      <SubmitForm id="modify-job-form" className="form modify-job-form" aria-label="Modify job" error={error} onSubmit={submit}>
        <Field id="modify-name" label="Job name" error={errors.name}>
          <input {...inputProps('modify-name', errors.name)} value={form.name} maxLength={200} onChange={(event) => update({ name: event.target.value })} />
        </Field>
        <Field id="modify-description" label="Description" error={errors.description}>
          <textarea {...inputProps('modify-description', errors.description)} rows={2} value={form.description} onChange={(event) => update({ description: event.target.value })} />
        </Field>
        <ModifyScheduleFields form={form} errors={errors} update={update} />
        <fieldset className="options-group">
          <legend>Destination</legend>
          <Field id="modify-device-group" label="Device group" error={errors.deviceGroupId}>
            <select {...inputProps('modify-device-group', errors.deviceGroupId)} value={form.deviceGroupId} onChange={(event) => update({ deviceGroupId: event.target.value })}>
              {!knownGroup && <option value={form.deviceGroupId}>{devices ? `Group ${form.deviceGroupId} (not found)` : `Group ${form.deviceGroupId}`}</option>}
              {groups.map((group) => (
                <option key={group.id} value={String(group.id)}>
                  {group.name} ({group.devices.length} {group.devices.length === 1 ? 'device' : 'devices'})
                </option>
              ))}
            </select>
          </Field>
          <Field id="modify-media-pool" label="Media pool (empty = none)" error={errors.mediaPool}>
            <input {...inputProps('modify-media-pool', errors.mediaPool)} value={form.mediaPool} maxLength={200} placeholder="None" onChange={(event) => update({ mediaPool: event.target.value })} />
          </Field>
        </fieldset>
        <ModifyOptionsFields form={form} errors={errors} update={update} encryption={job.options.encryption} />
      </SubmitForm>
    </Dialog>
  );
}
