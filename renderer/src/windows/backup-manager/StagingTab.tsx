import { useState, type ReactElement } from 'react';
import { Field, inputProps } from '../../components/Field';
import { useBackupManager } from '../../store/backup-manager';
import { NewDiskDeviceDialog } from './NewDiskDeviceDialog';
import { MAX_MIGRATE_HOURS, stagingGroups } from './staging-form';

/**
 * The Staging tab: sessions written to a staging device group first (never the destination
 * group), each migrated by the backup server to the destination group the chosen number of
 * hours after it was written (0: at once). Until then it restores from the staging device.
 */
export function StagingTab(): ReactElement {
  const form = useBackupManager((state) => state.staging);
  const errors = useBackupManager((state) => state.stagingErrors);
  const groups = useBackupManager((state) => state.groups);
  const destinationId = useBackupManager((state) => state.destination.deviceGroupId);
  const update = useBackupManager((state) => state.setStaging);
  const [adding, setAdding] = useState(false);
  const candidates = stagingGroups(groups ?? [], destinationId);
  const destination = groups?.find((group) => group.id === destinationId);
  return (
    <div className="backup-tab form" role="group" aria-label="Staging">
      <label className="checkbox">
        <input type="checkbox" checked={form.enabled} onChange={(event) => update({ enabled: event.target.checked })} />
        Write sessions to a staging device group first
        <small className="muted">— e.g. fast disks, then migrated to the destination group</small>
      </label>
      <fieldset className="options-group" disabled={!form.enabled} aria-label="Staging device group">
        {groups === undefined ? (
          <p className="muted">Reading the device groups…</p>
        ) : candidates.length === 0 ? (
          <p className={form.enabled ? 'warning-banner' : 'muted'} role={form.enabled ? 'alert' : undefined}>
            There is no device group other than the destination{destination ? ` (${destination.name})` : ''} to stage on: add one with New disk device….
          </p>
        ) : (
          <Field id="staging-group" label="Staging device group" error={errors.deviceGroupId}>
            <select {...inputProps('staging-group', errors.deviceGroupId)} value={form.deviceGroupId ?? ''} onChange={(event) => update({ deviceGroupId: Number(event.target.value) })}>
              {candidates.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <div>
          <button type="button" onClick={() => setAdding(true)}>
            New disk device…
          </button>
        </div>
        <p className="muted">The destination group{destination ? `, ${destination.name},` : ''} is not offered: sessions migrate to it.</p>
        <div className={`field inline-field${errors.hours ? ' invalid' : ''}`}>
          <label htmlFor="staging-hours">Migrate to the destination after</label>
          <input
            {...inputProps('staging-hours', errors.hours)}
            type="number"
            min={0}
            max={MAX_MIGRATE_HOURS}
            className="hours-input"
            value={form.hours}
            onChange={(event) => update({ hours: event.target.value })}
          />
          <span>hours</span>
          <small className="muted">(0 = as soon as each session is written)</small>
          {errors.hours && (
            <p className="field-error" id="staging-hours-error">
              {errors.hours}
            </p>
          )}
        </div>
      </fieldset>
      {adding && (
        <NewDiskDeviceDialog
          initialGroupId={undefined}
          onAdded={(group) => {
            update({ enabled: true, deviceGroupId: group.id });
            setAdding(false);
          }}
          onClose={() => setAdding(false)}
        />
      )}
    </div>
  );
}
