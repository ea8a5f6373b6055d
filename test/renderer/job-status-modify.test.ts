import { describe, expect, it } from 'vitest';
import { localInputValue, normalizeTime, parseLocalInput } from '../../renderer/src/components/schedule-fields';
import { controlOfField, fromModifyForm, modifyRefusal, toModifyForm, type ModifyForm } from '../../renderer/src/windows/job-status/job-modify-form';
import type { BackupJob } from '../../renderer/src/windows/replication-manager/backup-jobs';
import { backupJob, restoreJob } from './job-fixtures';

const OPTIONS: BackupJob['options'] = { compression: 'gzip', encryption: true, virusScan: false, timeoutSeconds: 180, snapshot: 'release', multistreaming: true, verification: 'none', staging: null };

function options(patch: Partial<BackupJob['options']> = {}): BackupJob['options'] {
  return { ...OPTIONS, ...patch };
}
/** A local wall-clock instant (the dialog works in the computer's time zone). */
const NOW = new Date(2026, 10, 26, 14, 20);

function job(patch: Partial<BackupJob> = {}): BackupJob {
  return backupJob({ name: 'Nightly', description: 'Finance shares', mediaPool: 'Weekly', deviceGroupId: 3, options: options(), ...patch });
}

function changesOf(form: ModifyForm, of: BackupJob = job()) {
  const checked = fromModifyForm(form, of);
  if (!checked.ok) throw new Error(`not valid: ${JSON.stringify(checked.errors)}`);
  return checked.changes;
}

