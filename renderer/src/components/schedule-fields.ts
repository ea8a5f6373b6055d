import type { ChannelRequest } from '../../../electron/api/contract';

/**
 * A job schedule as the Backup Manager's Schedule tab and the Job Queue's Modify dialog type
 * it, and the schedule it makes; datetime-local values read in this computer's time zone (the
 * Restore Manager's "run at" too). Pure.
 */
export type Schedule = ChannelRequest<'backup.schedule-preview'>['schedule'];
export type ScheduleKind = Schedule['kind'];

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const MAX_HOURS = 24 * 7;

export interface ScheduleFields {
  /** Once at: the datetime-local value. */
  at: string;
  /** Daily and weekly: HH:MM ("7:30" is taken as 07:30). */
  time: string;
  /** Weekly: 0 = Sunday … 6 = Saturday. */
  days: readonly number[];
  /** Every N hours: N as typed. */
  hours: string;
  /** Every N hours: the first run as a datetime-local value. */
  from: string;
}

export type ScheduleFieldErrors = Partial<Record<keyof ScheduleFields, string>>;

const pad = (value: number): string => String(value).padStart(2, '0');

/** An instant as a datetime-local value in this computer's time zone: "2026-11-26T22:00". */
export function localInputValue(instant: Date): string {
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}T${pad(instant.getHours())}:${pad(instant.getMinutes())}`;
}

/** A datetime-local value (seconds optional) as the instant it names in this computer's time zone; undefined when it is not a real one. */
export function parseLocalInput(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const instant = new Date(year, month - 1, day, hours, minutes, seconds);
  return instant.getDate() === day ? instant : undefined;
}

/** "HH:MM" (24-hour) with a leading zero added to a one-digit hour ("2:30" → "02:30"); undefined when it is not a time. */
export function normalizeTime(value: string): string | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours <= 23 && minutes <= 59 ? `${pad(hours)}:${pad(minutes)}` : undefined;
}

/** Checks or unchecks a weekday. */
export function toggleDay(days: readonly number[], day: number): number[] {
  return days.includes(day) ? days.filter((chosen) => chosen !== day) : [...days, day].sort((a, b) => a - b);
}

/**
 * The schedule of kind `kind` the fields make, or what to correct. `blankFromIsNow`: an every-N-hours
 * schedule without a start counts from `now` (the Backup Manager); else the start is required.
 */
export function scheduleOfFields(
  kind: ScheduleKind,
  fields: ScheduleFields,
  options: { now: Date; blankFromIsNow: boolean },
): { ok: true; schedule: Schedule } | { ok: false; errors: ScheduleFieldErrors } {
  const errors: ScheduleFieldErrors = {};
  switch (kind) {
    case 'once': {
      const at = parseLocalInput(fields.at);
      if (at) return { ok: true, schedule: { kind: 'once', at: at.toISOString() } };
      return { ok: false, errors: { at: fields.at.trim() === '' ? 'Enter the date and time to run the job.' : 'Enter a real date and time.' } };
    }
    case 'daily':
    case 'weekly': {
      const time = normalizeTime(fields.time);
      if (!time) errors.time = 'Enter a time as HH:MM (24-hour, e.g. 22:00).';
      const days = [...new Set(fields.days)].filter((day) => day >= 0 && day <= 6).sort((a, b) => a - b);
      if (kind === 'weekly' && days.length === 0) errors.days = 'Choose at least one day.';
      if (!time || errors.days) return { ok: false, errors };
      return { ok: true, schedule: kind === 'daily' ? { kind, time } : { kind, days, time } };
    }
    case 'everyHours': {
      const hours = /^\d+$/.test(fields.hours.trim()) ? Number(fields.hours.trim()) : NaN;
      if (!(hours >= 1 && hours <= MAX_HOURS)) errors.hours = `Enter a whole number of hours from 1 to ${MAX_HOURS}.`;
      const from = fields.from.trim() === '' && options.blankFromIsNow ? options.now : parseLocalInput(fields.from);
      if (!from) errors.from = fields.from.trim() === '' ? 'Enter the date and time the hours count from.' : 'Enter a real date and time.';
      if (errors.hours || !from) return { ok: false, errors };
      return { ok: true, schedule: { kind, hours, from: from.toISOString() } };
    }
  }
}
