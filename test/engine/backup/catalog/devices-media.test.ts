import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localDay, mediaName } from '../../../../engine/backup/catalog/media';
import { CatalogRefusalError } from '../../../../engine/backup/catalog/refusals';
import { removeTempDirs, tempDir } from '../../../helpers/temp-dir';
import { closeTestCatalogs, openTestCatalog } from './catalog-fixture';

afterEach(() => {
  closeTestCatalogs();
  removeTempDirs();
});

function refusalKind(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof CatalogRefusalError) return error.refusal.kind;
    throw error;
  }
  return 'none';
}

describe('Devices', () => {
  it('groups disk devices (folders, capacity optional) and lists them with their group', () => {
    const { catalog } = openTestCatalog();
    const group = catalog.devices.createGroup('  Primary disks ');
    const folder = tempDir('understudy-device-');
    const device = catalog.devices.addDiskDevice({ groupId: group.id, name: 'Disk 1', path: folder, capacityBytes: 500 * 2 ** 30 });
    catalog.devices.addDiskDevice({ groupId: group.id, name: 'Disk 2', path: path.join(folder, 'second') });
    expect(device).toMatchObject({ groupId: group.id, name: 'Disk 1', kind: 'disk', path: folder, capacityBytes: 500 * 2 ** 30 });
    expect(catalog.devices.groups()).toEqual([
      expect.objectContaining({ name: 'Primary disks', devices: [device, expect.objectContaining({ name: 'Disk 2', capacityBytes: null })] }),
    ]);
    expect(catalog.activity.entries({ runId: null, limit: 10 }).map((entry) => entry.message)).toEqual([
      'Device group "Primary disks" created',
      `Disk device "Disk 1" (${folder}) added to device group "Primary disks"`,
      `Disk device "Disk 2" (${path.join(folder, 'second')}) added to device group "Primary disks"`,
    ]);
  });

  it('refuses a second group or device of the same name (any case), a folder used twice, and unknown groups', () => {
    const { catalog } = openTestCatalog();
    const group = catalog.devices.createGroup('Disks');
    const folder = tempDir('understudy-device-');
    catalog.devices.addDiskDevice({ groupId: group.id, name: 'Disk 1', path: folder });
    expect(refusalKind(() => catalog.devices.createGroup('DISKS'))).toBe('name-taken');
    expect(refusalKind(() => catalog.devices.addDiskDevice({ groupId: group.id, name: 'disk 1', path: tempDir() }))).toBe('name-taken');
    expect(refusalKind(() => catalog.devices.addDiskDevice({ groupId: group.id, name: 'Disk 2', path: `${folder}/` }))).toBe('name-taken');
    expect(refusalKind(() => catalog.devices.addDiskDevice({ groupId: 999, name: 'Disk 3', path: tempDir() }))).toBe('device-group-not-found');
  });
});

describe('MediaStore', () => {
  it('names media for the local day with the next number, gives each a UUID, and starts again at 0001 the next day', () => {
    const { catalog, clock } = openTestCatalog('2026-11-26T09:00:00.000Z');
    const group = catalog.devices.createGroup('Disks');
    const device = catalog.devices.addDiskDevice({ groupId: group.id, name: 'Disk 1', path: tempDir() });
    const first = catalog.media.create({ deviceId: device.id, pool: 'Weekly' });
    const second = catalog.media.create({ deviceId: device.id });
    const today = localDay(clock.now());
    expect(first).toMatchObject({ name: `BACKUP-${today}-0001`, sequence: 1, pool: 'Weekly', groupId: group.id, deviceId: device.id });
    expect(second).toMatchObject({ name: `BACKUP-${today}-0002`, sequence: 2, pool: null });
    expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first.id).not.toBe(second.id);

    clock.advance(24 * 3_600_000);
    const tomorrow = catalog.media.create({ deviceId: device.id });
    expect(tomorrow.name).toBe(`BACKUP-${localDay(clock.now())}-0001`);
    expect(catalog.media.byName(first.name)).toEqual(first);
    expect(catalog.media.list({ groupId: group.id }).map((media) => media.name)).toEqual([first.name, second.name, tomorrow.name]);
    expect(catalog.activity.entries({ runId: null, limit: 10 }).at(-3)?.message).toBe(
      `Media ${first.name} (ID ${first.id}, pool Weekly) created on device "Disk 1" in group "Disks"`,
    );
  });

  it('formats names as BACKUP-YYYY-MM-DD-NNNN', () => {
    expect(mediaName('2026-11-26', 1)).toBe('BACKUP-2026-11-26-0001');
    expect(mediaName('2026-11-26', 12345)).toBe('BACKUP-2026-11-26-12345');
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('refuses media on an unknown device', () => {
    const { catalog } = openTestCatalog();
    expect(refusalKind(() => catalog.media.create({ deviceId: 42 }))).toBe('device-not-found');
  });
});
