import { describe, expect, it } from 'vitest';
import type { DeviceGroup } from '../../renderer/src/windows/backup-manager/backup-types';
import { NEW_GROUP, newDiskDeviceForm, parseDiskDevice } from '../../renderer/src/windows/backup-manager/disk-device-form';

const group = (id: number, name: string): DeviceGroup => ({ id, name, createdAt: '2026-03-01T09:00:00.000Z', devices: [] });
const groups = [group(1, 'Default'), group(2, 'Staging')];

describe('New disk device…', () => {
  it('opens on the given group, else on a new group', () => {
    expect(newDiskDeviceForm(2)).toEqual({ group: '2', newGroup: '', name: '', path: '' });
    expect(newDiskDeviceForm(undefined).group).toBe(NEW_GROUP);
  });

  it('adds to an existing group by its name', () => {
    expect(parseDiskDevice({ group: '2', newGroup: 'ignored', name: ' Disk 2 ', path: ' /srv/backups/disk2 ' }, groups)).toEqual({
      ok: true,
      draft: { group: 'Staging', name: 'Disk 2', path: '/srv/backups/disk2' },
    });
  });

  it('creates a new group by the name typed', () => {
    expect(parseDiskDevice({ group: NEW_GROUP, newGroup: ' Fast disks ', name: 'Fast 1', path: 'E:\\Backups' }, groups)).toEqual({
      ok: true,
      draft: { group: 'Fast disks', name: 'Fast 1', path: 'E:\\Backups' },
    });
  });

  it.each<[string, Parameters<typeof parseDiskDevice>[0], string[]]>([
    ['a new group without a name', { group: NEW_GROUP, newGroup: ' ', name: 'Disk', path: '/srv/b' }, ['newGroup']],
    ['a new group named like an existing one', { group: NEW_GROUP, newGroup: 'default', name: 'Disk', path: '/srv/b' }, ['newGroup']],
    ['a group that is gone', { group: '9', newGroup: '', name: 'Disk', path: '/srv/b' }, ['group']],
    ['no device name', { group: '1', newGroup: '', name: '', path: '/srv/b' }, ['name']],
    ['no folder', { group: '1', newGroup: '', name: 'Disk', path: '' }, ['path']],
    ['a relative folder', { group: '1', newGroup: '', name: 'Disk', path: 'backups' }, ['path']],
    ['everything missing', { group: NEW_GROUP, newGroup: '', name: '', path: '' }, ['name', 'newGroup', 'path']],
  ])('refuses %s', (_case, form, fields) => {
    const parsed = parseDiskDevice(form, groups);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(Object.keys(parsed.errors).sort()).toEqual(fields);
  });
});
