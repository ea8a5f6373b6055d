import { writeAckState } from './ack-file';
import { Durability } from './durability';
import { SpoolUnavailableError } from './errors';
import { GroupCommit } from './group-commit';
import { checkMaxSize, FreeSpaceGuard } from './limits';
import { loadSpool, type SpoolRecovery } from './load-spool';
import { LogReader } from './log-reader';
import { countUnackedBytes, firstAfter, type LogState } from './log-state';
import { appendedAtOf, encodeUnsealed, MAX_PAYLOAD_BYTES } from './record-codec';
import type { SpooledRecord } from './record-reader';
import { SegmentWriter } from './segment-writer';
import { SerialQueue } from './serial-queue';
import { resolveOptions, type SpoolOptions, type SpoolStats, type SpoolUsage } from './spool-options';

export type { SpoolOptions, SpoolStats, SpoolUsage } from './spool-options';
export type { SpoolRecovery } from './load-spool';
export type { TailRepair } from './tail-recovery';
export type { SpooledRecord } from './record-reader';
export { SpoolLimitError } from './limits';
export { SpoolCorruptError, SpoolUnavailableError } from './errors';

/**
 * The durable per-Replica change queue (ARCHITECTURE, How data flows, step 2), also the
 * Replica's inbox of received-but-unapplied records. Records get contiguous seqs 1, 2, 3…;
 * an append resolves once its record is fsync'd (group commit); records leave only when
 * acknowledged. Survives SIGKILL at any moment: see load-spool.ts and tail-recovery.ts.
 * Memory holds the segment index and a few numbers, never the backlog.
 */
export class SegmentLog {
  private readonly queue = new SerialQueue();
  private readonly reader: LogReader;
  private readonly writer: SegmentWriter;
  private readonly commits: GroupCommit;
  private readonly listeners = new Set<() => void>();
  /** Bytes accepted by append() and not yet durable; with state.unackedBytes, what maxBytes limits. */
  private pendingBytes = 0;
  private ackWanted = 0;
  private ackTask: Promise<void> | undefined;
  private closed = false;

  private constructor(
    private readonly options: ReturnType<typeof resolveOptions>,
    private readonly state: LogState,
    private readonly durability: Durability,
    private readonly guard: FreeSpaceGuard | undefined,
    /** What open() found after a crash; see SpoolRecovery. */
    readonly recovered: SpoolRecovery,
  ) {
    this.reader = new LogReader(state);
    this.writer = new SegmentWriter(state.dir, options.segmentBytes, state.index, durability);
    this.commits = new GroupCommit(options.groupCommitMs, this.queue, (records) => this.commitRecords(records), () => this.notify());
  }

  static async open(options: SpoolOptions): Promise<SegmentLog> {
    const resolved = resolveOptions(options);
    const durability = new Durability();
    const { state, recovered } = await loadSpool(resolved.dir, durability);
    const guard = resolved.minFreeBytes === undefined ? undefined : await FreeSpaceGuard.start(resolved.dir, resolved.minFreeBytes);
    return new SegmentLog(resolved, state, durability, guard, recovered);
  }

  /** Resolves with the record's seq once it is durable; rejects with SpoolLimitError past a limit. */
  async append(payload: Uint8Array): Promise<number> {
    const [seq] = await this.appendBatch([payload]);
    if (seq === undefined) throw new Error('unreachable: one payload gives one seq');
    return seq;
  }

  /** All or nothing against the limits; contiguous seqs; durable together. */
  appendBatch(payloads: Uint8Array[]): Promise<number[]> {
    const refusal = this.unavailable();
    if (refusal) return Promise.reject(refusal);
    if (payloads.length === 0) return Promise.resolve([]);
    const tooLarge = payloads.find((payload) => payload.byteLength > MAX_PAYLOAD_BYTES);
    if (tooLarge) return Promise.reject(new RangeError(`a spooled record holds at most ${MAX_PAYLOAD_BYTES} bytes, not ${tooLarge.byteLength}`));
    const appendedAtMs = this.options.now();
    const records = payloads.map((payload) => encodeUnsealed(payload, appendedAtMs));
    const bytes = records.reduce((sum, record) => sum + record.byteLength, 0);
    try {
      // Checked synchronously so that acceptance, and so seq order, follows call order.
      checkMaxSize(this.options.maxBytes, this.state.unackedBytes + this.pendingBytes, bytes);
      this.guard?.check(bytes);
    } catch (error) {
      return Promise.reject(error);
    }
    this.pendingBytes += bytes;
    return this.commits.enqueue(records);
  }

