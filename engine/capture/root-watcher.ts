import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CaptureError, errnoCode } from './capture-error';
import { FolderWatcher } from './folder-watcher';
import { checkWatchBudget, countWatchTargets, systemInotifyLimit } from './inotify-limit';

/**
 * chokidar 4 on one Master root, reduced to what capture needs: add/change/unlink/addDir/
 * unlinkDir with a '/'-separated path relative to the root, and the stats chokidar already
 * has (alwaysStat) so nobody stats twice.
 *
 * Started before the runner's initial scan (the scan runs after `start` resolves, i.e. after
 * chokidar's 'ready'), so nothing written during the scan is missed. Options, and why:
 * - ignoreInitial: the runner's scan, not a flood of 'add' events, covers what exists.
 * - no awaitWriteFinish: the coalescer's quiet window does that job, per path, with a cap.
 * - atomic: false: chokidar's atomic mode delays every unlink by 100 ms and hides names
 *   like `file~` or `*.swp`; same-path unlink+add is coalesced by capture anyway, and every
 *   file of the root is replicated.
 * - followSymlinks: false: a link pointing outside the root must not pull that tree in.
 * - the engine's own temporary files (`.understudy-tmp-*`) are ignored.
 */
export type WatchEventKind = 'add' | 'change' | 'unlink' | 'addDir' | 'unlinkDir';

export interface WatchEvent {
  kind: WatchEventKind;
  relPath: string;
  stats: Stats | undefined;
  /** Found by a re-read of the tree, not reported by the OS: an 'unlink' counts only if the path is still gone when handled. */
  rescan?: boolean;
}

export const ENGINE_TEMP_PREFIX = '.understudy-tmp-';

export function isEngineTempName(name: string): boolean {
  return name.startsWith(ENGINE_TEMP_PREFIX);
}

export interface RootWatcherOptions {
  /** Absolute path of the Master root directory. */
  root: string;
  onEvent: (event: WatchEvent) => void;
  onError: (error: CaptureError) => void;
  /** Watch limit to check against; defaults to /proc/sys/fs/inotify/max_user_watches on Linux. */
  inotifyLimit?: number;
  /** Watches this engine already holds for other roots. */
  watchesInUse?: number;
}

export class RootWatcher {
  private constructor(
    private readonly watcher: FolderWatcher,
    /** inotify watches this root takes: one per folder. */
    readonly watchesNeeded: number,
  ) {}

  /** Checks the root and the watch budget, then watches every folder; resolves once all are watched. */
  static async start(options: RootWatcherOptions): Promise<RootWatcher> {
    const root = path.resolve(options.root);
    const rootStats = await stat(root).catch(() => undefined);
    if (!rootStats?.isDirectory()) throw new CaptureError('E1404', `${root} is not a directory`);
    const count = await countWatchTargets(root, isEngineTempName);
    const limit = 'inotifyLimit' in options ? options.inotifyLimit : systemInotifyLimit();
    checkWatchBudget(root, { directories: count.directories, files: 0 }, options.watchesInUse ?? 0, limit);
    const watcher = await FolderWatcher.start({
      root,
      ignore: isEngineTempName,
      onEvent: (event) => {
        options.onEvent(event);
        if (event.kind === 'unlink' || event.kind === 'unlinkDir') {
          void stat(root).catch(() => options.onError(new CaptureError('E1404', `${root} was removed while being watched`)));
        }
      },
      onError: (error) => options.onError(describeWatchError(root, error)),
    });
    return new RootWatcher(watcher, count.directories);
  }

  close(): Promise<void> {
    return this.watcher.close();
  }
}

function describeWatchError(root: string, error: unknown): CaptureError {
  const text = error instanceof Error ? error.message : String(error);
  if (errnoCode(error) === 'ENOSPC') {
    return new CaptureError(
      'E1401',
      `the inotify watch limit was reached while watching new files or folders under ${root} (${text}); ` +
        'changes there are NOT being replicated. Raise fs.inotify.max_user_watches (sudo sysctl fs.inotify.max_user_watches=N), restart the scenario and synchronize.',
      { cause: error },
    );
  }
  return new CaptureError('E1403', `${root}: ${text}`, { cause: error });
}
