import { useState, type ReactElement } from 'react';
import type { ErrorInfo, Scenario } from '../../../../electron/api/contract';
import { Field, inputProps } from '../../components/Field';
import { SubmitForm } from '../../components/SubmitForm';
import { useScenarios } from '../../store/scenarios';
import { AssuredRecoveryOptionsFields } from './AssuredRecoveryOptionsFields';
import { BackupOptionsFields } from './BackupOptionsFields';
import { OptionTextField } from './OptionTextField';
import { RecoveryOptionsFields } from './RecoveryOptionsFields';
import { fromOptionsForm, optionErrorsByControl, toOptionsForm, type OptionsFieldErrors, type OptionsForm, type TextControl } from './replication-options-form';

const NUMBER_FIELDS: { control: TextControl; label: string; placeholder?: string }[] = [
  { control: 'wholeFilePercent', label: 'Whole-file threshold (%)' },
  { control: 'coalesceMs', label: 'Coalescing window (ms)' },
  { control: 'maxCoalesceDelayMs', label: 'Maximum coalescing delay (ms)' },
  { control: 'targetRpoSeconds', label: 'Target RPO (seconds, 0 = off)' },
  { control: 'spoolMaxMb', label: 'Spool size limit (MB, empty = unlimited)', placeholder: 'Unlimited' },
  { control: 'spoolMinFreeMb', label: 'Minimum free disk space (MB)', placeholder: 'Not set' },
];

/** The Replication group of the Properties tab: editable while the scenario is stopped, saved with Save. */
export function ReplicationOptionsForm({ scenario }: { scenario: Scenario }): ReactElement {
  const setOptions = useScenarios((state) => state.setOptions);
  const optionsKey = JSON.stringify(scenario.options);
  const [baselineKey, setBaselineKey] = useState(optionsKey);
  const [form, setForm] = useState<OptionsForm>(() => toOptionsForm(scenario.options));
  const [fieldErrors, setFieldErrors] = useState<OptionsFieldErrors>({});
  const [error, setError] = useState<ErrorInfo | undefined>();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  // Saved here or elsewhere: show the engine's values (unsaved edits of other fields go with them).
  if (baselineKey !== optionsKey) {
    setBaselineKey(optionsKey);
    setForm(toOptionsForm(scenario.options));
    setFieldErrors({});
  }
  const running = scenario.status.state === 'running';
  const dirty = JSON.stringify(form) !== JSON.stringify(toOptionsForm(scenario.options));
  const update = (patch: Partial<OptionsForm>): void => {
    setForm((current) => ({ ...current, ...patch }));
    setSaved(false);
  };

  const save = async (): Promise<void> => {
    const parsed = fromOptionsForm(form);
    setError(undefined);
    if (!parsed.ok) {
      setFieldErrors(parsed.fields);
      return;
    }
    setBusy(true);
    const result = await setOptions(scenario.id, parsed.options);
    setBusy(false);
    setFieldErrors(result.ok ? {} : optionErrorsByControl(result.error.fields ?? {}));
    if (result.ok) setSaved(true);
    else setError(result.error);
  };

  return (
    <SubmitForm className="form options-form" aria-label="Replication properties" error={error} onSubmit={save}>
      <fieldset disabled={running} className="options-groups">
        {running && <p className="note">Stop the scenario to edit its properties.</p>}
        <fieldset className="options-group">
          <legend>Replication</legend>
          <Field id="opt-sync-method" label="Synchronization method" error={fieldErrors.syncMethod}>
            <select {...inputProps('opt-sync-method', fieldErrors.syncMethod)} value={form.syncMethod} onChange={(event) => update({ syncMethod: event.target.value === 'file' ? 'file' : 'block' })}>
              <option value="file">File</option>
              <option value="block">Block</option>
            </select>
          </Field>
          <label className="checkbox">
            <input type="checkbox" checked={form.ignoreSameSizeTime} onChange={(event) => update({ ignoreSameSizeTime: event.target.checked })} />
            Ignore files of same size and modification time
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={form.keepDeletedOnSync} onChange={(event) => update({ keepDeletedOnSync: event.target.checked })} />
            Keep deleted files during synchronization
          </label>
          {NUMBER_FIELDS.map(({ control, label, placeholder }) => (
            <OptionTextField key={control} form={form} fieldErrors={fieldErrors} update={update} control={control} label={label} placeholder={placeholder} />
          ))}
          <Field id="opt-engine-port" label="Engine port" error={undefined}>
            <input id="opt-engine-port" readOnly value={scenario.master.port} />
          </Field>
        </fieldset>
        <RecoveryOptionsFields form={form} fieldErrors={fieldErrors} update={update} />
        <AssuredRecoveryOptionsFields form={form} fieldErrors={fieldErrors} update={update} />
        <BackupOptionsFields form={form} fieldErrors={fieldErrors} update={update} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy || !dirty}>
            Save
          </button>
          {saved && !dirty && <span aria-live="polite">Saved.</span>}
          {!saved && Object.keys(fieldErrors).length > 0 && <span className="field-error">Correct the fields marked above.</span>}
        </div>
      </fieldset>
    </SubmitForm>
  );
}
