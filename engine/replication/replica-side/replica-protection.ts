import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { EventLog } from '../../events/event-log';
import { UserError } from '../../messages/user-error';
import { rewindTo, type RewindOutcome, type RewindScope } from '../../replica/journal/data-rewind';
import type { SnapshotRow } from '../../replica/journal/journal-db';
import type {
  ArStatus,
  JournalStatus,
  RewindPoint,
  RewindPointsQuery,
  RewindPointsReply,
  RewindSummary,
  RewindTarget,
  SnapshotExportReply,
  SnapshotInfo,
} from '../../replica/protection-model';
import { RewindPointsQuerySchema, SnapshotPurposeSchema } from '../../replica/protection-model';
import { checkExportDestination, exportSnapshotTree } from '../../replica/snapshot/snapshot-export';
import { toRootPath, type RootPath } from '../../replica/snapshot/snapshot-paths';
import { SnapshotView, type SnapshotEntry } from '../../replica/snapshot/snapshot-view';
import type { BrowseReply } from '../../runtime/browse-model';
import { baselineRoot } from '../../replica/assured-recovery/baseline';
import { writeFileAtomic } from '../../util/atomic-file';
import { AssuredRecoveryRun } from './assured-recovery-run';
import type { ReplicaSession } from './replica-session';

type Purpose = 'user' | 'backup' | 'assured-recovery';

/**
 * Data protection of one Replica: rewind points and bookmarks, Data Rewind, snapshots and
 * their views, and Assured Recovery. One long operation (a rewind or a test) at a time.
 */
export class ReplicaProtection {
  private busyWith: string | undefined;
  private readonly views = new Map<string, SnapshotView>();

  private constructor(
    private readonly session: ReplicaSession,
    private readonly events: EventLog,
    readonly ar: AssuredRecoveryRun,
  ) {}

  static async open(session: ReplicaSession, events: EventLog): Promise<ReplicaProtection> {
    const ar = await AssuredRecoveryRun.open(session, events);
    const protection = new ReplicaProtection(session, events, ar);
    ar.takeBackupSnapshot = async () => (await protection.createSnapshot(`Backup ${new Date().toISOString()} (Assured Recovery)`, 'backup', true)).id;
    const finishRollback = await ar.recover();
    void finishRollback?.().catch((error: unknown) =>
      events.record({ severity: 'error', scenarioId: session.current.scenarioId, text: `Assured Recovery rollback after restart failed: ${String(error)}` }),
    );
    return protection;
  }

  /** The long operation running on this Replica, if any. */
  get busy(): string | undefined {
    return this.busyWith ?? (this.ar.active ? 'an Assured Recovery test' : undefined);
  }

  status(): { journal: JournalStatus; snapshots: SnapshotInfo[]; ar: ArStatus } {
    return { journal: this.session.journal.status(), snapshots: this.session.journal.snapshots().map((row) => this.info(row)), ar: this.ar.current };
  }

  points(raw: RewindPointsQuery): RewindPointsReply {
    const query = RewindPointsQuerySchema.parse(raw);
    const journal = this.session.journal;
    const operations: RewindPoint[] = journal.points(query).map((row) => ({ kind: 'operation', jseq: row.jseq, at: row.at, op: row.op, path: row.path, root: row.root }));
    const filter = (query.path ?? '').toLowerCase();
    const bookmarks: RewindPoint[] = journal
      .bookmarks()
      .filter((row) => row.at >= (query.fromAt ?? 0) && row.at <= (query.toAt ?? Number.MAX_SAFE_INTEGER) && row.name.toLowerCase().includes(filter))
      .map((row) => ({ kind: 'bookmark', id: row.id, jseq: row.jseq, at: row.at, name: row.name }));
    // A bookmark marks the state after entry `jseq`: it sorts above that entry.
    const key = (point: RewindPoint): number => (point.kind === 'bookmark' ? point.jseq + 0.5 : point.jseq);
    const points = [...operations, ...bookmarks].sort((a, b) => key(b) - key(a));
    return { points, truncated: operations.length >= query.limit, journal: journal.status() };
  }

  bookmark(name: string): void {
    this.session.journal.addBookmark(name);
    this.note('info', `Rewind bookmark "${name}" set on the Replica of "${this.session.current.scenarioName}"`);
  }

