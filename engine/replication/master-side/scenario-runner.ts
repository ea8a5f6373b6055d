import fs from 'node:fs/promises';
import path from 'node:path';
import { actionPaths, type CaptureAction } from '../../capture/actions';
import { startCapture, type Capture } from '../../capture/capture';
import { FileIndex } from '../../capture/file-index';
import { flushAction, resendInterruptedFlushes, type FlushContext } from '../../capture/flush-action';
import { describeError } from '../../messages/describe-error';
import { UserError } from '../../messages/user-error';
import type { EngineParts } from '../../runtime/engine-runtime';
import { SegmentLog } from '../../spool/segment-log';
import { SharedExclusiveLock } from '../../util/shared-exclusive-lock';
import { TreeLock } from '../../util/tree-lock';
import { encodeChangeRecord, recordDataBytes, type ChangeRecord } from '../change-record';
import type { MasterStatus } from '../live-status';
import { readLinkProgress, type MasterScenario } from './master-state';
import { ReplicaLink } from './replica-link';
import { RpoWatch } from './rpo-watch';
import { matchesIndex, reconcileWithIndex } from './reconcile';
import type { IndexedStat, SyncHost } from './sync-host';
import { SyncReportWriter } from './sync-report';

const RECHECK_NEW_DIRECTORY_MS = 300;
const CAPTURE_CONCURRENCY = 32;

/**
 * One running scenario on its Master engine: capture over the roots, the block-hash index,
 * and one link (spool + connection) per Replica. A captured change becomes records once and
 * goes to every replicating Replica's spool; a Replica still synchronizing instead gets the
 * path marked for another look.
 */
export class ScenarioRunner implements SyncHost {
  readonly gate = new SharedExclusiveLock();
  private readonly treeLock = new TreeLock();
  private readonly rootStats: { root: string; changes: number; bytes: number }[];
  private capture: Capture | undefined;
  private readonly rpo: RpoWatch;
  private readonly rechecks = new Set<NodeJS.Timeout>();
  private stopped = false;

  private constructor(
    private readonly parts: EngineParts,
    readonly scenario: MasterScenario,
    private readonly index: FileIndex,
    private readonly links: ReplicaLink[],
  ) {
    this.rootStats = scenario.roots.map((root) => ({ root, changes: 0, bytes: 0 }));
    this.rpo = new RpoWatch(scenario.options.targetRpoSeconds, (severity, text) => this.event(severity, text));
  }

  get roots(): readonly string[] {
    return this.scenario.roots;
  }

  get options() {
    return this.scenario.options;
  }

  static async start(parts: EngineParts, scenario: MasterScenario, dir: string): Promise<ScenarioRunner> {
    for (const root of scenario.roots) {
      const stats = await fs.stat(root).catch(() => undefined);
      if (!stats?.isDirectory()) throw new UserError('E1404', `${root} does not exist on ${parts.hostName}`);
    }
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    const index = FileIndex.open(path.join(dir, 'index.db'));
    const report = new SyncReportWriter(path.join(dir, 'reports'));
    const links: ReplicaLink[] = [];
    const holder: { runner?: ScenarioRunner } = {};
    for (const definition of scenario.links) {
      const linkDir = path.join(dir, 'links', definition.replicaId);
      const spool = await SegmentLog.open({
        dir: path.join(linkDir, 'spool'),
        ...(scenario.options.spoolMaxBytes ? { maxBytes: scenario.options.spoolMaxBytes } : {}),
        ...(scenario.options.spoolMinFreeBytes ? { minFreeBytes: scenario.options.spoolMinFreeBytes } : {}),
      });
      const progress = (await readLinkProgress(linkDir)) ?? { mode: 'needs-sync' as const, suspended: false };
      links.push(
        new ReplicaLink(definition, progress, spool, {
          scenarioId: scenario.scenarioId,
          scenarioName: scenario.name,
          engineId: parts.identity.engineId,
          dir: linkDir,
          events: parts.events,
          get syncHost(): SyncHost {
            if (!holder.runner) throw new Error('runner not started');
            return holder.runner;
          },
          report: (line) => report.write(line),
          finishReport: (replicaId) => report.finish(replicaId),
        }),
      );
    }
    const runner = new ScenarioRunner(parts, scenario, index, links);
    holder.runner = runner;
    await runner.begin();
    return runner;
  }

  withPathLock<T>(root: number, relativePath: string, work: () => Promise<T>): Promise<T> {
    return this.treeLock.run(root, [relativePath], work);
  }

