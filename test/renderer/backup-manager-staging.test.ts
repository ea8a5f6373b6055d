import { describe, expect, it } from 'vitest';
import type { DeviceGroup } from '../../renderer/src/windows/backup-manager/backup-types';
import { checkStaging, DEFAULT_STAGING, describeStaging, fitStagingGroup, stagingGroups } from '../../renderer/src/windows/backup-manager/staging-form';

const group = (id: number, name: string): DeviceGroup => ({ id, name, createdAt: '2026-03-01T09:00:00.000Z', devices: [] });
const groups = [group(1, 'Default'), group(2, 'Staging'), group(3, 'Fast disks')];

describe('the Staging tab', () => {
  it('stages nothing by default', () => {
    expect(checkStaging(DEFAULT_STAGING, groups, 1)).toEqual({ ok: true, staging: null });
  });

  it('never offers the destination group', () => {
    expect(stagingGroups(groups, 1).map((candidate) => candidate.name)).toEqual(['Staging', 'Fast disks']);
    expect(stagingGroups([group(1, 'Default')], 1)).toEqual([]);
  });

  it('sends the group and the hours when on; 0 hours migrates as soon as each session is written', () => {
    expect(checkStaging({ enabled: true, deviceGroupId: 2, hours: '0' }, groups, 1)).toEqual({ ok: true, staging: { deviceGroupId: 2, migrateAfterHours: 0 } });
    expect(checkStaging({ enabled: true, deviceGroupId: 3, hours: ' 48 ' }, groups, 1)).toEqual({ ok: true, staging: { deviceGroupId: 3, migrateAfterHours: 48 } });
  });

  it.each<[string, number | undefined, string, string[]]>([
    ['the destination itself', 1, '0', ['deviceGroupId']],
    ['no group', undefined, '0', ['deviceGroupId']],
    ['a group that is gone', 9, '0', ['deviceGroupId']],
    ['blank hours', 2, '', ['hours']],
    ['negative hours', 2, '-1', ['hours']],
    ['fractional hours', 2, '1.5', ['hours']],
    ['more than a year of hours', 2, String(24 * 366 + 1), ['hours']],
    ['neither', undefined, 'x', ['deviceGroupId', 'hours']],
  ])('refuses %s', (_case, deviceGroupId, hours, fields) => {
    const result = checkStaging({ enabled: true, deviceGroupId, hours }, groups, 1);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(fields);
  });

  it('keeps a valid choice and otherwise picks the first group that can stage', () => {
    const chosen = { enabled: true, deviceGroupId: 3, hours: '0' };
    expect(fitStagingGroup(chosen, groups, 1)).toBe(chosen);
    // The destination became the staging group: another one is proposed.
    expect(fitStagingGroup(chosen, groups, 3)).toEqual({ ...chosen, deviceGroupId: 1 });
    expect(fitStagingGroup(DEFAULT_STAGING, groups, 1)).toEqual({ ...DEFAULT_STAGING, deviceGroupId: 2 });
    expect(fitStagingGroup(chosen, [group(1, 'Default')], 1)).toEqual({ ...chosen, deviceGroupId: undefined });
  });

  it('describes the staging for Submit Job', () => {
    expect(describeStaging(null, groups)).toBe('none — sessions are written straight to the destination');
    expect(describeStaging({ deviceGroupId: 2, migrateAfterHours: 0 }, groups)).toBe('first to "Staging", migrated to the destination as soon as each session is written');
    expect(describeStaging({ deviceGroupId: 3, migrateAfterHours: 1 }, groups)).toBe('first to "Fast disks", migrated to the destination 1 hour after each session is written');
    expect(describeStaging({ deviceGroupId: 3, migrateAfterHours: 24 }, groups)).toBe('first to "Fast disks", migrated to the destination 24 hours after each session is written');
  });
});
