import type { EventLog } from '../../events/event-log';
import { describeError } from '../../messages/describe-error';
import { SpoolLimitError } from '../../spool/limits';
import type { SegmentLog } from '../../spool/segment-log';
import type { Connection } from '../../transport/connection';
import { connectEngine } from '../../transport/engine-client';
import { Signal } from '../../util/signal';
import { AppliedNoticeSchema, RecordsReplySchema, ReplicaHelloSchema } from '../wire';
import { writeLinkProgress, type LinkDefinition, type LinkProgress } from './master-state';
import type { SyncHost } from './sync-host';
import type { LinkState, LinkStatus } from '../live-status';
import { Synchronizer, type SyncReportLine } from './synchronizer';


export interface LinkContext {
  scenarioId: string;
  scenarioName: string;
  engineId: string;
  dir: string;
  events: EventLog;
  syncHost: SyncHost;
  report: (line: SyncReportLine & { replicaId: string }) => void;
  finishReport: (replicaId: string) => void;
}

const SEND_BATCH = 1000;
const SEND_BATCH_BYTES = 4 * 1024 * 1024;
const BACKOFF_MS = [500, 1000, 2000, 5000, 10_000, 30_000];

/**
 * The Master's side of one Master→Replica pair: keeps a connection up, synchronizes when
 * the Replica's copy is not known to be exact, then ships the spool in order. Records are
 * dropped from the spool only when the Replica reports them applied.
 */
export class ReplicaLink {
  private state: LinkState = 'connecting';
  private stopped = false;
  private connection: Connection | undefined;
  private synchronizer: Synchronizer | undefined;
  private appliedSeq = 0;
  /** Wakes the sender: new records, a resume, a closed connection, a stop. */
  private readonly wake = new Signal();
  /** Ends a reconnection back-off early: only a stop. */
  private readonly stopping = new Signal();
  private loop: Promise<void> | undefined;
  private recordsSent = 0;
  private bytesSent = 0;