describe('the Modify dialog of the Job Queue', () => {
  it('starts from the job as it is and sends it back unchanged when nothing is edited', () => {
    const at = new Date(2026, 10, 27, 22, 0).toISOString();
    const once = job({ schedule: { kind: 'once', at } });
    const form = toModifyForm(once, NOW);
    expect(form).toMatchObject({ name: 'Nightly', description: 'Finance shares', scheduleKind: 'once', onceAt: '2026-11-27T22:00', deviceGroupId: '3', mediaPool: 'Weekly', timeoutSeconds: '180' });
    expect(changesOf(form, once)).toEqual({ name: 'Nightly', description: 'Finance shares', deviceGroupId: 3, mediaPool: 'Weekly', schedule: { kind: 'once', at }, options: options() });
  });

  it.each<[string, Partial<ModifyForm>, BackupJob['schedule']]>([
    ['daily at a time', { scheduleKind: 'daily', time: '23:30' }, { kind: 'daily', time: '23:30' }],
    ['daily with a one-digit hour', { scheduleKind: 'daily', time: '2:05' }, { kind: 'daily', time: '02:05' }],
    ['weekly on chosen days, in day order, each once', { scheduleKind: 'weekly', days: [5, 1, 5], time: '22:00' }, { kind: 'weekly', days: [1, 5], time: '22:00' }],
    ['every N hours from a local time', { scheduleKind: 'everyHours', hours: '6', from: '2026-11-26T18:00' }, { kind: 'everyHours', hours: 6, from: new Date(2026, 10, 26, 18, 0).toISOString() }],
    ['once at a local time', { scheduleKind: 'once', onceAt: '2026-12-01T07:45' }, { kind: 'once', at: new Date(2026, 11, 1, 7, 45).toISOString() }],
  ])('turns %s into the schedule', (_name, patch, schedule) => {
    expect(changesOf({ ...toModifyForm(job(), NOW), ...patch }).schedule).toEqual(schedule);
  });

  it('keeps the other schedule controls from the job: switching daily to weekly keeps the time', () => {
    const form = toModifyForm(job({ schedule: { kind: 'daily', time: '22:15' } }), NOW);
    expect(changesOf({ ...form, scheduleKind: 'weekly' }).schedule).toEqual({ kind: 'weekly', days: [NOW.getDay()], time: '22:15' });
  });

  it('sends the destination and options, a blank pool as none, and never changes encryption', () => {
    const form = { ...toModifyForm(job(), NOW), deviceGroupId: '7', mediaPool: '  ', compression: 'none', virusScan: true, multistreaming: false, verification: 'checksum', snapshot: 'keep', timeoutSeconds: '600' } as const;
    expect(changesOf(form)).toMatchObject({
      deviceGroupId: 7,
      mediaPool: null,
      options: { compression: 'none', encryption: true, virusScan: true, multistreaming: false, verification: 'checksum', snapshot: 'keep', timeoutSeconds: 600 },
    });
    expect(changesOf(form, job({ options: options({ encryption: false }) })).options?.encryption).toBe(false);
  });

  it('keeps the options it does not show (disk staging) as they are', () => {
    const staged = job({ options: options({ staging: { deviceGroupId: 4, migrateAfterHours: 12 } }) });
    expect(changesOf({ ...toModifyForm(staged, NOW), virusScan: true }, staged).options).toEqual({ ...staged.options, virusScan: true });
  });

  it.each<[string, Partial<ModifyForm>, Record<string, string>]>([
    ['an empty name', { name: '  ' }, { name: 'Enter a name for the job.' }],
    ['a time that is not one', { scheduleKind: 'daily', time: '24:00' }, { time: 'Enter a time as HH:MM (24-hour, e.g. 22:00).' }],
    ['a week without days', { scheduleKind: 'weekly', days: [], time: '22:00' }, { days: 'Choose at least one day.' }],
    ['zero hours', { scheduleKind: 'everyHours', hours: '0' }, { hours: 'Enter a whole number of hours from 1 to 168.' }],
    ['a missing start', { scheduleKind: 'everyHours', from: '' }, { from: 'Enter the date and time the hours count from.' }],
    ['a missing date', { scheduleKind: 'once', onceAt: '' }, { onceAt: 'Enter the date and time to run the job.' }],
    ['a timeout past a day', { timeoutSeconds: '86401' }, { timeoutSeconds: 'Enter a whole number of seconds from 1 to 86400.' }],
    ['no device group', { deviceGroupId: '' }, { deviceGroupId: 'Choose a device group.' }],
  ])('says what to correct for %s', (_name, patch, errors) => {
    expect(fromModifyForm({ ...toModifyForm(job(), NOW), ...patch }, job())).toEqual({ ok: false, errors });
  });

  it('offers Modify for backup jobs that are not running, and says why not otherwise', () => {
    expect(modifyRefusal(job({ state: { status: 'Ready', nextRunAt: NOW.toISOString() } }))).toBeUndefined();
    expect(modifyRefusal(job({ state: { status: 'Hold', nextRunAt: null } }))).toBeUndefined();
    expect(modifyRefusal(job({ state: { status: 'Done' } }))).toBeUndefined();
    expect(modifyRefusal(job({ state: { status: 'Active', runId: 4 } }))).toMatch(/running job cannot be modified/);
    expect(modifyRefusal(restoreJob())).toMatch(/restore job cannot be modified: delete it and submit the restore again/);
  });

  it('reads and writes datetime-local values in local time, refusing dates that do not exist', () => {
    expect(localInputValue(new Date(2026, 0, 5, 7, 3))).toBe('2026-01-05T07:03');
    expect(parseLocalInput('2026-01-05T07:03')?.getTime()).toBe(new Date(2026, 0, 5, 7, 3).getTime());
    expect(parseLocalInput('2026-02-30T10:00')).toBeUndefined();
    expect(parseLocalInput('2026-13-01T10:00')).toBeUndefined();
    expect(parseLocalInput('tomorrow')).toBeUndefined();
    expect(normalizeTime('7:30')).toBe('07:30');
    expect(normalizeTime('07:60')).toBeUndefined();
  });

  it("puts the engine's field errors on their controls", () => {
    expect(controlOfField('changes.schedule.time')).toBe('time');
    expect(controlOfField('changes.schedule.at')).toBe('onceAt');
    expect(controlOfField('changes.options.timeoutSeconds')).toBe('timeoutSeconds');
    expect(controlOfField('name')).toBe('name');
    expect(controlOfField('changes.options.encryption')).toBeUndefined();
  });
});