  read(fromSeq: number, maxRecords: number, maxBytes: number): Promise<SpooledRecord[]> {
    return this.reader.read(fromSeq, maxRecords, maxBytes);
  }

  /**
   * Records up to `seq` are done. Resolves once that is durable; the files they filled are
   * deleted then (the segment still being appended to stays until it rolls over). Calls
   * that arrive while one is being saved share the next save.
   */
  acknowledge(seq: number): Promise<void> {
    if (!Number.isSafeInteger(seq) || seq < 0) return Promise.reject(new RangeError(`cannot acknowledge seq ${seq}`));
    if (seq > this.state.lastSeq) return Promise.reject(new RangeError(`cannot acknowledge seq ${seq}: the last durable seq is ${this.state.lastSeq}`));
    if (this.closed) return Promise.reject(new SpoolUnavailableError('the spool is closed'));
    if (seq <= this.state.ackedSeq) return Promise.resolve();
    this.ackWanted = Math.max(this.ackWanted, seq);
    this.ackTask ??= this.queue.run(() => {
      this.ackTask = undefined;
      return this.saveAck(this.ackWanted);
    });
    return this.ackTask;
  }

  /**
   * Drops every record (the Replica is being resynchronized), including appends made before
   * this call that are still waiting to commit. Numbering continues: the next seq is past
   * every seq ever handed out.
   */
  async reset(): Promise<void> {
    const refusal = this.unavailable();
    if (refusal) throw refusal;
    void this.commits.flush(); // appends made before this call commit first, then are dropped with the rest
    await this.queue.run(async () => {
      await writeAckState(this.state.dir, { ackedSeq: this.state.lastSeq }, this.durability);
      Object.assign(this.state, { ackedSeq: this.state.lastSeq, firstUnacked: undefined, unackedBytes: 0 });
      this.reader.forget();
      await this.writer.closeActive();
      await this.state.index.remove(() => true);
    });
  }

  usage(): SpoolUsage {
    const { lastSeq, ackedSeq, unackedBytes, firstUnacked } = this.state;
    const records = lastSeq - ackedSeq;
    return { records, bytes: unackedBytes, firstSeq: records > 0 ? ackedSeq + 1 : undefined, lastSeq, ackedSeq, oldestAppendedAtMs: firstUnacked?.appendedAtMs };
  }

  /** Counters for tests and benchmarks: group commit works when syncs ≪ appends. */
  stats(): SpoolStats {
    return { commits: this.commits.commits, syncs: this.durability.syncs };
  }

  /** `listener` runs after each commit makes appends durable (the sender wakes on it). */
  onAppend(listener: () => void): () => void {
    const subscription = (): void => listener();
    this.listeners.add(subscription);
    return () => this.listeners.delete(subscription);
  }

  /** Waits for appends already made to become durable, then releases the files. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.commits.flush();
    await this.queue.run(() => this.writer.closeActive());
    await this.guard?.settle();
    this.listeners.clear();
  }

  private async commitRecords(records: Buffer[]): Promise<number> {
    const firstSeq = this.state.lastSeq + 1;
    const { first, bytes } = await this.writer.commit(records, firstSeq);
    const noneUnacked = this.state.firstUnacked === undefined;
    this.state.lastSeq = firstSeq + records.length - 1;
    // In one synchronous step, so the bytes are never counted twice (or not at all) by a limit check.
    this.state.unackedBytes += bytes;
    this.pendingBytes -= bytes;
    const [firstRecord] = records;
    if (noneUnacked && firstRecord) this.state.firstUnacked = { ...first, appendedAtMs: appendedAtOf(firstRecord) };
    return firstSeq;
  }

  private async saveAck(target: number): Promise<void> {
    if (target <= this.state.ackedSeq) return;
    const firstUnacked = await firstAfter(this.state, target);
    await writeAckState(this.state.dir, { ackedSeq: target }, this.durability);
    Object.assign(this.state, { ackedSeq: target, firstUnacked });
    const active = this.writer.activeEntry;
    await this.state.index.remove((entry) => entry.lastSeq <= target && entry !== active);
    this.state.unackedBytes = countUnackedBytes(this.state);
  }

  private notify(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (error) {
        // A listener's bug must not stop commits; make it visible instead.
        process.emitWarning(`spool onAppend listener threw: ${String(error)}`);
      }
    }
  }

  private unavailable(): Error | undefined {
    return this.closed ? new SpoolUnavailableError('the spool is closed') : this.commits.failed;
  }
}
