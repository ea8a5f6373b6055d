import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../messages/user-error';
import type { BackupCatalog } from './catalog/backup-catalog';
import type { DeviceGroup } from './catalog/devices';

export interface DiskDeviceDraft {
  /** The device group's name; created when no group has it yet. */
  readonly group: string;
  readonly name: string;
  /** An absolute folder on the backup server. */
  readonly path: string;
}

/**
 * Backup Manager → Destination (and Staging) → New disk device: the folder is created and
 * written to once before it is recorded, so a job never finds out at night that it cannot use it.
 */
export async function addDiskDevice(catalog: BackupCatalog, draft: DiskDeviceDraft): Promise<DeviceGroup> {
  if (!path.isAbsolute(draft.path)) throw new UserError('E3390', `"${draft.path}" is not an absolute path`);
  const probe = path.join(draft.path, `.understudy-probe-${randomBytes(6).toString('hex')}`);
  try {
    await fs.mkdir(draft.path, { recursive: true });
    await fs.writeFile(probe, 'probe');
    await fs.rm(probe);
  } catch (error) {
    throw new UserError('E3390', `${draft.path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const existing = catalog.devices.groups().find((group) => group.name.toLowerCase() === draft.group.trim().toLowerCase());
  const group = existing ?? catalog.devices.createGroup(draft.group);
  catalog.devices.addDiskDevice({ groupId: group.id, name: draft.name, path: draft.path });
  return catalog.devices.requireGroup(group.id);
}
