import { SpoolUnavailableError } from './errors';
import type { SerialQueue } from './serial-queue';

interface WaitingGroup {
  readonly records: Buffer[];
  readonly resolve: (seqs: number[]) => void;
  readonly reject: (error: Error) => void;
}

/** A batch this large is written at once rather than waiting out the window (bounds memory and latency). */
const MAX_BATCH_BYTES = 8 * 1024 * 1024;

/**
 * Group commit (ARCHITECTURE, Pitfalls: durability without lag): appends wait up to
 * `windowMs` so that many share one write and one fsync, and each append's promise
 * resolves only once its record is on stable storage. With windowMs = 0 nothing waits
 * for a timer; appends that arrive while a commit is in flight still share the next one.
 *
 * Seqs are given at commit time in queue order, so they follow the order of the append()
 * calls and have no holes, even when a commit fails.
 */
export class GroupCommit {
  private waiting: WaitingGroup[] = [];
  private waitingBytes = 0;
  private timer: NodeJS.Timeout | undefined;
  private scheduled = false;
  private failure: SpoolUnavailableError | undefined;
  private commitCount = 0;

  constructor(
    private readonly windowMs: number,
    private readonly queue: SerialQueue,
    /** Writes and fsyncs the records; resolves with the first one's seq. */
    private readonly write: (records: Buffer[]) => Promise<number>,
    private readonly onDurable: () => void,
  ) {}

  /** Set once a write or fsync failed: what is on disk is unknown until the spool is reopened. */
  get failed(): SpoolUnavailableError | undefined {
    return this.failure;
  }

  get commits(): number {
    return this.commitCount;
  }

  enqueue(records: Buffer[]): Promise<number[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push({ records, resolve, reject });
      this.waitingBytes += records.reduce((sum, record) => sum + record.byteLength, 0);
      this.schedule();
    });
  }

  /** Starts committing what waits now; resolves once it is durable (close() and reset() use it). */
  async flush(): Promise<void> {
    if (this.waiting.length > 0) this.start();
    await this.queue.run(async () => undefined);
  }

  private schedule(): void {
    if (this.scheduled) return;
    if (this.windowMs === 0 || this.waitingBytes >= MAX_BATCH_BYTES) this.start();
    else this.timer ??= setTimeout(() => this.start(), this.windowMs);
  }

  private start(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.scheduled) return;
    this.scheduled = true;
    void this.queue.run(() => this.commitWaiting());
  }

  private async commitWaiting(): Promise<void> {
    // Everything that waits when the commit starts joins it, including appends that came
    // while the previous commit was writing: that is where most of the batching comes from.
    this.scheduled = false;
    const batch = this.waiting;
    this.waiting = [];
    this.waitingBytes = 0;
    if (batch.length === 0) return;
    let seq: number;
    try {
      if (this.failure) throw this.failure;
      seq = await this.write(batch.flatMap((group) => group.records));
    } catch (error) {
      this.fail(batch, error);
      return;
    }
    this.commitCount++;
    for (const group of batch) {
      group.resolve(group.records.map((_, i) => seq + i));
      seq += group.records.length;
    }
    this.onDurable();
  }

  private fail(batch: WaitingGroup[], error: unknown): void {
    // Like PostgreSQL after a failed fsync: the page cache may no longer match the disk, so
    // no later append is trusted; reopening re-reads and repairs the tail.
    this.failure ??= new SpoolUnavailableError('a spool write failed; reopen the spool to recover', error);
    const rejected = [...batch, ...this.waiting];
    this.waiting = [];
    this.waitingBytes = 0;
    for (const group of rejected) group.reject(this.failure);
  }
}
