import type { ReactElement } from 'react';
import { Field, inputProps } from '../../components/Field';
import type { ModifyErrors, ModifyForm } from './job-modify-form';

interface ModifyOptionsFieldsProps {
  form: ModifyForm;
  errors: ModifyErrors;
  update(patch: Partial<ModifyForm>): void;
  /** The job's encryption, shown but not changeable here. */
  encryption: boolean;
}

/** The Modify dialog's Options group: the job's global options, encryption shown read-only. */
export function ModifyOptionsFields({ form, errors, update, encryption }: ModifyOptionsFieldsProps): ReactElement {
  return (
    <fieldset className="options-group">
      <legend>Options</legend>
      <Field id="modify-compression" label="Compression" error={undefined}>
        <select id="modify-compression" value={form.compression} onChange={(event) => update({ compression: event.target.value === 'none' ? 'none' : 'gzip' })}>
          <option value="gzip">Compress (gzip)</option>
          <option value="none">None</option>
        </select>
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={form.virusScan} onChange={(event) => update({ virusScan: event.target.checked })} /> Scan backed-up files for viruses
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={form.multistreaming} onChange={(event) => update({ multistreaming: event.target.checked })} /> Multistreaming (each scenario a child job, all at once)
      </label>
      <Field id="modify-verification" label="Verification" error={undefined}>
        <select id="modify-verification" value={form.verification} onChange={(event) => update({ verification: event.target.value === 'checksum' ? 'checksum' : 'none' })}>
          <option value="none">None</option>
          <option value="checksum">Read back and compare checksums</option>
        </select>
      </Field>
      <Field id="modify-snapshot" label="Replica snapshot after the backup" error={undefined}>
        <select id="modify-snapshot" value={form.snapshot} onChange={(event) => update({ snapshot: event.target.value === 'keep' ? 'keep' : 'release' })}>
          <option value="release">Release it</option>
          <option value="keep">Keep it</option>
        </select>
      </Field>
      <Field id="modify-timeout" label="Replication operation timeout (seconds)" error={errors.timeoutSeconds}>
        <input {...inputProps('modify-timeout', errors.timeoutSeconds)} value={form.timeoutSeconds} inputMode="numeric" onChange={(event) => update({ timeoutSeconds: event.target.value })} />
      </Field>
      <p className="note">
        Encryption: {encryption ? 'on' : 'off'}. It cannot be changed here: the session password is only given when a job is submitted — submit a new job from the Backup Manager to change it.
      </p>
    </fieldset>
  );
}
