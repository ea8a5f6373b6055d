import path from 'node:path';
import type { CaptureAction, FlushOutcome } from './actions';
import { OrderedDispatcher } from './dispatcher';
import type { FileIndex } from './file-index';
import { RootPipeline, type PipelineSettings } from './root-pipeline';
import { RootWatcher } from './root-watcher';
import { realScheduler, type Scheduler } from './scheduler';

/**
 * Capture: the Master's file-system activity under its roots → ordered CaptureActions.
 *
 *   chokidar (root-watcher) → per-root pipeline: rename pairing (inode, via the index)
 *     → per-path quiet window (coalescer) → ordered dispatcher → runner's `flush(action)`
 *
 * The split with the runner:
 * - Capture decides WHAT changed and WHEN to look (renames paired, bursts coalesced, the last
 *   event always followed by a final look, appends verified later, unstable reads retried).
 * - The runner's `flush` does the looking under its own per-path lock: usually
 *   `flushAction(context, action)` (flush-action.ts), which diffs against the index, emits
 *   ChangeRecords into the spool and then updates the index. The flush resolves after the
 *   index reflects the action; capture relies on that to resolve paths (in-flight overlay).
 * - Order: actions reach `flush` in decision order; up to `concurrency` run at once, never
 *   two touching the same path or one inside the other (dispatcher.ts). Per path and per
 *   tree the Replica sees changes in the order they happened.
 * - `ready` resolves once every root is watched (chokidar 'ready'): run the initial scan
 *   after it, never before, or changes made during the scan are lost. It rejects with
 *   CaptureError E1401 when the roots need more inotify watches than the system allows.
 * - `stop()` closes the watchers, drops what was not yet dispatched and waits for running
 *   flushes. Nothing is lost: the index still describes what was spooled, and the next
 *   start's scan finds the rest.
 * - Errors (watcher errors, a throwing flush) go to `onError`. After a flush failed, the
 *   index and the Replica may disagree for that path: the runner should schedule a
 *   synchronization.
 */
export interface CaptureOptions {
  /** Master root directories; their position is the ChangeRecord `root` number. */
  roots: readonly string[];
  index: FileIndex;
  flush: (action: CaptureAction) => Promise<FlushOutcome | void>;
  onError: (error: unknown, root: number | undefined) => void;
  /** Quiet window per path (default 50 ms). */
  windowMs?: number;
  /** A path changing constantly is still flushed this often (default 500 ms). */
  maxDelayMs?: number;
  /** Minimum delay between a path's last event and its final read (default 50 ms: chokidar's change throttle). */
  settleMs?: number;
  /** How long an unlink waits for the add that would make it a rename (default 100 ms). */
  pairWindowMs?: number;
  /** How long the leftover unlinks of a paired move are ignored (default 2 s). */
  expectWindowMs?: number;
  /** Quiet time before the full verification of an appended file (default 2 s; forced every 60 s). */
  verifyQuietMs?: number;
  verifyMaxDelayMs?: number;
  /** Flushes running at once (default 4). */
  concurrency?: number;
  scheduler?: Scheduler;
  /** Watch limit to check the roots against (default: the system's, on Linux). */
  inotifyLimit?: number;
}

export interface CapturePending {
  /** Events, coalescing paths and unpaired removals not yet handed to the dispatcher. */
  deciding: number;
  /** Appended files waiting for their full verification. */
  verifying: number;
  /** Actions waiting for or inside the runner's flush. */
  dispatching: number;
}

export interface Capture {
  readonly ready: Promise<void>;
  pending(): CapturePending;
  /** Re-reads a folder of a root (root-pipeline.ts `rescan`): what its watch missed is decided like any event. */
  rescan(root: number, prefix: string): Promise<void>;
  /** Resolves once nothing is pending (verifications excluded unless asked); polls every 5 ms. */
  idle(options?: { includeVerifications?: boolean }): Promise<void>;
  stop(): Promise<void>;
}

export function startCapture(options: CaptureOptions): Capture {
  if (options.roots.length === 0 || options.roots.length > 256) throw new RangeError('capture needs 1 to 256 roots');
  const scheduler = options.scheduler ?? realScheduler;
  const settings: PipelineSettings = {
    windowMs: options.windowMs ?? 50,
    maxDelayMs: options.maxDelayMs ?? 500,
    settleMs: options.settleMs ?? 50,
    pairWindowMs: options.pairWindowMs ?? 100,
    expectWindowMs: options.expectWindowMs ?? 2000,
    verifyQuietMs: options.verifyQuietMs ?? 2000,
    verifyMaxDelayMs: options.verifyMaxDelayMs ?? 60_000,
  };
  const pipelines: RootPipeline[] = [];
  const dispatcher = new OrderedDispatcher({
    concurrency: options.concurrency ?? 4,
    run: options.flush,
    settled: (action, outcome, error) => pipelines[action.root]?.settled(action, outcome, error),
  });
  const rootPaths = options.roots.map((root) => path.resolve(root));
  rootPaths.forEach((rootPath, root) => {
    const onError = (error: unknown): void => options.onError(error, root);
    pipelines.push(new RootPipeline({ root, rootPath, index: options.index, dispatcher, scheduler, settings, onError }));
  });

  const watchers: RootWatcher[] = [];
  let stopping = false;
  const ready = (async () => {
    let watchesInUse = 0;
    try {
      for (const [root, rootPath] of rootPaths.entries()) {
        if (stopping) return;
        const pipeline = pipelines[root];
        const watcher = await RootWatcher.start({
          root: rootPath,
          onEvent: (event) => pipeline?.accept(event),
          onError: (error) => options.onError(error, root),
          watchesInUse,
          ...('inotifyLimit' in options ? { inotifyLimit: options.inotifyLimit } : {}),
        });
        watchers.push(watcher);
        watchesInUse += watcher.watchesNeeded;
      }
    } catch (error) {
      // All roots or none: a scenario must not run with part of its data unwatched.
      await Promise.all(watchers.splice(0).map((watcher) => watcher.close()));
      throw error;
    }
  })();
  // The caller awaits `ready`; this keeps a failure from also surfacing as an unhandled rejection.
  ready.catch(() => undefined);

  const pending = (includeVerifications = true): CapturePending => ({
    deciding: pipelines.reduce((sum, pipeline) => sum + pipeline.pendingCount(false), 0),
    verifying: includeVerifications ? pipelines.reduce((sum, p) => sum + p.pendingCount(true) - p.pendingCount(false), 0) : 0,
    dispatching: dispatcher.size,
  });

  return {
    ready,
    pending: () => pending(),
    rescan: async (root, prefix) => {
      await pipelines[root]?.rescan(prefix);
    },
    async idle({ includeVerifications = false } = {}) {
      for (;;) {
        const { deciding, verifying, dispatching } = pending(includeVerifications);
        if (deciding + verifying + dispatching === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    async stop() {
      stopping = true;
      await ready.catch(() => undefined);
      await Promise.all(watchers.map((watcher) => watcher.close()));
      await Promise.all(pipelines.map((pipeline) => pipeline.stop()));
      await dispatcher.stop();
    },
  };
}
