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
});
export type ReplicationOptions = z.infer<typeof ReplicationOptionsSchema>;

export const DEFAULT_REPLICATION_OPTIONS: ReplicationOptions = ReplicationOptionsSchema.parse({});