  /**
   * Pins a snapshot. During an Assured Recovery test only the test itself takes one (after the
   * application stopped): the application writes outside the journal, so a snapshot taken while
   * it runs could not keep its moment.
   */
  async createSnapshot(name: string | undefined, purpose: Purpose, byTest = false): Promise<SnapshotInfo> {
    if (!this.session.current.synced) throw new UserError('E1505', `the Replica of "${this.session.current.scenarioName}" is not synchronized`);
    if (this.ar.active && !byTest) throw new UserError('E1503', 'an Assured Recovery test');
    const settings = this.session.current.protection;
    const stored = purpose === 'backup' && settings.type !== 'FileServer' ? 'rotating' : purpose;
    const row = await this.session.applier.exclusive(async () =>
      this.session.journal.pin({ id: randomBytes(8).toString('hex'), name: name?.trim() || `Snapshot ${new Date().toISOString()}`, purpose: stored }),
    );
    if (stored === 'rotating') {
      const rotating = this.session.journal.snapshots().filter((snapshot) => snapshot.purpose === 'rotating');
      for (const old of rotating.slice(0, Math.max(0, rotating.length - settings.snapshotsToKeep))) await this.release(old.id);
    }
    this.note('info', `Snapshot "${row.name}" created on the Replica of "${this.session.current.scenarioName}"`);
    return this.info(row);
  }

  async release(id: string): Promise<void> {
    const row = this.snapshotRow(id);
    this.session.journal.unpin(id);
    this.views.delete(id);
    await this.session.journal.trim();
    this.note('info', `Snapshot "${row.name}" released on the Replica of "${this.session.current.scenarioName}"`);
  }

  /** A reader of the snapshot's files, reused while the snapshot exists. */
  view(id: string): SnapshotView {
    const row = this.snapshotRow(id);
    const known = this.views.get(id);
    if (known) return known;
    const journal = this.session.journal;
    const view = new SnapshotView({
      exclusive: (work) => this.session.applier.exclusive(work),
      position: () => journal.position() * 2 + (journal.openTestWindowStart() === undefined ? 0 : 1),
      bases: () => this.basesFor(row),
      entries: () => journal.viewEntries(row),
      undoOf: (jseq) => journal.undoOf(jseq),
      keptPath: (jseq) => journal.keep.pathOf(jseq),
    });
    this.views.set(id, view);
    return view;
  }

  /** A folder of the snapshot by Master path; '' lists the Master roots. */
  async browse(id: string, masterPath: string, limit: number): Promise<BrowseReply> {
    const view = this.view(id);
    const roots = this.session.current.roots;
    if (masterPath === '') {
      const entries = roots.map((root) => ({ name: root, kind: 'directory' as const, size: 0, mtimeMs: 0 }));
      return { path: '', entries, truncated: false };
    }
    const where = this.rootPath(masterPath);
    const listed = await view.list(where.root, where.relative);
    if (!listed) throw new UserError('E1509', `"${masterPath}" is not a folder in the snapshot`);
    const entries = listed.slice(0, limit).map((entry) => ({ name: entry.name, kind: entry.kind, size: entry.size, mtimeMs: entry.mtimeMs }));
    return { path: masterPath, entries, truncated: listed.length > limit };
  }

  /**
   * One page of a snapshot folder by root and relative path, in name order after `after`
   * (what a backup walks; Master paths are the manager's business).
   */
  async listPage(id: string, root: number, relative: string, after: string | undefined, limit: number): Promise<{ entries: SnapshotEntry[]; more: boolean }> {
    const listed = await this.view(id).list(root, relative);
    if (!listed) throw new UserError('E1509', `"${relative || '/'}" is not a folder in the snapshot`);
    const start = after === undefined ? 0 : listed.findIndex((entry) => entry.name > after);
    const rest = start < 0 ? [] : listed.slice(start);
    return { entries: rest.slice(0, limit), more: rest.length > limit };
  }

  async readChunk(id: string, root: number, relative: string, offset: number, length: number): Promise<Buffer> {
    const chunk = await this.view(id).readAt(root, relative, offset, length);
    if (!chunk) throw new UserError('E1509', `"${relative}" is not a file in the snapshot`);
    return chunk;
  }

  async exportTree(id: string, masterPath: string, destination: string): Promise<SnapshotExportReply> {
    const view = this.view(id);
    const resolved = await checkExportDestination(destination, this.session.targets);
    const where = masterPath === '' ? { root: 0, relative: '' } : this.rootPath(masterPath);
    const reply = await exportSnapshotTree(view, where, resolved);
    this.note('info', `Snapshot exported: ${reply.files} file(s), ${reply.bytes} bytes to ${resolved}`);
    return reply;
  }

