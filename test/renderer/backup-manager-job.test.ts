import { describe, expect, it } from 'vitest';
import type { DeviceGroup } from '../../renderer/src/windows/backup-manager/backup-types';
import { buildDraft, checkDestination, defaultGroupId, describeDestination } from '../../renderer/src/windows/backup-manager/job-draft';
import { checkOptions, DEFAULT_OPTIONS, describeOptions } from '../../renderer/src/windows/backup-manager/options-form';

const group = (id: number, name: string, paths: string[] = []): DeviceGroup => ({
  id,
  name,
  createdAt: '2026-03-01T09:00:00.000Z',
  devices: paths.map((path, index) => ({ id: id * 10 + index, groupId: id, name: `Disk ${index + 1}`, kind: 'disk', path, capacityBytes: null, createdAt: '2026-03-01T09:00:00.000Z' })),
});
const groups = [group(1, 'Archive', ['/mnt/archive']), group(2, 'Default', ['/var/lib/understudy/devices'])];

describe('the Destination tab', () => {
  it('proposes the Default group, else the first', () => {
    expect(defaultGroupId(groups)).toBe(2);
    expect(defaultGroupId([group(1, 'Archive')])).toBe(1);
    expect(defaultGroupId([])).toBeUndefined();
  });

  it('needs a group that still exists; a blank media pool is none', () => {
    expect(checkDestination({ deviceGroupId: 2, mediaPool: '  ' }, groups)).toMatchObject({ ok: true, group: { id: 2 }, mediaPool: null });
    expect(checkDestination({ deviceGroupId: 2, mediaPool: ' Weekly ' }, groups)).toMatchObject({ ok: true, mediaPool: 'Weekly' });
    expect(checkDestination({ deviceGroupId: 9, mediaPool: '' }, groups)).toMatchObject({ ok: false, message: expect.stringContaining('Choose a device group') });
    expect(checkDestination({ deviceGroupId: undefined, mediaPool: '' }, [])).toMatchObject({ ok: false, message: expect.stringContaining('no device group') });
    expect(checkDestination({ deviceGroupId: 2, mediaPool: 'x'.repeat(201) }, groups)).toMatchObject({ ok: false });
  });

  it('describes the group with its devices\' folders and the pool', () => {
    expect(describeDestination(groups[1] ?? group(0, ''), 'Weekly')).toBe('Default (/var/lib/understudy/devices), media pool Weekly');
    expect(describeDestination(group(3, 'Empty'), null)).toBe('Empty');
  });
});

describe('the Options tab', () => {
  it('gives the defaults: gzip, no encryption, multistreaming, release the snapshot, 180 s', () => {
    expect(checkOptions(DEFAULT_OPTIONS)).toEqual({
      ok: true,
      options: { compression: 'gzip', encryption: false, virusScan: false, timeoutSeconds: 180, snapshot: 'release', multistreaming: true, verification: 'none', staging: null },
      password: undefined,
    });
  });

  it('asks for a session password of at least 8 characters, typed twice', () => {
    expect(checkOptions({ ...DEFAULT_OPTIONS, encryption: true, password: 'short', confirm: 'short' })).toMatchObject({ ok: false, errors: { password: expect.stringContaining('8') } });
    expect(checkOptions({ ...DEFAULT_OPTIONS, encryption: true, password: 'long enough', confirm: 'long enougH' })).toEqual({ ok: false, errors: { confirm: 'The two passwords differ.' } });
    expect(checkOptions({ ...DEFAULT_OPTIONS, encryption: true, password: 'long enough', confirm: 'long enough' })).toMatchObject({ ok: true, options: { encryption: true }, password: 'long enough' });
  });

  it('sends no password when encryption is off, whatever was typed', () => {
    expect(checkOptions({ ...DEFAULT_OPTIONS, password: 'typed before', confirm: '' })).toMatchObject({ ok: true, password: undefined });
  });

  it.each(['0', '86401', '2.5', ''])('refuses a timeout of "%s" seconds', (timeoutSeconds) => {
    expect(checkOptions({ ...DEFAULT_OPTIONS, timeoutSeconds })).toMatchObject({ ok: false, errors: { timeoutSeconds: expect.any(String) } });
  });

  it('lists the options for Submit Job', () => {
    const checked = checkOptions({ ...DEFAULT_OPTIONS, virusScan: true, verification: 'checksum', snapshot: 'keep', multistreaming: false, compression: 'none' });
    expect(checked.ok && describeOptions(checked.options)).toBe('no compression, not encrypted, virus scan, one scenario after another, checksums verified after writing, snapshot kept, timeout 180 s');
  });
});

describe('the job draft', () => {
  it('trims the names and keeps the scenarios in selection order', () => {
    const checked = checkOptions(DEFAULT_OPTIONS);
    if (!checked.ok) throw new Error('default options refused');
    expect(
      buildDraft({
        name: '  Backup Payroll ',
        description: ' nightly ',
        owner: 'administrator',
        scenarioIds: ['b', 'a'],
        deviceGroupId: 2,
        mediaPool: null,
        options: checked.options,
        schedule: { kind: 'weekly', days: [5], time: '22:00' },
        hold: true,
      }),
    ).toEqual({
      name: 'Backup Payroll',
      description: 'nightly',
      scenarioIds: ['b', 'a'],
      deviceGroupId: 2,
      mediaPool: null,
      options: checked.options,
      schedule: { kind: 'weekly', days: [5], time: '22:00' },
      owner: 'administrator',
      hold: true,
    });
  });
});
