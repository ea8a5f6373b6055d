import { z } from 'zod';
import { RestoreOutcomeSchema, RestoreSpecSchema } from '../../restore/restore-model';

/** Backup jobs as stored and shown. Pure schemas: the contract and the UI type-check against them. */

const LocalTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM (24-hour)');
const InstantSchema = z.iso.datetime({ offset: true });

/**
 * When a job runs. Daily and weekly times are the backup server's local wall-clock time, so
 * "every Friday at 22:00" stays 22:00 across daylight-saving changes; "every N hours" counts
 * elapsed time from `from`, so it ignores them.
 */
export const ScheduleSchema = z.discriminatedUnion('kind', [
  /** Run once at `at` ("run now" is once at the submission time). */
  z.object({ kind: z.literal('once'), at: InstantSchema }),
  z.object({ kind: z.literal('daily'), time: LocalTimeSchema }),
  /** days: 0 = Sunday … 6 = Saturday, as Date.getDay(). */
  z.object({
    kind: z.literal('weekly'),
    days: z.array(z.number().int().min(0).max(6)).min(1).max(7),
    time: LocalTimeSchema,
  }),
  z.object({ kind: z.literal('everyHours'), hours: z.number().int().min(1).max(24 * 7), from: InstantSchema }),
]);
export type Schedule = z.infer<typeof ScheduleSchema>;

export function isRepeating(schedule: Schedule): boolean {
  return schedule.kind !== 'once';
}

/**
 * Global options of a backup job. Encryption is a flag only: the session password is never
 * stored; each encrypted session keeps its KDF salt and a key check instead.
 */
export const BackupJobOptionsSchema = z.object({
  compression: z.enum(['gzip', 'none']).default('gzip'),
  encryption: z.boolean().default(false),
  virusScan: z.boolean().default(false),
  /** Each replication operation (attach, snapshot, release) must answer within this (AE0469). */
  timeoutSeconds: z.number().int().min(1).max(86_400).default(180),
  /** What happens to the Replica snapshot the backup read once the job ends. */
  snapshot: z.enum(['release', 'keep']).default('release'),
  /** Each scenario a child job of its own, all at once; off: one scenario after another. */
  multistreaming: z.boolean().default(true),
  /** After a session is written, read it back from the device and check every file's checksum. */
  verification: z.enum(['none', 'checksum']).default('none'),
  /**
   * Disk staging: sessions are written to this device group first and migrate to the job's
   * device group `migrateAfterHours` after they were written (0: as soon as each is written).
   */
  staging: z
    .object({ deviceGroupId: z.number().int(), migrateAfterHours: z.number().int().min(0).max(24 * 366).default(0) })
    .nullable()
    .default(null),
});
export type BackupJobOptions = z.infer<typeof BackupJobOptionsSchema>;

export const JOB_STATUSES = ['Ready', 'Active', 'Hold', 'Done'] as const;
export const JobStatusSchema = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatusSchema>;

/** A job's place in the queue (Job Status Manager → Job Queue). */
export const JobStateSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('Ready'), nextRunAt: z.string() }),
  z.object({ status: z.literal('Active'), runId: z.number().int() }),
  /** Kept back; `nextRunAt` is when it would have run, used again on release. */
  z.object({ status: z.literal('Hold'), nextRunAt: z.string().nullable() }),
  z.object({ status: z.literal('Done') }),
]);
export type JobState = z.infer<typeof JobStateSchema>;

export const RunResultSchema = z.enum(['succeeded', 'failed', 'canceled', 'incomplete']);
export type RunResult = z.infer<typeof RunResultSchema>;

export const JobRunSchema = z.object({
  id: z.number().int(),
  jobId: z.number().int(),
  parentRunId: z.number().int().nullable(),
  scenarioId: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  result: RunResultSchema.nullable(),
  files: z.number().int(),
  directories: z.number().int(),
  bytes: z.number().int(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
});
export type JobRun = z.infer<typeof JobRunSchema>;

export const BackupJobSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  kind: z.literal('backup'),
  /** In the order chosen; names as registered, so the queue shows them. */
  scenarios: z.array(z.object({ id: z.string(), name: z.string() })),
  deviceGroupId: z.number().int(),
  mediaPool: z.string().nullable(),
  options: BackupJobOptionsSchema,
  schedule: ScheduleSchema,
  state: JobStateSchema,
  owner: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** With why it failed (or was incomplete): the Job Queue's Last result column. */
  lastRun: z
    .object({ id: z.number().int(), result: RunResultSchema.nullable(), finishedAt: z.string().nullable(), errorCode: z.string().nullable(), errorMessage: z.string().nullable() })
    .nullable(),
});
export type BackupJob = z.infer<typeof BackupJobSchema>;

/** A restore job in the same queue: what to restore and where; run once (now or at a time). */
export const RestoreJobSchema = BackupJobSchema.omit({ kind: true, deviceGroupId: true, mediaPool: true, options: true }).extend({
  kind: z.literal('restore'),
  restore: RestoreSpecSchema,
  /** Where its last successful run wrote; `pending` until <name>.TMP files were swapped in. */
  outcome: RestoreOutcomeSchema.nullable(),
});
export type RestoreJob = z.infer<typeof RestoreJobSchema>;

/** Every job of the Job Queue. */
export const QueueJobSchema = z.discriminatedUnion('kind', [BackupJobSchema, RestoreJobSchema]);
export type QueueJob = z.infer<typeof QueueJobSchema>;

/** What Submit Job sends (Backup Manager). */
export const BackupJobDraftSchema = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(''),
  scenarioIds: z.array(z.string().min(1).max(100)).min(1).max(256),
  deviceGroupId: z.number().int(),
  mediaPool: z.string().trim().min(1).max(200).nullable().default(null),
  options: BackupJobOptionsSchema.default(BackupJobOptionsSchema.parse({})),
  schedule: ScheduleSchema,
  owner: z.string().min(1).max(200),
  /** Submit on hold: the job waits in the queue until released. */
  hold: z.boolean().default(false),
});
export type BackupJobDraft = z.input<typeof BackupJobDraftSchema>;
