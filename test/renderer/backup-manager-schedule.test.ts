import { describe, expect, it } from 'vitest';
import { toggleDay } from '../../renderer/src/components/schedule-fields';
import { buildSchedule, DEFAULT_SCHEDULE, startsAtSubmission, type ScheduleForm } from '../../renderer/src/windows/backup-manager/schedule-form';

const NOW = new Date(2026, 2, 4, 10, 15, 0);
const form = (patch: Partial<ScheduleForm>): ScheduleForm => ({ ...DEFAULT_SCHEDULE, ...patch });

describe('the Schedule tab', () => {
  it('runs now by default: once at the submission time', () => {
    expect(buildSchedule(DEFAULT_SCHEDULE, NOW)).toEqual({ ok: true, schedule: { kind: 'once', at: NOW.toISOString() } });
    expect(startsAtSubmission(DEFAULT_SCHEDULE)).toBe(true);
  });

  it('runs once at a local date and time', () => {
    expect(buildSchedule(form({ run: 'once', at: '2026-03-06T22:00' }), NOW)).toEqual({ ok: true, schedule: { kind: 'once', at: new Date(2026, 2, 6, 22, 0).toISOString() } });
    expect(buildSchedule(form({ run: 'once', at: '' }), NOW)).toMatchObject({ ok: false, errors: { at: expect.any(String) } });
    expect(buildSchedule(form({ run: 'once', at: '2026-02-30T22:00' }), NOW)).toMatchObject({ ok: false, errors: { at: 'Enter a real date and time.' } });
  });

  it('repeats daily or weekly at a wall-clock time, weekdays sorted', () => {
    expect(buildSchedule(form({ run: 'repeating', repeat: 'daily', time: '06:30' }), NOW)).toEqual({ ok: true, schedule: { kind: 'daily', time: '06:30' } });
    expect(buildSchedule(form({ run: 'repeating', repeat: 'weekly', days: [5, 1], time: '22:00' }), NOW)).toEqual({ ok: true, schedule: { kind: 'weekly', days: [1, 5], time: '22:00' } });
  });

  it('refuses a weekly schedule without a day, and a time that is not HH:MM', () => {
    expect(buildSchedule(form({ run: 'repeating', repeat: 'weekly', days: [], time: '22:00' }), NOW)).toEqual({ ok: false, errors: { days: 'Choose at least one day.' } });
    expect(buildSchedule(form({ run: 'repeating', repeat: 'daily', time: '24:00' }), NOW)).toMatchObject({ ok: false, errors: { time: expect.any(String) } });
  });

  it('repeats every N hours from a start, or from the submission when none is given', () => {
    expect(buildSchedule(form({ run: 'repeating', repeat: 'everyHours', hours: '6', from: '' }), NOW)).toEqual({ ok: true, schedule: { kind: 'everyHours', hours: 6, from: NOW.toISOString() } });
    expect(startsAtSubmission(form({ run: 'repeating', repeat: 'everyHours', from: '' }))).toBe(true);
    const from = form({ run: 'repeating', repeat: 'everyHours', hours: '12', from: '2026-03-05T01:00' });
    expect(buildSchedule(from, NOW)).toEqual({ ok: true, schedule: { kind: 'everyHours', hours: 12, from: new Date(2026, 2, 5, 1, 0).toISOString() } });
    expect(startsAtSubmission(from)).toBe(false);
  });

  it.each(['0', '169', '1.5', '', 'six'])('refuses every "%s" hours', (hours) => {
    expect(buildSchedule(form({ run: 'repeating', repeat: 'everyHours', hours }), NOW)).toMatchObject({ ok: false, errors: { hours: expect.any(String) } });
  });

  it('checks and unchecks weekdays, kept in week order', () => {
    expect(toggleDay([5], 1)).toEqual([1, 5]);
    expect(toggleDay([1, 5], 5)).toEqual([1]);
  });
});