  constructor(
    readonly definition: LinkDefinition,
    private progress: LinkProgress,
    readonly spool: SegmentLog,
    private readonly context: LinkContext,
  ) {
    spool.onAppend(() => this.wake.notify());
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** The Replica's host as the administrator named it. */
  private get name(): string {
    return this.definition.label ?? this.definition.host;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.state = 'stopped';
    this.connection?.close();
    this.wake.notify();
    this.stopping.notify();
    await this.loop;
  }

  /** True when captured records go to this Replica's spool; false while it synchronizes (changes are then re-read). */
  acceptsRecords(): boolean {
    return this.progress.mode === 'replicating';
  }

  markDirty(root: number, path: string): void {
    this.synchronizer?.markDirty(root, path);
  }

  /** Spools records for this Replica; past a spool limit the Replica is marked for resynchronization, never silently behind. */
  async enqueue(payloads: Uint8Array[]): Promise<void> {
    if (!this.acceptsRecords() || payloads.length === 0) return;
    try {
      await this.spool.appendBatch(payloads);
    } catch (error) {
      if (!(error instanceof SpoolLimitError)) throw error;
      this.event('warning', `Queue overflow for Replica ${this.name}: ${error.message}; it will be resynchronized`, 'E1301');
      await this.spool.reset();
      await this.setProgress({ ...this.progress, mode: 'needs-sync' });
      this.connection?.close();
    }
  }

  async setSuspended(suspended: boolean): Promise<void> {
    await this.setProgress({ ...this.progress, suspended });
    this.event('info', `Replica ${this.name} ${suspended ? 'suspended: changes are kept in the spool' : 'resumed: the spool drains'}`);
    this.wake.notify();
  }

  status(): LinkStatus {
    const usage = this.spool.usage();
    const lagMs = usage.oldestAppendedAtMs === undefined ? 0 : Math.max(0, Date.now() - usage.oldestAppendedAtMs);
    const state = this.progress.suspended && this.state === 'replicating' ? 'suspended' : this.state;
    return {
      replicaId: this.definition.replicaId,
      host: this.name,
      state,
      spoolRecords: usage.records,
      spoolBytes: usage.bytes,
      lagMs,
      appliedSeq: this.appliedSeq,
      recordsSent: this.recordsSent,
      bytesSent: this.bytesSent,
      ...(this.synchronizer ? { sync: { ...this.synchronizer.progress } } : {}),
    };
  }

  private async run(): Promise<void> {
    let attempt = 0;
    while (!this.stopped) {
      this.state = 'connecting';
      try {
        await this.session(() => (attempt = 0));
      } catch (error) {
        if (this.stopped) break;
        this.event(this.state === 'connecting' ? 'warning' : 'error', `Replica ${this.name}: ${describeError(error).split('\n')[0]}`);
      }
      if (this.stopped) break;
      if (this.state !== 'connecting') this.event('warning', `Lost connection to Replica ${this.name}; changes are kept in the spool`);
      this.state = 'disconnected';
      await this.stopping.wait(BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)]);
      attempt += 1;
    }
  }

  private async session(connected: () => void): Promise<void> {
    const { definition } = this;
    const { connection } = await connectEngine({
      host: definition.host,
      port: definition.port,
      engineId: this.context.engineId,
      credentials: { method: 'token', scenarioId: this.context.scenarioId, replicaId: definition.replicaId, token: definition.token },
      pin: { fingerprint: definition.fingerprint },
    });
    this.connection = connection;
    connected();
    connection.once('closed', () => this.wake.notify());
    connection.handle('master.applied', async (body) => {
      const { appliedSeq } = AppliedNoticeSchema.parse(body);
      await this.acknowledge(appliedSeq);
      return {};
    });
    connection.handle('master.diverged', async () => {
      await this.setProgress({ ...this.progress, mode: 'needs-sync' });
      connection.close();
      return {};
    });
    this.event('info', `Connected to Replica ${this.name}`);
    const hello = ReplicaHelloSchema.parse(await connection.request('rep.hello', {}));
    let nextSeq = hello.receivedSeq + 1;
    const firstSpooled = this.spool.usage().firstSeq;
    const gap = firstSpooled !== undefined && firstSpooled > nextSeq && hello.appliedSeq < firstSpooled - 1;
    if (this.progress.mode === 'needs-sync' || !hello.synced || gap) {
      nextSeq = (await this.synchronize(connection)) + 1;
    } else {
      await this.acknowledge(hello.appliedSeq);
    }
    this.state = 'replicating';
    await this.send(connection, nextSeq);
  }

  private async synchronize(connection: Connection): Promise<number> {
    this.state = 'synchronizing';
    await this.setProgress({ ...this.progress, mode: 'needs-sync' });
    await this.spool.reset();
    await connection.request('rep.sync-begin', {});
    const synchronizer = new Synchronizer(
      this.context.syncHost,
      connection,
      (line) => this.context.report({ ...line, replicaId: this.definition.replicaId }),
      (root) => this.event('info', `Directory ${root} synchronized to Replica ${this.name}`),
    );
    this.synchronizer = synchronizer;
    this.event('info', `Synchronization of Replica ${this.name} started (${this.context.syncHost.options.syncMethod}-level)`);
    let switchedAt = 0;
    await synchronizer.run(async () => {
      switchedAt = this.spool.usage().lastSeq;
      await connection.request('rep.sync-complete', { seq: switchedAt });
      await this.setProgress({ ...this.progress, mode: 'replicating' });
    });
    this.context.finishReport(this.definition.replicaId);
    const { filesSent, bytesSent, removed, filesCompared } = synchronizer.progress;
    this.event('info', `Synchronization of Replica ${this.name} finished: ${filesCompared} files compared, ${filesSent} sent (${bytesSent} bytes), ${removed} removed`);
    this.appliedSeq = switchedAt;
    return switchedAt;
  }

  private async send(connection: Connection, firstSeq: number): Promise<void> {
    let nextSeq = firstSeq;
    while (!this.stopped && connection.isOpen && this.progress.mode === 'replicating') {
      if (this.progress.suspended) {
        await this.wake.wait(1000);
        continue;
      }
      const batch = await this.spool.read(nextSeq, SEND_BATCH, SEND_BATCH_BYTES);
      if (batch.length === 0) {
        await this.wake.wait(1000);
        continue;
      }
      const reply = RecordsReplySchema.parse(
        await connection.request('rep.records', { records: batch.map((record) => ({ seq: record.seq, at: record.appendedAtMs, payload: record.payload })) }),
      );
      nextSeq = reply.receivedSeq + 1;
      this.recordsSent += batch.length;
      this.bytesSent += batch.reduce((sum, record) => sum + record.payload.byteLength, 0);
    }
    if (connection.isOpen && !this.stopped) connection.close();
  }

  private async acknowledge(appliedSeq: number): Promise<void> {
    if (appliedSeq <= this.appliedSeq) return;
    this.appliedSeq = appliedSeq;
    await this.spool.acknowledge(Math.min(appliedSeq, this.spool.usage().lastSeq));
  }

  private async setProgress(progress: LinkProgress): Promise<void> {
    this.progress = progress;
    await writeLinkProgress(this.context.dir, progress);
  }

  private event(severity: 'info' | 'warning' | 'error', text: string, code?: string): void {
    this.context.events.record({ severity, scenarioId: this.context.scenarioId, text: `${this.context.scenarioName}: ${text}`, ...(code ? { code } : {}) });
  }
}
