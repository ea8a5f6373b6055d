import { afterAll, describe, expect, it } from 'vitest';
import type { Schedule } from '../../../../engine/backup/catalog/job-model';
import { describeSchedule, firstRunAt, nextRunAfter } from '../../../../engine/backup/catalog/schedule';

/**
 * Dates are built with the local-time constructor in Europe/Paris, where clocks jump
 * 02:00 → 03:00 on Sunday 29 March 2026 and fall back 03:00 → 02:00 on Sunday 25 October 2026.
 */
// Set while the module loads: the it.each tables below are built before any hook runs.
const savedTz = process.env.TZ;
process.env.TZ = 'Europe/Paris';
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

/** Local wall-clock time in Paris (month 1-12). */
const paris = (y: number, mo: number, d: number, h = 0, mi = 0): Date => new Date(y, mo - 1, d, h, mi);
const daily = (time: string): Schedule => ({ kind: 'daily', time });
const weekly = (days: number[], time: string): Schedule => ({ kind: 'weekly', days, time });

describe('nextRunAfter', () => {
  it('runs in Paris time (the suite sets TZ)', () => {
    expect(paris(2026, 1, 15, 12).toISOString()).toBe('2026-01-15T11:00:00.000Z');
    expect(paris(2026, 7, 15, 12).toISOString()).toBe('2026-07-15T10:00:00.000Z');
  });

  it.each<[string, Schedule, Date, Date | null]>([
    ['once, still ahead', { kind: 'once', at: '2026-11-26T21:00:00.000Z' }, new Date('2026-11-26T09:00:00Z'), new Date('2026-11-26T21:00:00Z')],
    ['once, passed', { kind: 'once', at: '2026-11-26T21:00:00.000Z' }, new Date('2026-11-26T21:00:00Z'), null],
    ['daily, later today', daily('22:00'), paris(2026, 11, 26, 9), paris(2026, 11, 26, 22)],
    ['daily, passed today → tomorrow', daily('08:30'), paris(2026, 11, 26, 9), paris(2026, 11, 27, 8, 30)],
    ['daily, exactly now → tomorrow (strictly after)', daily('09:00'), paris(2026, 11, 26, 9), paris(2026, 11, 27, 9)],
    ['daily, across the month end', daily('01:00'), paris(2026, 11, 30, 23), paris(2026, 12, 1, 1)],
    ['weekly Friday (26 Nov 2026 is a Thursday)', weekly([5], '22:00'), paris(2026, 11, 26, 9), paris(2026, 11, 27, 22)],
    ['weekly Mon+Wed from Thursday → Monday', weekly([1, 3], '06:00'), paris(2026, 11, 26, 9), paris(2026, 11, 30, 6)],
    ['weekly Thursday, time passed today → next week', weekly([4], '08:00'), paris(2026, 11, 26, 9), paris(2026, 12, 3, 8)],
    ['weekly every day', weekly([0, 1, 2, 3, 4, 5, 6], '10:00'), paris(2026, 11, 26, 9), paris(2026, 11, 26, 10)],
    ['every 6 hours, before the start', { kind: 'everyHours', hours: 6, from: '2026-11-26T12:00:00.000Z' }, new Date('2026-11-26T09:00:00Z'), new Date('2026-11-26T12:00:00Z')],
    ['every 6 hours, at a run → the next one', { kind: 'everyHours', hours: 6, from: '2026-11-26T12:00:00.000Z' }, new Date('2026-11-26T18:00:00Z'), new Date('2026-11-27T00:00:00Z')],
    ['every 6 hours, between runs', { kind: 'everyHours', hours: 6, from: '2026-11-26T12:00:00.000Z' }, new Date('2026-11-27T01:00:00Z'), new Date('2026-11-27T06:00:00Z')],
  ])('%s', (_label, schedule, after, expected) => {
    expect(nextRunAfter(schedule, after)).toEqual(expected);
  });
});

