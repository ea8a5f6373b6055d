import { decode, encode } from '@msgpack/msgpack';
import { EventEmitter } from 'node:events';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { EventLog } from '../../events/event-log';
import { UserError } from '../../messages/user-error';
import { ReplicaApplier } from '../../replica/applier';
import { DeferredSyncs, withDeferredSyncs } from '../../replica/durable-fs';
import { RewindJournal } from '../../replica/journal/rewind-journal';
import { journalSettings } from '../../replica/protection-settings';
import { replicaTargetFor } from '../../replica/path-guard';
import { SegmentLog } from '../../spool/segment-log';
import { decodeChangeRecord, type ChangeRecord } from '../change-record';
import type { ReplicaHello, SpooledWireRecord } from '../wire';
import { OutsideWriteWatch } from './outside-write-watch';
import { writeReplicaState, type ReplicaState } from './replica-state';

const InboxEntrySchema = z.object({ seq: z.number().int().min(1), at: z.number(), payload: z.instanceof(Uint8Array) });
const APPLY_BATCH = 256;
const APPLY_BATCH_BYTES = 16 * 1024 * 1024;
const RETRY_MS = 2000;
/** Rewind points also age out while no change arrives. */
const TRIM_EVERY_MS = 60_000;

/**
 * One Replica of one scenario on this engine. Records arrive in Master sequence order and
 * are appended to a durable inbox before they are acknowledged as received; a single loop
 * applies them in order and persists the last applied sequence number after each batch.
 * A crash between applying and persisting re-applies at most that batch; replaying a run of
 * records onto the state they produced gives that state again (each operation sets its
 * path outright), except after a rename, which is therefore persisted at once.
 */
export class ReplicaSession extends EventEmitter {
  private receivedSeq: number;
  private draining: Promise<void> | undefined;
  private closed = false;
  private holds = 0;
  private trimBlockedBy: string | null = null;
  private trimTimer: NodeJS.Timeout | undefined;

  private constructor(
    readonly dir: string,
    private state: ReplicaState,
    private readonly inbox: SegmentLog,
    readonly applier: ReplicaApplier,
    readonly journal: RewindJournal,
    readonly targets: string[],
    private readonly events: EventLog,
    lastReceived: number,
  ) {
    super();
    this.receivedSeq = Math.max(state.appliedSeq, lastReceived);
    this.outsideWrites = new OutsideWriteWatch(targets, (count, example) =>
      events.record({
        severity: 'warning',
        code: 'W1105',
        scenarioId: state.scenarioId,
        text: `Replica data of "${state.scenarioName}" changed outside replication: ${count} change(s), e.g. ${example}`,
      }),
    );
  }

  /** Reports writes to the Replica that replication did not make. */
  readonly outsideWrites: OutsideWriteWatch;

  /** Applies a record outside the sequence (synchronization), announcing its paths first. */
  async applyDirect(record: ChangeRecord): Promise<void> {
    this.outsideWrites.expect(record);
    await this.applier.apply(record);
  }

  static async open(dir: string, state: ReplicaState, events: EventLog): Promise<ReplicaSession> {
    const inbox = await SegmentLog.open({ dir: path.join(dir, 'inbox') });
    const targets = state.roots.map((root) => replicaTargetFor(state.target, root));
    const journal = await RewindJournal.open(path.join(dir, 'journal'), journalSettings(state.protection));
    const usage = inbox.usage();
    let lastReceived = 0;
    if (usage.records > 0) {
      const [last] = await inbox.read(usage.lastSeq, 1, Number.MAX_SAFE_INTEGER);
      if (last) lastReceived = InboxEntrySchema.parse(decode(last.payload)).seq;
    }
    const session = new ReplicaSession(dir, state, inbox, new ReplicaApplier({ targets, journal }), journal, targets, events, lastReceived);
    await Promise.all(targets.map((target) => fs.mkdir(target, { recursive: true })));
    await session.outsideWrites.start();
    return session;
  }

  /** Starts applying queued records (after whatever must hold them, such as an unfinished test, is in place). */
  start(): void {
    this.kick();
    this.trimTimer = setInterval(() => void this.trimJournal().catch(() => undefined), TRIM_EVERY_MS).unref();
  }

  get current(): ReplicaState {
    return this.state;
  }

  hello(): ReplicaHello {
    return { appliedSeq: this.state.appliedSeq, receivedSeq: this.receivedSeq, synced: this.state.synced };
  }

  /** Durably queues records not seen before; a gap in the sequence means the Master lost track, so it is refused. */
  async receive(records: readonly SpooledWireRecord[]): Promise<number> {
    const fresh = records.filter((record) => record.seq > this.receivedSeq);
    if (fresh.length === 0) return this.receivedSeq;
    fresh.forEach((record, index) => {
      const expected = this.receivedSeq + 1 + index;
      if (record.seq !== expected) throw new UserError('E1003', `replication record ${record.seq} arrived where ${expected} was expected`);
    });
    await this.inbox.appendBatch(fresh.map((record) => encode({ seq: record.seq, at: record.at, payload: record.payload })));
    this.receivedSeq = fresh[fresh.length - 1]?.seq ?? this.receivedSeq;
    this.kick();
    return this.receivedSeq;
  }

