import type { Schedule } from './job-model';

/**
 * When a scheduled job runs next. Pure: a schedule and an instant in, an instant out.
 *
 * Daily and weekly times are wall-clock times in the backup server's local time zone, built
 * with the local-time Date constructor day by day (never by adding 24 hours), so 22:00 stays
 * 22:00 across a daylight-saving change. Two edge cases follow the Date constructor:
 * - a time the spring change skips (02:30 when clocks jump 02:00 → 03:00) runs an hour
 *   later that day (03:30);
 * - a time the autumn change repeats (02:30 twice) runs once, at its first occurrence:
 *   candidates are strictly after the previous run, and the next day's is the next one.
 * "Every N hours" is elapsed time from its start, whatever the clocks do.
 */
export function nextRunAfter(schedule: Schedule, after: Date): Date | null {
  switch (schedule.kind) {
    case 'once': {
      const at = new Date(schedule.at);
      return at > after ? at : null;
    }
    case 'daily':
      return nextWallClockTime(schedule.time, after, () => true);
    case 'weekly': {
      const days = new Set(schedule.days);
      return nextWallClockTime(schedule.time, after, (day) => days.has(day));
    }
    case 'everyHours': {
      const from = new Date(schedule.from).getTime();
      const period = schedule.hours * 3_600_000;
      if (after.getTime() < from) return new Date(from);
      const elapsedPeriods = Math.floor((after.getTime() - from) / period) + 1;
      return new Date(from + elapsedPeriods * period);
    }
  }
}

/**
 * When a newly submitted (or modified) job first runs: a one-time job at its time even if
 * that has passed (then it is due at once: "run now" is a one-time job at the submission
 * time); a repeating job at its first occurrence from now on, now included.
 */
export function firstRunAt(schedule: Schedule, now: Date): Date {
  if (schedule.kind === 'once') return new Date(schedule.at);
  const next = nextRunAfter(schedule, new Date(now.getTime() - 1));
  if (next === null) throw new Error('a repeating schedule always has a next run');
  return next;
}

function nextWallClockTime(time: string, after: Date, onDay: (weekday: number) => boolean): Date | null {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  // Eight days reach the same weekday a week later even when today's time has passed.
  for (let offset = 0; offset <= 7; offset++) {
    const candidate = new Date(after.getFullYear(), after.getMonth(), after.getDate() + offset, hours, minutes, 0, 0);
    if (candidate > after && onDay(candidate.getDay())) return candidate;
  }
  return null;
}

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** As the Job Queue and the Activity Log say it: "daily at 22:00", "weekly on Mon, Fri at 22:00". */
export function describeSchedule(schedule: Schedule): string {
  switch (schedule.kind) {
    case 'once':
      return `once at ${localDateTime(new Date(schedule.at))}`;
    case 'daily':
      return `daily at ${schedule.time}`;
    case 'weekly':
      return `weekly on ${[...new Set(schedule.days)]
        .sort((a, b) => a - b)
        .map((day) => DAY_NAMES[day])
        .join(', ')} at ${schedule.time}`;
    case 'everyHours':
      return schedule.hours === 1 ? 'every hour' : `every ${schedule.hours} hours`;
  }
}

/** "2026-11-26 22:00" in local time. */
export function localDateTime(instant: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())} ${pad(instant.getHours())}:${pad(instant.getMinutes())}`;
}