describe('nextRunAfter across daylight-saving changes (Europe/Paris)', () => {
  it('a daily 22:00 job stays at 22:00 local before and after the spring change (23 h apart that night)', () => {
    const saturday = nextRunAfter(daily('22:00'), paris(2026, 3, 28, 12));
    const sunday = nextRunAfter(daily('22:00'), saturday ?? new Date(0));
    expect(saturday).toEqual(paris(2026, 3, 28, 22));
    expect(saturday?.toISOString()).toBe('2026-03-28T21:00:00.000Z'); // CET, UTC+1
    expect(sunday).toEqual(paris(2026, 3, 29, 22));
    expect(sunday?.toISOString()).toBe('2026-03-29T20:00:00.000Z'); // CEST, UTC+2
    expect((sunday?.getTime() ?? 0) - (saturday?.getTime() ?? 0)).toBe(23 * 3_600_000);
  });

  it('a daily 22:00 job stays at 22:00 local across the autumn change (25 h apart that night)', () => {
    const saturday = nextRunAfter(daily('22:00'), paris(2026, 10, 24, 12));
    const sunday = nextRunAfter(daily('22:00'), saturday ?? new Date(0));
    expect(saturday?.toISOString()).toBe('2026-10-24T20:00:00.000Z');
    expect(sunday?.toISOString()).toBe('2026-10-25T21:00:00.000Z');
    expect((sunday?.getTime() ?? 0) - (saturday?.getTime() ?? 0)).toBe(25 * 3_600_000);
  });

  it('a time skipped by the spring change (02:30) runs an hour later that day, then at 02:30 again', () => {
    const skipped = nextRunAfter(daily('02:30'), paris(2026, 3, 29, 0));
    expect(skipped?.toISOString()).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
    expect(skipped?.getHours()).toBe(3);
    const next = nextRunAfter(daily('02:30'), skipped ?? new Date(0));
    expect(next).toEqual(paris(2026, 3, 30, 2, 30));
    expect(next?.getHours()).toBe(2);
  });

  it('a time repeated by the autumn change (02:30 twice) runs once, at its first occurrence', () => {
    const first = nextRunAfter(daily('02:30'), paris(2026, 10, 25, 0));
    expect(first?.toISOString()).toBe('2026-10-25T00:30:00.000Z'); // 02:30 CEST
    // After that run — and after the second 02:30 (CET, 01:30Z) — the next is Monday's.
    expect(nextRunAfter(daily('02:30'), first ?? new Date(0))).toEqual(paris(2026, 10, 26, 2, 30));
    expect(nextRunAfter(daily('02:30'), new Date('2026-10-25T01:31:00.000Z'))).toEqual(paris(2026, 10, 26, 2, 30));
  });

  it('a weekly Sunday 01:00 job keeps 01:00 local on both change days', () => {
    expect(nextRunAfter(weekly([0], '01:00'), paris(2026, 3, 27, 12))?.toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(nextRunAfter(weekly([0], '01:00'), paris(2026, 10, 23, 12))?.toISOString()).toBe('2026-10-24T23:00:00.000Z');
  });

  it('every 6 hours counts elapsed time, so local times shift by an hour across the change', () => {
    const schedule: Schedule = { kind: 'everyHours', hours: 6, from: paris(2026, 3, 28, 18).toISOString() };
    const runs: Date[] = [];
    let after = paris(2026, 3, 28, 17);
    for (let index = 0; index < 4; index++) {
      const next = nextRunAfter(schedule, after);
      if (!next) throw new Error('every N hours always has a next run');
      runs.push(next);
      after = next;
    }
    expect(runs.map((run) => run.getTime() - (runs[0]?.getTime() ?? 0))).toEqual([0, 6, 12, 18].map((hours) => hours * 3_600_000));
    expect(runs.map((run) => run.getHours())).toEqual([18, 0, 7, 13]);
  });
});

describe('firstRunAt', () => {
  it('a one-time job whose time has passed is due at once ("run now")', () => {
    const now = new Date('2026-11-26T09:00:05.000Z');
    expect(firstRunAt({ kind: 'once', at: '2026-11-26T09:00:00.000Z' }, now)).toEqual(new Date('2026-11-26T09:00:00.000Z'));
  });

  it('a repeating job submitted at its exact time runs now; every N hours starting now runs now', () => {
    expect(firstRunAt(daily('09:00'), paris(2026, 11, 26, 9))).toEqual(paris(2026, 11, 26, 9));
    const now = new Date('2026-11-26T09:00:00.000Z');
    expect(firstRunAt({ kind: 'everyHours', hours: 4, from: now.toISOString() }, now)).toEqual(now);
  });
});

describe('describeSchedule', () => {
  it.each<[Schedule, string]>([
    [daily('22:00'), 'daily at 22:00'],
    [weekly([5, 1, 5], '21:30'), 'weekly on Mon, Fri at 21:30'],
    [{ kind: 'everyHours', hours: 1, from: '2026-11-26T09:00:00.000Z' }, 'every hour'],
    [{ kind: 'everyHours', hours: 6, from: '2026-11-26T09:00:00.000Z' }, 'every 6 hours'],
    [{ kind: 'once', at: '2026-11-26T21:00:00.000Z' }, 'once at 2026-11-26 22:00'],
  ])('%j → %s', (schedule, text) => {
    expect(describeSchedule(schedule)).toBe(text);
  });
});
