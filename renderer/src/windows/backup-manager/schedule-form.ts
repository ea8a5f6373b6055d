import { scheduleOfFields, type Schedule, type ScheduleFieldErrors } from '../../components/schedule-fields';

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

export type ScheduleErrors = ScheduleFieldErrors;
export type ScheduleResult = { ok: true; schedule: Schedule } | { ok: false; errors: ScheduleErrors };

/** The schedule the form makes at `now` (run now and a blank "from" mean `now`), or why it makes none. */
export function buildSchedule(form: ScheduleForm, now: Date): ScheduleResult {
  if (form.run === 'now') return { ok: true, schedule: { kind: 'once', at: now.toISOString() } };
  return scheduleOfFields(form.run === 'once' ? 'once' : form.repeat, form, { now, blankFromIsNow: true });
}

/**
 * Whether the first run is the submission itself (run now, or every N hours from now): then
 * the tab says so instead of asking the server for a time that is only known at Submit.
 */
export function startsAtSubmission(form: ScheduleForm): boolean {
  return form.run === 'now' || (form.run === 'repeating' && form.repeat === 'everyHours' && form.from.trim() === '');
}
