import { statfs } from 'node:fs/promises';

export type SpoolLimitReason = 'max-size' | 'min-free';

/**
 * An append refused because it would cross a spool limit (SPEC: *Queue overflow*). Nothing
 * of the refused append was written; the log stays usable, and appends fit again once
 * acknowledgements drain it or space is freed. The owner decides what crossing it means:
 * stop the scenario, or mark the Replica for resynchronization and reset() the spool.
 */
export class SpoolLimitError extends Error {
  readonly reason: SpoolLimitReason;
  /** The configured limit in bytes (maxBytes or minFreeBytes). */
  readonly limitBytes: number;

  constructor(reason: SpoolLimitReason, limitBytes: number, detail: string) {
    super(`spool limit reached (${reason}): ${detail}`);
    this.name = 'SpoolLimitError';
    this.reason = reason;
    this.limitBytes = limitBytes;
  }
}

/** Refuses an append that would take the unacknowledged bytes (queued ones included) past maxBytes. */
export function checkMaxSize(maxBytes: number | undefined, spooledBytes: number, addBytes: number): void {
  if (maxBytes === undefined || spooledBytes + addBytes <= maxBytes) return;
  throw new SpoolLimitError('max-size', maxBytes, `${spooledBytes} bytes spooled + ${addBytes} new > ${maxBytes}`);
}

const PROBE_INTERVAL_MS = 100;
const PROBE_EVERY_BYTES = 1024 * 1024;

/**
 * Keeps an estimate of the free space on the spool's disk: the last statfs() minus what was
 * appended since. The check itself is synchronous, so appends are accepted strictly in call
 * order (seq order is the caller's order); a fresh statfs() runs in the background at most
 * every 100 ms or every MiB appended, which keeps it off the per-append path.
 */
export class FreeSpaceGuard {
  private freeAtProbe = Number.POSITIVE_INFINITY;
  private probedAtMs = Number.NEGATIVE_INFINITY;
  private appendedSinceProbe = 0;
  private probing: Promise<void> | undefined;

  private constructor(
    private readonly dir: string,
    private readonly minFreeBytes: number,
  ) {}

  /** A guard with its first measurement taken, so the very first append is checked too. */
  static async start(dir: string, minFreeBytes: number): Promise<FreeSpaceGuard> {
    const guard = new FreeSpaceGuard(dir, minFreeBytes);
    await guard.probe();
    return guard;
  }

  /** Throws SpoolLimitError('min-free') if appending `addBytes` would leave too little space. */
  check(addBytes: number): void {
    if (this.isStale()) void this.probe().catch(() => undefined); // a failed statfs keeps the last estimate
    const estimate = this.freeAtProbe - this.appendedSinceProbe;
    if (estimate - addBytes < this.minFreeBytes) {
      throw new SpoolLimitError('min-free', this.minFreeBytes, `about ${estimate} bytes free on the spool's disk, ${addBytes} to append`);
    }
    this.appendedSinceProbe += addBytes;
  }

  /** Resolves once no statfs() is in flight (close() waits for it). */
  async settle(): Promise<void> {
    await this.probing?.catch(() => undefined);
  }

  private isStale(): boolean {
    return performance.now() - this.probedAtMs >= PROBE_INTERVAL_MS || this.appendedSinceProbe >= PROBE_EVERY_BYTES;
  }

  private probe(): Promise<void> {
    this.probing ??= statfs(this.dir)
      .then((stats) => {
        this.freeAtProbe = stats.bavail * stats.bsize;
        this.probedAtMs = performance.now();
        this.appendedSinceProbe = 0;
      })
      .finally(() => {
        this.probing = undefined;
      });
    return this.probing;
  }
}
