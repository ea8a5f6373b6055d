import { useState, type ReactElement } from 'react';
import { Field, inputProps } from '../../components/Field';
import { useBackupManager } from '../../store/backup-manager';
import { NewDiskDeviceDialog } from './NewDiskDeviceDialog';

/**
 * The Destination tab: the device group the sessions are written to (its devices' folders
 * shown; New disk device… adds a folder to it or to a new group) and an optional media pool.
 */
export function DestinationTab(): ReactElement {
  const groups = useBackupManager((state) => state.groups);
  const destination = useBackupManager((state) => state.destination);
  const update = useBackupManager((state) => state.setDestination);
  const group = groups?.find((candidate) => candidate.id === destination.deviceGroupId);
  const [adding, setAdding] = useState(false);
  return (
    <div className="backup-tab form" role="group" aria-label="Destination">
      {groups === undefined ? (
        <p className="muted">Reading the device groups…</p>
      ) : groups.length === 0 ? (
        <p className="warning-banner" role="alert">
          There is no device group to back up to yet. Refresh: the Default group is created on this machine when first needed.
        </p>
      ) : (
        <Field id="backup-device-group" label="Device group" error={undefined}>
          <select id="backup-device-group" value={destination.deviceGroupId ?? ''} onChange={(event) => update({ deviceGroupId: Number(event.target.value) })}>
            {groups.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <div>
        <button type="button" onClick={() => setAdding(true)} title="Add a folder on the backup server as a disk device, to this group or a new one">
          New disk device…
        </button>
      </div>
      {group && (
        <table className="grid backup-devices" aria-label={`Devices of ${group.name}`}>
          <thead>
            <tr>
              <th scope="col">Device</th>
              <th scope="col">Folder</th>
            </tr>
          </thead>
          <tbody>
            {group.devices.length === 0 ? (
              <tr>
                <td colSpan={2} className="muted">
                  No device in this group yet: the first backup adds one.
                </td>
              </tr>
            ) : (
              group.devices.map((device) => (
                <tr key={device.id}>
                  <td>{device.name}</td>
                  <td>{device.path}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      )}
      <Field id="backup-media-pool" label="Media pool (optional)" error={undefined}>
        <input {...inputProps('backup-media-pool', undefined)} maxLength={200} value={destination.mediaPool} onChange={(event) => update({ mediaPool: event.target.value })} />
      </Field>
      <p className="muted">The media this job writes are recorded in the pool (e.g. Weekly); the job's summary in the Activity Log names it with each media.</p>
      {adding && (
        <NewDiskDeviceDialog
          initialGroupId={group?.id}
          onAdded={(added) => {
            update({ deviceGroupId: added.id });
            setAdding(false);
          }}
          onClose={() => setAdding(false)}
        />
      )}
    </div>
  );
}
