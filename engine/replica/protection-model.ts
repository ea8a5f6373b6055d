import { z } from 'zod';

/**
 * What the UI and the manager see of a Replica's data protection: the rewind journal, rewind
 * points, snapshots and Assured Recovery. Pure schemas (the renderer type-checks against them;
 * the manager parses the Replica engine's replies with them).
 */
export const JournalStatusSchema = z.object({
  recording: z.boolean(),
  entries: z.number(),
  bytes: z.number(),
  maxBytes: z.number(),
  oldestAt: z.number().nullable(),
  newestAt: z.number().nullable(),
  /** Name of the snapshot that keeps the journal over its limits, if any. */
  trimBlockedBy: z.string().nullable(),
});
export type JournalStatus = z.infer<typeof JournalStatusSchema>;

export const RewindPointSchema = z.discriminatedUnion('kind', [
  /** One applied operation; rewinding to it restores the state just before it. */
  z.object({ kind: z.literal('operation'), jseq: z.number(), at: z.number(), op: z.string(), path: z.string(), root: z.number() }),
  /** A named bookmark; rewinding to it restores the state when it was set. */
  z.object({ kind: z.literal('bookmark'), id: z.number(), jseq: z.number(), at: z.number(), name: z.string() }),
]);
export type RewindPoint = z.infer<typeof RewindPointSchema>;

export const RewindPointsQuerySchema = z.object({
  path: z.string().max(4096).optional(),
  fromAt: z.number().optional(),
  toAt: z.number().optional(),
  limit: z.number().int().min(1).max(100_000).default(20_000),
});
export type RewindPointsQuery = z.input<typeof RewindPointsQuerySchema>;

export const RewindPointsReplySchema = z.object({
  points: z.array(RewindPointSchema),
  /** More operations matched than `limit`: narrow the filter. */
  truncated: z.boolean(),
  journal: JournalStatusSchema,
});
export type RewindPointsReply = z.infer<typeof RewindPointsReplySchema>;

export const RewindTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('operation'), jseq: z.number().int().min(1) }),
  z.object({ kind: z.literal('bookmark'), id: z.number().int().min(1) }),
]);
export type RewindTarget = z.infer<typeof RewindTargetSchema>;

export const RewindScopeSchema = z.object({ root: z.number().int().min(0).max(255), path: z.string().max(4096) });

export const RewindSummarySchema = z.object({
  toJseq: z.number(),
  undone: z.number(),
  created: z.number(),
  restored: z.number(),
  patched: z.number(),
  renamed: z.number(),
  attributes: z.number(),
  durationMs: z.number(),
  operations: z.array(z.object({ jseq: z.number(), at: z.number(), op: z.string(), path: z.string() })),
  /** Where the full report was written on the Replica host. */
  reportFile: z.string(),
});
export type RewindSummary = z.infer<typeof RewindSummarySchema>;

export const SnapshotPurposeSchema = z.enum(['user', 'backup', 'rotating', 'assured-recovery']);

export const SnapshotInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  at: z.number(),
  purpose: SnapshotPurposeSchema,
  /** Journal entries written since the snapshot (what reading it overlays). */
  changesSince: z.number(),
  /** Taken during an Assured Recovery test (it shows the test's state). */
  duringTest: z.boolean(),
});
export type SnapshotInfo = z.infer<typeof SnapshotInfoSchema>;

export const ArStepSchema = z.object({
  name: z.enum(['start', 'verify', 'stop']),
  command: z.string(),
  exitCode: z.number().nullable(),
  timedOut: z.boolean(),
  /** Stopped by the user (Stop test). */
  aborted: z.boolean().default(false),
  durationMs: z.number(),
  /** The last lines the command printed (stdout and stderr). */
  output: z.string(),
});

export const ArReportSchema = z.object({
  startedAt: z.number(),
  finishedAt: z.number(),
  result: z.enum(['passed', 'failed']),
  trigger: z.enum(['user', 'schedule', 'backup']),
  /** The user stopped the test before its commands finished. */
  stopped: z.boolean().default(false),
  /** A test run for a backup: the snapshot taken once the application was verified (application-consistent). */
  snapshotId: z.string().nullable().default(null),
  steps: z.array(ArStepSchema),
  /** Paths the test changed on the Replica, all rolled back. */
  rolledBack: z.object({ restored: z.number(), removed: z.number() }),
  /** Records that waited in the spool during the test, applied afterwards. */
  spooled: z.number(),
});
export type ArReport = z.infer<typeof ArReportSchema>;

export const ArStatusSchema = z.object({
  state: z.enum(['idle', 'preparing', 'testing', 'rolling-back']),
  since: z.number().nullable(),
  step: z.string().nullable(),
  lastReport: ArReportSchema.nullable(),
});
export type ArStatus = z.infer<typeof ArStatusSchema>;

export const ReplicaProtectionSchema = z.object({
  replicaId: z.string(),
  host: z.string(),
  /** Undefined when the Replica's engine could not be asked. */
  journal: JournalStatusSchema.optional(),
  snapshots: z.array(SnapshotInfoSchema),
  ar: ArStatusSchema.optional(),
  error: z.string().optional(),
});
export type ReplicaProtection = z.infer<typeof ReplicaProtectionSchema>;

export const SnapshotExportReplySchema = z.object({ files: z.number(), directories: z.number(), bytes: z.number(), destination: z.string() });
export type SnapshotExportReply = z.infer<typeof SnapshotExportReplySchema>;
