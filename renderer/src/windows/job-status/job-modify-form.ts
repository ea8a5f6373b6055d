import type { ChannelRequest } from '../../../../electron/api/contract';
import { localInputValue, scheduleOfFields, type Schedule, type ScheduleKind } from '../../components/schedule-fields';
import type { BackupJob, QueueJob } from '../replication-manager/backup-jobs';

type Options = BackupJob['options'];
export type BackupJobChanges = ChannelRequest<'backup.job-modify'>['changes'];

/** The Modify dialog's controls, as text where the user types. */
export interface ModifyForm {
  name: string;
  description: string;
  scheduleKind: ScheduleKind;
  /** Once: local date and time, as <input type="datetime-local"> holds it ("2026-11-26T22:00"). */
  onceAt: string;
  /** Daily and weekly: "HH:MM". */
  time: string;
  /** Weekly: 0 = Sunday … 6 = Saturday. */
  days: number[];
  /** Every N hours: N, and the local date and time it counts from. */
  hours: string;
  from: string;
  deviceGroupId: string;
  /** Empty: no pool. */
  mediaPool: string;
  compression: Options['compression'];
  virusScan: boolean;
  multistreaming: boolean;
  verification: Options['verification'];
  snapshot: Options['snapshot'];
  timeoutSeconds: string;
}

export type ModifyControl = 'name' | 'description' | 'onceAt' | 'time' | 'days' | 'hours' | 'from' | 'deviceGroupId' | 'mediaPool' | 'timeoutSeconds';
export type ModifyErrors = Partial<Record<ModifyControl, string>>;

export const SCHEDULE_KINDS: ReadonlyArray<{ kind: ScheduleKind; label: string }> = [
  { kind: 'once', label: 'Once at' },
  { kind: 'daily', label: 'Daily' },
  { kind: 'weekly', label: 'Weekly' },
  { kind: 'everyHours', label: 'Every N hours' },
];

const pad = (value: number): string => String(value).padStart(2, '0');

/**
 * The form for a job as it is. Controls of the other schedule kinds start from the job's
 * time where it has one (so switching daily → weekly keeps 22:00), else from `now`.
 */
export function toModifyForm(job: BackupJob, now: Date): ModifyForm {
  const schedule = job.schedule;
  const nextHour = new Date(now.getFullYear(), now.getMonth(), now.getDate(), now.getHours() + 1);
  return {
    name: job.name,
    description: job.description,
    scheduleKind: schedule.kind,
    onceAt: localInputValue(schedule.kind === 'once' ? new Date(schedule.at) : nextHour),
    time: schedule.kind === 'daily' || schedule.kind === 'weekly' ? schedule.time : `${pad(nextHour.getHours())}:00`,
    days: schedule.kind === 'weekly' ? [...schedule.days].sort((a, b) => a - b) : [nextHour.getDay()],
    hours: schedule.kind === 'everyHours' ? String(schedule.hours) : '24',
    from: localInputValue(schedule.kind === 'everyHours' ? new Date(schedule.from) : nextHour),
    deviceGroupId: String(job.deviceGroupId),
    mediaPool: job.mediaPool ?? '',
    compression: job.options.compression,
    virusScan: job.options.virusScan,
    multistreaming: job.options.multistreaming,
    verification: job.options.verification,
    snapshot: job.options.snapshot,
    timeoutSeconds: String(job.options.timeoutSeconds),
  };
}

function wholeNumber(text: string, min: number, max: number): number | undefined {
  if (!/^\d+$/.test(text.trim())) return undefined;
  const value = Number(text.trim());
  return value >= min && value <= max ? value : undefined;
}

function scheduleOf(form: ModifyForm, errors: ModifyErrors): Schedule | undefined {
  const made = scheduleOfFields(form.scheduleKind, { at: form.onceAt, time: form.time, days: form.days, hours: form.hours, from: form.from }, { now: new Date(), blankFromIsNow: false });
  if (made.ok) return made.schedule;
  const { at, ...others } = made.errors;
  Object.assign(errors, others, at === undefined ? {} : { onceAt: at });
  return undefined;
}

/**
 * The changes `backup.job-modify` takes, or what to correct. Every field the dialog shows is
 * sent (unchanged ones as they were); encryption keeps the job's flag: the session password
 * is only given when a job is submitted, so it cannot be turned on or off here.
 */
export function fromModifyForm(form: ModifyForm, job: BackupJob): { ok: true; changes: BackupJobChanges } | { ok: false; errors: ModifyErrors } {
  const errors: ModifyErrors = {};
  const name = form.name.trim();
  if (name === '') errors.name = 'Enter a name for the job.';
  else if (name.length > 200) errors.name = 'Use at most 200 characters.';
  if (form.description.length > 2000) errors.description = 'Use at most 2,000 characters.';
  const deviceGroupId = wholeNumber(form.deviceGroupId, 1, Number.MAX_SAFE_INTEGER);
  if (deviceGroupId === undefined) errors.deviceGroupId = 'Choose a device group.';
  const mediaPool = form.mediaPool.trim();
  if (mediaPool.length > 200) errors.mediaPool = 'Use at most 200 characters.';
  const timeoutSeconds = wholeNumber(form.timeoutSeconds, 1, 86_400);
  if (timeoutSeconds === undefined) errors.timeoutSeconds = 'Enter a whole number of seconds from 1 to 86400.';
  const schedule = scheduleOf(form, errors);
  if (Object.keys(errors).length > 0 || !schedule || deviceGroupId === undefined || timeoutSeconds === undefined) return { ok: false, errors };
  return {
    ok: true,
    changes: {
      name,
      description: form.description,
      deviceGroupId,
      mediaPool: mediaPool === '' ? null : mediaPool,
      schedule,
      options: {
        // Options this dialog does not show (and encryption) stay as they are.
        ...job.options,
        compression: form.compression,
        encryption: job.options.encryption,
        virusScan: form.virusScan,
        multistreaming: form.multistreaming,
        verification: form.verification,
        snapshot: form.snapshot,
        timeoutSeconds,
      },
    },
  };
}

/** Why a job cannot be modified from the Job Queue (the Modify button's tooltip); undefined when it can. */
export function modifyRefusal(job: Pick<QueueJob, 'kind' | 'state'>): string | undefined {
  if (job.kind === 'restore') return 'A restore job cannot be modified: delete it and submit the restore again from the Restore Manager.';
  if (job.state.status === 'Active') return 'A running job cannot be modified: stop it, or wait until it ends.';
  return undefined;
}

/** The control an engine field error belongs to ("changes.schedule.time" → time), for errors the dialog did not catch itself. */
export function controlOfField(field: string): ModifyControl | undefined {
  const parts = field.split('.');
  if (parts[0] === 'changes') parts.shift();
  const [head, next] = parts;
  if (head === 'name' || head === 'description' || head === 'deviceGroupId' || head === 'mediaPool') return head;
  if (head === 'options' && next === 'timeoutSeconds') return 'timeoutSeconds';
  if (head === 'schedule' && (next === 'at' || next === 'time' || next === 'days' || next === 'hours' || next === 'from')) return next === 'at' ? 'onceAt' : next;
  return undefined;
}
