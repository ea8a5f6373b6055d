export interface SpoolOptions {
  /** Created if missing; holds the segment files and the small acknowledgement file. */
  dir: string;
  /** Roll to a new segment file past this size (default 16 MiB). */
  segmentBytes?: number;
  /** Appends within this window share one fsync (default 2 ms; 0 = no window, see GroupCommit). */
  groupCommitMs?: number;
  /** Unacknowledged bytes allowed; undefined = unlimited. Past it appends throw SpoolLimitError('max-size'). */
  maxBytes?: number;
  /** Free space to leave on the spool's disk; below it appends throw SpoolLimitError('min-free'). */
  minFreeBytes?: number;
  /** ms clock for appendedAtMs. */
  now?: () => number;
}

export interface SpoolUsage {
  /** Unacknowledged records. */
  records: number;
  /** Their on-disk bytes (headers included). */
  bytes: number;
  firstSeq: number | undefined;
  /** Last durable seq; 0 before the first append ever. */
  lastSeq: number;
  ackedSeq: number;
  oldestAppendedAtMs: number | undefined;
}

export interface SpoolStats {
  /** Group commits made since open. */
  commits: number;
  /** fsync/fdatasync calls made since open (segments, acknowledgement file, folder). */
  syncs: number;
}

const MiB = 1024 * 1024;

export function resolveOptions(options: SpoolOptions): Required<Pick<SpoolOptions, 'dir' | 'segmentBytes' | 'groupCommitMs' | 'now'>> &
  Pick<SpoolOptions, 'maxBytes' | 'minFreeBytes'> {
  const resolved = {
    dir: options.dir,
    segmentBytes: options.segmentBytes ?? 16 * MiB,
    groupCommitMs: options.groupCommitMs ?? 2,
    maxBytes: options.maxBytes,
    minFreeBytes: options.minFreeBytes,
    now: options.now ?? Date.now,
  };
  if (!(resolved.segmentBytes > 0)) throw new RangeError(`segmentBytes must be positive, not ${resolved.segmentBytes}`);
  if (!(resolved.groupCommitMs >= 0)) throw new RangeError(`groupCommitMs must be ≥ 0, not ${resolved.groupCommitMs}`);
  if (resolved.maxBytes !== undefined && !(resolved.maxBytes >= 0)) throw new RangeError(`maxBytes must be ≥ 0, not ${resolved.maxBytes}`);
  if (resolved.minFreeBytes !== undefined && !(resolved.minFreeBytes >= 0)) throw new RangeError(`minFreeBytes must be ≥ 0, not ${resolved.minFreeBytes}`);
  return resolved;
}
