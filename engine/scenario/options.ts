import { z } from 'zod';

/**
 * A scenario's replication options (Properties tab; editable while the scenario is stopped).
 * Pure schema: the UI type-checks against it and the Master engine parses it.
 */
export const ReplicationOptionsSchema = z.object({
  /** File: whole files that differ are sent. Block: only differing blocks of files on both sides. */
  syncMethod: z.enum(['file', 'block']).default('block'),
  /** Files with the same size and modification time on both sides are taken as identical. */
  ignoreSameSizeTime: z.boolean().default(true),
  /** Files only on the Replica are kept during synchronization instead of removed. */
  keepDeletedOnSync: z.boolean().default(false),
  /** Block-level: a file differing by more than this share is sent whole. */
  wholeFileThreshold: z.number().min(0).max(1).default(0.7),
  /** Writes to one file within this quiet window are shipped as one change. */
  coalesceMs: z.number().int().min(0).max(10_000).default(50),
  /** A file written continuously is still shipped at least this often. */
  maxCoalesceDelayMs: z.number().int().min(10).max(60_000).default(500),
  /** Replication lag beyond which a warning event is raised (and another when it recovers); 0 = off. */
  targetRpoSeconds: z.number().min(0).max(86_400).default(0),
  /** Spool size limit per Replica on the Master, bytes; unset = unlimited. */
  spoolMaxBytes: z.number().int().min(1024 * 1024).optional(),
  /** Minimum free disk space to keep on the Master's spool volume, bytes. */
  spoolMinFreeBytes: z.number().int().min(0).optional(),
  /** Data Rewind: every change applied to a Replica is journaled so it can be rolled back. */
  dataRewind: z.boolean().default(true),
  /** Rewind points older than this are trimmed (oldest first). */
  rewindRetentionHours: z.number().min(0.01).max(24 * 365).default(24),
  /** The journal is trimmed (oldest first) to stay under this size, except what a snapshot needs. */
  rewindMaxBytes: z.number().int().min(1024 * 1024).default(4 * 1024 ** 3),
  /** SQLServer/Exchange: snapshots taken for backup beyond this number are released, oldest first. */
  snapshotsToKeep: z.number().int().min(1).max(1000).default(10),
  /** Assured Recovery (integrity testing of the Replica). */
  arEnabled: z.boolean().default(false),
  /** Run on the Replica host, in order; each must exit 0. Empty = skipped. */
  arStartCommand: z.string().max(4000).default(''),
  arVerifyCommand: z.string().max(4000).default(''),
  arStopCommand: z.string().max(4000).default(''),
  arTimeoutSeconds: z.number().int().min(1).max(86_400).default(600),
  /**
   * SQLServer/Exchange: a command run on a host before restoring to its original location;
   * exit code 0 means the application runs there, so restored files wait beside the live ones
   * as <name>.TMP until it is stopped. Empty = never running.
   */
  appRunningCommand: z.string().max(4000).default(''),
  /** Backup integration: running the scenario registers it in the backup catalog. */
  backupEnabled: z.boolean().default(false),
  /** The backup server's host name ('' = the host this manager runs on). */
  backupServer: z.string().max(300).default(''),
  /** Without Assured Recovery, a backup may suspend the Replica for the moment its snapshot is taken. */
  backupAllowSuspend: z.boolean().default(true),
  /** Daily scheduled test at this local time (HH:MM); empty = none. */
  arScheduleTime: z.union([z.literal(''), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM (24-hour)')]).default(''),
});
export type ReplicationOptions = z.infer<typeof ReplicationOptionsSchema>;

export const DEFAULT_REPLICATION_OPTIONS: ReplicationOptions = ReplicationOptionsSchema.parse({});
