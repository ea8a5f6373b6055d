import { isAbsoluteFolder } from '../../components/host-folder-paths';
import type { DeviceGroup, DiskDeviceDraft } from './backup-types';

/**
 * New disk device… as typed: the group it joins (an existing one, or a new name: the group is
 * created), the device's name, and its folder on the backup server (created and test-written
 * by the backup server first: E3390 when it cannot be).
 */
export interface DiskDeviceForm {
  /** A group's id as the select gives it, or NEW_GROUP. */
  group: string;
  newGroup: string;
  name: string;
  path: string;
}

export const NEW_GROUP = 'new';

export type DiskDeviceErrors = Partial<Record<'group' | 'newGroup' | 'name' | 'path', string>>;
export type DiskDeviceParse = { ok: true; draft: DiskDeviceDraft } | { ok: false; errors: DiskDeviceErrors };

const MAX_NAME = 200;
const MAX_PATH = 4000;

/** The form the dialog opens with: into `groupId` when given (the Destination tab's group), else a new group. */
export function newDiskDeviceForm(groupId: number | undefined): DiskDeviceForm {
  return { group: groupId === undefined ? NEW_GROUP : String(groupId), newGroup: '', name: '', path: '' };
}

/** The form as backup.add-disk-device takes it (the group by name); a new group's name must not be taken already. */
export function parseDiskDevice(form: DiskDeviceForm, groups: readonly DeviceGroup[]): DiskDeviceParse {
  const errors: DiskDeviceErrors = {};
  let group: string | undefined;
  if (form.group === NEW_GROUP) {
    const typed = form.newGroup.trim();
    const taken = groups.find((candidate) => candidate.name.toLowerCase() === typed.toLowerCase());
    if (typed === '' || typed.length > MAX_NAME) errors.newGroup = `Enter the new group's name (at most ${MAX_NAME} characters).`;
    else if (taken) errors.newGroup = `A group named "${taken.name}" exists already: choose it in the list above.`;
    else group = typed;
  } else {
    group = groups.find((candidate) => String(candidate.id) === form.group)?.name;
    if (group === undefined) errors.group = 'That group is gone: refresh and choose another, or a new group.';
  }
  const name = form.name.trim();
  const path = form.path.trim();
  if (name === '' || name.length > MAX_NAME) errors.name = `Enter the device's name (at most ${MAX_NAME} characters).`;
  if (path === '') errors.path = 'Enter the folder on the backup server the device writes its media to.';
  else if (!isAbsoluteFolder(path) || path.length > MAX_PATH) errors.path = 'Enter an absolute folder path, e.g. /srv/backups/disk2 or E:\\Backups.';
  if (group === undefined || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, draft: { group, name, path } };
}