  async rewind(target: RewindTarget, scope: RewindScope | undefined): Promise<RewindSummary> {
    const journal = this.session.journal;
    const toJseq = this.resolve(target);
    const blocking = journal.snapshots().find((snapshot) => snapshot.jseq > toJseq);
    if (blocking) throw new UserError('E1502', `snapshot "${blocking.name}"`);
    return this.exclusively('Data Rewind', async () => {
      const release = await this.session.hold();
      const unmute = this.session.outsideWrites.mute();
      const name = this.session.current.scenarioName;
      this.note('info', `Data Rewind of the Replica of "${name}" started: ${journal.countAfter(toJseq)} operation(s) after the chosen point`);
      try {
        // Detached before the first undo: a rewind cut short by a crash must not leave the
        // Replica marked synchronized, or the next run would resume replication onto a half-rewound copy.
        await this.session.detach();
        const summary = await this.session.applier.exclusive(() => rewindTo(journal, (root) => this.session.applier.targetOf(root), toJseq, scope));
        const reportFile = await this.saveReport(summary);
        this.note('info', `Data Rewind of "${name}" finished: ${summary.undone} operation(s) undone in ${summary.durationMs} ms; the Replica will be resynchronized when the scenario runs`);
        return { ...summary, reportFile };
      } finally {
        unmute();
        release();
      }
    });
  }

  async startTest(trigger: 'user' | 'schedule' | 'backup'): Promise<ArStatus> {
    if (this.busy !== undefined) throw new UserError('E1503', this.busy);
    return this.ar.start(trigger);
  }

  stopTest(): ArStatus {
    return this.ar.stop();
  }

  private resolve(target: RewindTarget): number {
    const journal = this.session.journal;
    if (target.kind === 'bookmark') {
      const bookmark = journal.bookmark(target.id);
      if (!bookmark || bookmark.jseq < journal.reachableFrom()) throw new UserError('E1501', `bookmark ${target.id}`);
      return bookmark.jseq;
    }
    if (target.jseq <= journal.reachableFrom() || target.jseq > journal.position() || journal.entryCount === 0) {
      throw new UserError('E1501', `operation ${target.jseq}`);
    }
    return target.jseq - 1;
  }

  private async exclusively<T>(what: string, work: () => Promise<T>): Promise<T> {
    if (this.busy !== undefined) throw new UserError('E1503', this.busy);
    this.busyWith = what;
    try {
      return await work();
    } finally {
      this.busyWith = undefined;
    }
  }

  /** While a test runs, older snapshots read from its baseline (the live files hold the test's changes). */
  private async basesFor(row: SnapshotRow): Promise<string[]> {
    const testing = this.session.journal.openTestWindowStart() !== undefined;
    const targets = await Promise.all(this.session.targets.map((_, index) => this.session.applier.targetOf(index)));
    if (!testing || row.during_test === 1) return targets;
    return targets.map((_, index) => baselineRoot(this.ar.baselineDir, index));
  }

  private rootPath(masterPath: string): RootPath {
    const where = toRootPath(this.session.current.roots, masterPath);
    if (!where) throw new UserError('E1509', `"${masterPath}" is not under a Master root of this scenario`);
    return where;
  }

  private snapshotRow(id: string): SnapshotRow {
    const row = this.session.journal.snapshot(id);
    if (!row) throw new UserError('E1504', `snapshot ${id}`);
    return row;
  }

  private info(row: SnapshotRow): SnapshotInfo {
    return {
      id: row.id,
      name: row.name,
      at: row.at,
      purpose: SnapshotPurposeSchema.parse(row.purpose),
      changesSince: this.session.journal.countAfter(row.jseq),
      duringTest: row.during_test === 1,
    };
  }

  private async saveReport(summary: RewindOutcome): Promise<string> {
    const reports = path.join(this.session.dir, 'reports');
    await fs.mkdir(reports, { recursive: true, mode: 0o700 });
    const file = path.join(reports, `rewind-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    await writeFileAtomic(file, JSON.stringify(summary), 0o600);
    return file;
  }

  private note(severity: 'info' | 'warning', text: string): void {
    this.events.record({ severity, scenarioId: this.session.current.scenarioId, text });
  }
}
