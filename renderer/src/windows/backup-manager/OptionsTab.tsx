import type { ReactElement } from 'react';
import { Field, inputProps } from '../../components/Field';
import { useBackupManager } from '../../store/backup-manager';
import { MIN_PASSWORD, type OptionsForm } from './options-form';

/**
 * The Options tab (global options): compression, encryption with its session password, virus
 * scan, multistreaming, verification, what happens to the Replica snapshot, and the time each
 * replication operation may take.
 */
export function OptionsTab(): ReactElement {
  const form = useBackupManager((state) => state.options);
  const errors = useBackupManager((state) => state.optionsErrors);
  const update = useBackupManager((state) => state.setOptions);
  const check = (key: 'encryption' | 'virusScan' | 'multistreaming', label: string, hint: string): ReactElement => (
    <label className="checkbox">
      <input type="checkbox" checked={form[key]} onChange={(event) => update({ [key]: event.target.checked } as Partial<OptionsForm>)} />
      {label}
      <small className="muted">— {hint}</small>
    </label>
  );
  return (
    <div className="backup-tab form" role="group" aria-label="Options">
      <fieldset className="options-group">
        <legend>Compression</legend>
        <label className="checkbox">
          <input type="radio" name="backup-compression" checked={form.compression === 'gzip'} onChange={() => update({ compression: 'gzip' })} />
          Compress with gzip
        </label>
        <label className="checkbox">
          <input type="radio" name="backup-compression" checked={form.compression === 'none'} onChange={() => update({ compression: 'none' })} />
          No compression
        </label>
      </fieldset>
      <fieldset className="options-group">
        <legend>Encryption</legend>
        {check('encryption', 'Encrypt the sessions', 'a restore asks for the password; it is never stored, so keep it safe')}
        {form.encryption && (
          <>
            <Field id="backup-password" label={`Session password (at least ${MIN_PASSWORD} characters)`} error={errors.password}>
              <input {...inputProps('backup-password', errors.password)} type="password" autoComplete="new-password" value={form.password} onChange={(event) => update({ password: event.target.value })} />
            </Field>
            <Field id="backup-password-confirm" label="Confirm the password" error={errors.confirm}>
              <input {...inputProps('backup-password-confirm', errors.confirm)} type="password" autoComplete="new-password" value={form.confirm} onChange={(event) => update({ confirm: event.target.value })} />
            </Field>
          </>
        )}
      </fieldset>
      <fieldset className="options-group">
        <legend>While backing up</legend>
        {check('virusScan', 'Scan files for viruses', 'a detected virus raises the Virus Detected alert')}
        {check('multistreaming', 'Multistreaming', 'each scenario a child job of its own, all at once; off: one scenario after another')}
      </fieldset>
      <fieldset className="options-group">
        <legend>Verification</legend>
        <label className="checkbox">
          <input type="radio" name="backup-verification" checked={form.verification === 'none'} onChange={() => update({ verification: 'none' })} />
          None
        </label>
        <label className="checkbox">
          <input type="radio" name="backup-verification" checked={form.verification === 'checksum'} onChange={() => update({ verification: 'checksum' })} />
          Verify checksums after writing
          <small className="muted">— each session is read back from the device and every file checked</small>
        </label>
      </fieldset>
      <fieldset className="options-group">
        <legend>Snapshot after backup</legend>
        <label className="checkbox">
          <input type="radio" name="backup-snapshot" checked={form.snapshot === 'release'} onChange={() => update({ snapshot: 'release' })} />
          Release the snapshot
        </label>
        <label className="checkbox">
          <input type="radio" name="backup-snapshot" checked={form.snapshot === 'keep'} onChange={() => update({ snapshot: 'keep' })} />
          Keep the snapshot
          <small className="muted">— it stays on the Replica (Snapshots tab) until released</small>
        </label>
      </fieldset>
      <Field id="backup-timeout" label="Replication operation timeout (seconds)" error={errors.timeoutSeconds}>
        <input {...inputProps('backup-timeout', errors.timeoutSeconds)} type="number" min={1} max={86400} value={form.timeoutSeconds} onChange={(event) => update({ timeoutSeconds: event.target.value })} />
      </Field>
    </div>
  );
}