  /**
   * Stops applying (records keep arriving into the inbox) until the returned release is
   * called; resolves once the change being applied, if any, is complete.
   */
  async hold(): Promise<() => void> {
    this.holds += 1;
    await this.draining;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds -= 1;
      this.kick();
    };
  }

  /** Records received and not yet applied (they wait while applying is held). */
  pending(): number {
    return Math.max(0, this.receivedSeq - this.state.appliedSeq);
  }

  /** The copy no longer follows the Master (rewound): queued records are dropped and the next run resynchronizes. */
  async detach(): Promise<void> {
    await this.inbox.reset();
    this.receivedSeq = 0;
    await this.persist({ ...this.state, synced: false, appliedSeq: 0 });
  }

  /** Synchronization is about to rewrite the copy: forget queued records; the copy is incomplete until `completeSync`. */
  async beginSync(): Promise<void> {
    await this.draining;
    await this.inbox.reset();
    this.receivedSeq = 0;
    await this.persist({ ...this.state, synced: false, appliedSeq: 0 });
  }

  /** The copy now equals the Master as of spool sequence `seq`; records after it apply from here. */
  async completeSync(seq: number): Promise<void> {
    this.receivedSeq = seq;
    await this.persist({ ...this.state, synced: true, appliedSeq: seq });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.trimTimer);
    await this.draining;
    await this.outsideWrites.stop();
    await this.inbox.close();
    this.journal.close();
  }

  private kick(): void {
    if (this.draining || this.closed || this.holds > 0) return;
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (!this.closed && this.receivedSeq > this.state.appliedSeq && this.state.synced) this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (!this.closed && this.state.synced && this.holds === 0) {
      const usage = this.inbox.usage();
      if (usage.records === 0) return;
      const batch = await this.inbox.read(usage.ackedSeq + 1, APPLY_BATCH, APPLY_BATCH_BYTES);
      if (batch.length === 0) return;
      let applied = this.state.appliedSeq;
      // One parallel round of fsyncs per batch instead of two per record; the position is
      // persisted only after them, so a crash replays at most the unsynced batch.
      const syncs = new DeferredSyncs();
      try {
        for (const entry of batch) {
          const { seq, payload } = InboxEntrySchema.parse(decode(entry.payload));
          if (seq <= applied) continue;
          const record = decodeChangeRecord(payload);
          await withDeferredSyncs(syncs, () => this.applyOne(seq, record));
          applied = seq;
          // A rename is the one operation whose replay is not harmless (its source may have been
          // re-created by a later record), so the position is made durable right after it.
          if (record.op === 'rename') await this.makeDurable(syncs, applied);
        }
      } catch (error) {
        await this.makeDurable(syncs, applied);
        await this.stall(error);
        return;
      }
      await this.makeDurable(syncs, applied);
      await this.trimJournal();
      const last = batch[batch.length - 1];
      if (last) await this.inbox.acknowledge(last.seq);
      this.emit('applied', applied);
    }
  }

  /** The journal's undos reach the disk before the data they protect, and both before the position. */
  private async makeDurable(syncs: DeferredSyncs, applied: number): Promise<void> {
    this.journal.checkpoint();
    await syncs.flush();
    await this.persistApplied(applied);
  }

  private async trimJournal(): Promise<void> {
    if (this.closed) return;
    const blockedBy = await this.journal.trim();
    if (blockedBy !== null && blockedBy !== this.trimBlockedBy && this.state.protection.dataRewind) {
      this.events.record({
        severity: 'warning',
        scenarioId: this.state.scenarioId,
        text: `Rewind journal of "${this.state.scenarioName}" is over its limit: snapshot "${blockedBy}" keeps it from being trimmed`,
      });
    }
    this.trimBlockedBy = blockedBy;
  }

  private async applyOne(seq: number, record: ChangeRecord): Promise<void> {
    try {
      this.outsideWrites.expect(record);
      await this.applier.apply(record, seq);
    } catch (error) {
      if (error instanceof UserError && error.code === 'E1101') {
        this.events.record({ severity: 'error', code: 'E1101', scenarioId: this.state.scenarioId, text: `Replica refused record ${seq}: ${error.message}` });
        return;
      }
      throw error;
    }
  }

  private async stall(error: unknown): Promise<void> {
    const diverged = error instanceof UserError && error.code === 'E1102';
    const text = error instanceof Error ? error.message : String(error);
    this.events.record({
      severity: 'error',
      code: error instanceof UserError ? error.code : 'E1099',
      scenarioId: this.state.scenarioId,
      text: diverged ? `Replica copy diverged from the Master (${text}); it will be resynchronized` : `Applying changes stopped: ${text}; retrying`,
    });
    if (diverged) {
      await this.persist({ ...this.state, synced: false });
      this.emit('diverged');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }

  private async persistApplied(seq: number): Promise<void> {
    if (seq !== this.state.appliedSeq) await this.persist({ ...this.state, appliedSeq: seq });
  }

  private async persist(state: ReplicaState): Promise<void> {
    this.state = state;
    await writeReplicaState(this.dir, state);
  }
}
