import { runAtInstant } from '../restore-manager/restore-spec';
import type { Schedule } from './backup-types';

/**
 * The Schedule tab as typed, and the schedule it makes. "Run now" is a one-time job at the
 * submission time; repeating jobs run daily or weekly at a wall-clock time of the backup
 * server, or every N hours from a start.
 */

export type RunChoice = 'now' | 'once' | 'repeating';
export type RepeatChoice = 'daily' | 'weekly' | 'everyHours';

export interface ScheduleForm {
  run: RunChoice;
  /** Once at: the datetime-local value. */
  at: string;
  repeat: RepeatChoice;
  /** Daily and weekly: HH:MM as the time input gives it. */
  time: string;
  /** Weekly: 0 = Sunday … 6 = Saturday. */
  days: readonly number[];
  /** Every N hours: N as typed. */
  hours: string;
  /** Every N hours: the first run as a datetime-local value; blank = when submitted. */
  from: string;
}

export const DEFAULT_SCHEDULE: ScheduleForm = { run: 'now', at: '', repeat: 'daily', time: '22:00', days: [], hours: '24', from: '' };

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export type ScheduleErrors = Partial<Record<'at' | 'time' | 'days' | 'hours' | 'from', string>>;
export type ScheduleResult = { ok: true; schedule: Schedule } | { ok: false; errors: ScheduleErrors };

const MAX_HOURS = 24 * 7;

/** The schedule the form makes at `now` (run now and a blank "from" mean `now`), or why it makes none. */
export function buildSchedule(form: ScheduleForm, now: Date): ScheduleResult {
  if (form.run === 'now') return { ok: true, schedule: { kind: 'once', at: now.toISOString() } };
  if (form.run === 'once') {
    const at = runAtInstant({ kind: 'at', local: form.at });
    if (!at.ok) return { ok: false, errors: { at: at.message } };
    return { ok: true, schedule: { kind: 'once', at: at.at ?? now.toISOString() } };
  }
  const errors: ScheduleErrors = {};
  if (form.repeat !== 'everyHours' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(form.time)) errors.time = 'Enter the time as HH:MM (24-hour).';
  if (form.repeat === 'weekly' && form.days.length === 0) errors.days = 'Check at least one day.';
  if (form.repeat === 'daily' || form.repeat === 'weekly') {
    if (errors.time || errors.days) return { ok: false, errors };
    return form.repeat === 'daily' ? { ok: true, schedule: { kind: 'daily', time: form.time } } : { ok: true, schedule: { kind: 'weekly', days: [...form.days].sort((a, b) => a - b), time: form.time } };
  }
  const hours = Number(form.hours.trim());
  if (form.hours.trim() === '' || !Number.isInteger(hours) || hours < 1 || hours > MAX_HOURS) errors.hours = `Enter a whole number of hours from 1 to ${MAX_HOURS}.`;
  const from = form.from.trim() === '' ? { ok: true as const, at: undefined } : runAtInstant({ kind: 'at', local: form.from });
  if (!from.ok) errors.from = from.message;
  if (errors.hours || !from.ok) return { ok: false, errors };
  return { ok: true, schedule: { kind: 'everyHours', hours, from: from.at ?? now.toISOString() } };
}

/**
 * Whether the first run is the submission itself (run now, or every N hours from now): then
 * the tab says so instead of asking the server for a time that is only known at Submit.
 */
export function startsAtSubmission(form: ScheduleForm): boolean {
  return form.run === 'now' || (form.run === 'repeating' && form.repeat === 'everyHours' && form.from.trim() === '');
}

/** Checks or unchecks a weekday. */
export function toggleDay(days: readonly number[], day: number): number[] {
  return days.includes(day) ? days.filter((chosen) => chosen !== day) : [...days, day].sort((a, b) => a - b);
}
