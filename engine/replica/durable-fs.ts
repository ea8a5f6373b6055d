import { AsyncLocalStorage } from 'node:async_hooks';
import fs, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../messages/user-error';
import { syncDirectory } from '../util/atomic-file';
import { symlinkRejected } from './path-guard';

/**
 * File system steps the applier builds on, each durable before it returns: a new or removed
 * directory entry is only safe once its parent directory is fsync'd, contents and metadata
 * once the file itself is.
 */

const IS_WINDOWS = process.platform === 'win32';
// Undefined on Windows, where junctions are caught by the path guard's lstat instead.
export const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;
// Set-id bits are dropped: files written as the engine's (often root) account from network
// data must never become set-id programs on the Replica host.
const REPLICATED_MODE_BITS = 0o1777;

export function errnoOf(error: unknown): string | undefined {
  return error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
}

/**
 * Syncs postponed to the end of a batch. Inside `withDeferredSyncs`, file and directory syncs
 * are only noted; `flush` then issues them all at once, in parallel, so the file system
 * commits them together (one journal commit instead of two per record). The caller must not
 * report the batch durable (applied sequence number, acknowledgement) before `flush` returns.
 */
export class DeferredSyncs {
  readonly files = new Set<string>();
  readonly directories = new Set<string>();

  async flush(): Promise<void> {
    const files = [...this.files];
    const directories = [...this.directories];
    this.files.clear();
    this.directories.clear();
    await inParallel(files, syncFileByPath);
    await inParallel(directories, (directory) => fsyncDirectory(directory, true));
  }
}

const deferral = new AsyncLocalStorage<DeferredSyncs>();

export function withDeferredSyncs<T>(syncs: DeferredSyncs, work: () => Promise<T>): Promise<T> {
  return deferral.run(syncs, work);
}

const PARALLEL_SYNCS = 32;

async function inParallel(items: readonly string[], work: (item: string) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++];
      if (item !== undefined) await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_SYNCS, items.length) }, worker));
}

/** A file noted earlier may since have been renamed or removed by a later record: then there is nothing to sync. */
async function syncFileByPath(file: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(file, IS_WINDOWS ? 'r+' : fs.constants.O_RDONLY | O_NOFOLLOW);
    await handle.sync();
  } catch (error) {
    if (errnoOf(error) !== 'ENOENT' && errnoOf(error) !== 'ELOOP') throw error;
  } finally {
    await handle?.close();
  }
}

/** Flushes a directory entry change now, or notes it inside withDeferredSyncs. */
export async function fsyncDirectory(directory: string, now = false): Promise<void> {
  const deferred = now ? undefined : deferral.getStore();
  if (deferred) {
    deferred.directories.add(directory);
    return;
  }
  await syncDirectory(directory, { missingOk: now });
}

/**
 * Creates each missing directory of `segments` below `realRoot`, one level at a time, so a
 * symbolic link slipped in since the path guard looked is refused instead of followed
 * (mkdir's recursive mode would follow it). Returns the deepest directory's path.
 */
export async function ensureDirectories(realRoot: string, segments: readonly string[], shownPath: string): Promise<string> {
  let current = realRoot;
  for (const [index, segment] of segments.entries()) {
    const parent = current;
    current = path.join(current, segment);
    try {
      await fs.mkdir(current);
      await fsyncDirectory(parent);
    } catch (error) {
      if (errnoOf(error) !== 'EEXIST') throw error;
      const stats = await fs.lstat(current);
      const shownComponent = segments.slice(0, index + 1).join('/');
      if (stats.isSymbolicLink()) throw symlinkRejected(shownPath, shownComponent);
      if (!stats.isDirectory()) {
        throw new UserError('E1102', `${JSON.stringify(shownComponent)} is a file on the Replica, a directory on the Master`);
      }
    }
  }
  return current;
}

/** Writes all of `data` at `position`, looping over short writes. */
export async function writeAll(handle: FileHandle, data: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < data.byteLength) {
    const { bytesWritten } = await handle.write(data, done, data.byteLength - done, position + done);
    // A regular file accepts at least one byte or fails; zero would loop forever.
    if (bytesWritten === 0) throw new UserError('E1103', 'the file system accepted no bytes');
    done += bytesWritten;
  }
}

/**
 * mtime (atime too, so re-applying gives identical metadata) and mode on an open file, then
 * fsync — or, inside withDeferredSyncs, a note to sync `finalPath` (where the file will be
 * once renamed into place) when the batch is flushed.
 */
export async function finishFile(handle: FileHandle, mtimeMs: number, mode: number, finalPath?: string): Promise<void> {
  const seconds = mtimeMs / 1000;
  await handle.utimes(seconds, seconds);
  // Windows maps chmod to the read-only flag only, which would then block the next update.
  if (!IS_WINDOWS) await handle.chmod(mode & REPLICATED_MODE_BITS);
  const deferred = finalPath === undefined ? undefined : deferral.getStore();
  if (deferred && finalPath !== undefined) deferred.files.add(finalPath);
  else await handle.sync();
}

/**
 * mtime and mode of an existing file or directory by path. On POSIX it is opened without
 * following a final symbolic link (a directory opens read-only too), so the times cannot land
 * on a link's target; Windows cannot open directories, so it sets times by path.
 */
export async function setTimesAndMode(absolutePath: string, mtimeMs: number, mode: number): Promise<void> {
  if (IS_WINDOWS) {
    const seconds = mtimeMs / 1000;
    await fs.utimes(absolutePath, seconds, seconds);
    return;
  }
  const handle = await fs.open(absolutePath, fs.constants.O_RDONLY | O_NOFOLLOW);
  try {
    await finishFile(handle, mtimeMs, mode, absolutePath);
  } finally {
    await handle.close();
  }
}
