import { useState, type ReactElement } from 'react';
import type { ErrorInfo } from '../../../../electron/api/contract';
import { Dialog } from '../../components/Dialog';
import { DialogButtons } from '../../components/DialogButtons';
import { Field, inputProps } from '../../components/Field';
import { HostFolderBrowser } from '../../components/HostFolderBrowser';
import { isAbsoluteFolder } from '../../components/host-folder-paths';
import { SubmitForm } from '../../components/SubmitForm';
import { useBackupManager } from '../../store/backup-manager';
import type { DeviceGroup } from './backup-types';
import { NEW_GROUP, newDiskDeviceForm, parseDiskDevice, type DiskDeviceErrors, type DiskDeviceForm } from './disk-device-form';

interface NewDiskDeviceDialogProps {
  /** The group proposed; undefined proposes a new group. */
  initialGroupId: number | undefined;
  /** The group the device joined, as the backup server now lists it. */
  onAdded(group: DeviceGroup): void;
  onClose(): void;
}

/**
 * New disk device…: a folder on the backup server (this machine) added to an existing group or
 * a new one. The backup server creates the folder and writes a test file there first (E3390);
 * names already used are refused (E3378). Both show with their reason and action.
 */
export function NewDiskDeviceDialog({ initialGroupId, onAdded, onClose }: NewDiskDeviceDialogProps): ReactElement {
  const groups = useBackupManager((state) => state.groups ?? []);
  const addDiskDevice = useBackupManager((state) => state.addDiskDevice);
  const [form, setForm] = useState<DiskDeviceForm>(() => newDiskDeviceForm(initialGroupId));
  const [errors, setErrors] = useState<DiskDeviceErrors>({});
  const [error, setError] = useState<ErrorInfo | undefined>();
  const [busy, setBusy] = useState(false);
  const [browsing, setBrowsing] = useState(false);
  const update = (patch: Partial<DiskDeviceForm>): void => {
    setForm((current) => ({ ...current, ...patch }));
    setErrors({});
  };

  const submit = async (): Promise<void> => {
    const parsed = parseDiskDevice(form, groups);
    setErrors(parsed.ok ? {} : parsed.errors);
    if (!parsed.ok) return;
    setBusy(true);
    setError(undefined);
    const result = await addDiskDevice(parsed.draft);
    setBusy(false);
    if (result.ok) onAdded(result.value);
    else setError(result.error);
  };

  return (
    <Dialog title="New disk device" onClose={onClose} footer={<DialogButtons confirmLabel="Add device" form="disk-device-form" busy={busy} onCancel={onClose} />}>
      <SubmitForm id="disk-device-form" autoComplete="off" error={error} onSubmit={submit}>
        <Field id="disk-device-group" label="Add to group" error={errors.group}>
          <select {...inputProps('disk-device-group', errors.group)} value={form.group} onChange={(event) => update({ group: event.target.value })}>
            {groups.map((group) => (
              <option key={group.id} value={String(group.id)}>
                {group.name}
              </option>
            ))}
            <option value={NEW_GROUP}>New group…</option>
          </select>
        </Field>
        {form.group === NEW_GROUP && (
          <Field id="disk-device-new-group" label="New group name" error={errors.newGroup}>
            <input {...inputProps('disk-device-new-group', errors.newGroup)} maxLength={200} autoFocus value={form.newGroup} onChange={(event) => update({ newGroup: event.target.value })} />
          </Field>
        )}
        <Field id="disk-device-name" label="Device name" error={errors.name}>
          <input {...inputProps('disk-device-name', errors.name)} maxLength={200} value={form.name} onChange={(event) => update({ name: event.target.value })} />
        </Field>
        <Field id="disk-device-path" label="Folder on the backup server" error={errors.path} wide>
          <div className="field-with-button">
            <input {...inputProps('disk-device-path', errors.path)} spellCheck={false} placeholder="/srv/backups/disk2 or E:\Backups" value={form.path} onChange={(event) => update({ path: event.target.value })} />
            <button type="button" onClick={() => setBrowsing(true)}>
              Browse…
            </button>
          </div>
        </Field>
        <p className="muted">The folder is created when missing, and a test file is written and removed before the device is added.</p>
      </SubmitForm>
      {browsing && (
        <HostFolderBrowser
          host="localhost"
          initialPath={isAbsoluteFolder(form.path.trim()) ? form.path.trim() : '/'}
          onChoose={(folder) => {
            update({ path: folder });
            setBrowsing(false);
          }}
          onClose={() => setBrowsing(false)}
        />
      )}
    </Dialog>
  );
}