  async refreshIndex(root: number, relativePath: string, force = false): Promise<IndexedStat | undefined> {
    const rootPath = this.roots[root] ?? '';
    const stats = await fs.lstat(path.join(rootPath, ...relativePath.split('/'))).catch(() => undefined);
    if (!stats) return undefined;
    const indexed = this.index.get(root, relativePath);
    if (!force && matchesIndex(indexed, stats)) return indexed;
    await flushAction(this.flushContext(), { type: 'changed', root, path: relativePath, kind: stats.isDirectory() ? 'directory' : 'file', full: true });
    return this.index.get(root, relativePath);
  }

  async setSuspended(replicaId: string, suspended: boolean): Promise<void> {
    const link = this.links.find((candidate) => candidate.definition.replicaId === replicaId);
    if (!link) throw new Error(`no Replica ${replicaId} in this scenario`);
    await link.setSuspended(suspended);
  }

  status(): Omit<MasterStatus, 'running'> {
    return { links: this.links.map((link) => link.status()), roots: this.rootStats.map((stats) => ({ ...stats })) };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.rechecks) clearTimeout(timer);
    this.rpo.stop();
    await this.capture?.stop();
    await Promise.all(this.links.map((link) => link.stop()));
    for (const link of this.links) await link.spool.close();
    this.index.close();
    this.event('info', 'Replication stopped on the Master');
  }

  private async begin(): Promise<void> {
    const flush = (action: CaptureAction): Promise<unknown> =>
      this.gate.runShared(() =>
        this.treeLock.run(action.root, actionPaths(action), async () => {
          const newDirectory = action.type === 'changed' && action.kind === 'directory' && this.index.get(action.root, action.path) === undefined;
          const outcome = await flushAction(this.flushContext(), action);
          if (newDirectory) this.recheckLater(action.root, action.path);
          // A moved folder's watch may report under its old name for a moment, and a new folder
          // reusing a removed one's inode is paired as its move: looking again settles both.
          if (action.type === 'renamed' && action.kind === 'directory') this.recheckLater(action.root, action.to);
          return outcome;
        }),
      );
    const capture = startCapture({
      roots: this.roots,
      index: this.index,
      flush: (action) => flush(action) as Promise<void>,
      onError: (error) => this.event('error', `Capture: ${describeError(error).split('\n')[0]}`),
      windowMs: this.options.coalesceMs,
      maxDelayMs: this.options.maxCoalesceDelayMs,
      // Each flush waits for its spool fsync; many in flight share one group commit.
      concurrency: CAPTURE_CONCURRENCY,
    });
    this.capture = capture;
    try {
      await capture.ready;
    } catch (error) {
      await capture.stop();
      this.index.close();
      throw error;
    }
    this.event('info', `Capturing changes under ${this.roots.join(', ')}`);
    const interrupted = await resendInterruptedFlushes(this.index, flush);
    if (interrupted > 0) this.event('info', `${interrupted} change(s) cut short by the previous stop are sent again`);
    for (const [root, rootPath] of this.roots.entries()) await reconcileWithIndex(rootPath, root, '', this.index, flush);
    for (const link of this.links) link.start();
    this.rpo.start(() => Math.max(0, ...this.links.map((link) => link.status().lagMs)));
  }

  /**
   * A folder that just appeared is watched a moment after the watcher listed it; a file moved
   * into it in between raises no event. Looking again once its watch runs closes that gap.
   */
  private recheckLater(root: number, relativePath: string): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.rechecks.delete(timer);
      if (this.stopped) return;
      this.capture?.rescan(root, relativePath).catch((error: unknown) =>
        this.event('error', `Capture: re-reading ${relativePath}: ${describeError(error).split('\n')[0]}`),
      );
    }, RECHECK_NEW_DIRECTORY_MS);
    this.rechecks.add(timer);
  }

  private flushContext(): FlushContext {
    return { index: this.index, roots: this.roots, emit: (record) => this.deliver(record) };
  }

  private async deliver(record: ChangeRecord): Promise<void> {
    const payload = encodeChangeRecord(record);
    const stats = this.rootStats[record.root];
    if (stats) {
      stats.changes += 1;
      stats.bytes += recordDataBytes(record);
    }
    const touched = record.op === 'rename' ? [record.from, record.to] : [record.path];
    await Promise.all(
      this.links.map(async (link) => {
        if (link.acceptsRecords()) await link.enqueue([payload]);
        else for (const touchedPath of touched) link.markDirty(record.root, touchedPath);
      }),
    );
  }

  private event(severity: 'info' | 'warning' | 'error', text: string): void {
    this.parts.events.record({ severity, scenarioId: this.scenario.scenarioId, text: `${this.scenario.name}: ${text}` });
  }
}
