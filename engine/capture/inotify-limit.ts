import fs from 'node:fs';
import { opendir } from 'node:fs/promises';
import path from 'node:path';
import { CaptureError, errnoCode } from './capture-error';

/**
 * Linux caps inotify watches per user (fs.inotify.max_user_watches). When the cap is hit,
 * new watches fail and that part of the tree silently stops replicating — the one outcome
 * replication must never have. So before watching, the tree is counted and the scenario
 * refuses to start, naming the number needed and the command that raises the limit.
 *
 * chokidar 4 calls fs.watch on every file as well as every directory (measured: 100
 * folders + 100,000 files = 100,101 watches), so both are counted, not only directories.
 */
export interface WatchCount {
  directories: number;
  files: number;
}

/** The user's watch limit, or undefined where inotify does not apply (not Linux, unreadable). */
export function systemInotifyLimit(): number | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const value = Number.parseInt(fs.readFileSync('/proc/sys/fs/inotify/max_user_watches', 'utf8').trim(), 10);
    return Number.isFinite(value) && value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Counts what watching `root` costs, the root included, skipping names `isIgnored` accepts
 * (chokidar skips them too). An explicit stack of directory paths and streamed directory
 * reads: memory follows the width of the walk, not the number of files.
 */
export async function countWatchTargets(root: string, isIgnored: (name: string) => boolean): Promise<WatchCount> {
  const count: WatchCount = { directories: 1, files: 0 };
  const stack = [root];
  for (let dir = stack.pop(); dir !== undefined; dir = stack.pop()) {
    let entries;
    try {
      entries = await opendir(dir, { bufferSize: 256 });
    } catch (error) {
      // Vanished since listed, or unreadable: chokidar reports the latter as an error itself.
      if (['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM'].includes(errnoCode(error) ?? '')) continue;
      throw error;
    }
    for await (const entry of entries) {
      if (isIgnored(entry.name)) continue;
      if (entry.isDirectory()) {
        count.directories += 1;
        stack.push(path.join(dir, entry.name));
      } else if (entry.isFile()) {
        count.files += 1;
      }
    }
  }
  return count;
}

/** Room above the need in the suggested value, for the folders a live tree keeps adding. */
function suggestedLimit(needed: number): number {
  return Math.ceil((needed * 1.25) / 1024) * 1024;
}

/**
 * Throws E1401 when watching `root` (`count`) on top of `inUse` watches already taken by this
 * engine's other roots does not fit in `limit`; does nothing without a limit.
 */
export function checkWatchBudget(root: string, count: WatchCount, inUse: number, limit: number | undefined): void {
  const needed = inUse + count.directories + count.files;
  if (limit === undefined || needed <= limit) return;
  const n = suggestedLimit(needed);
  const format = (value: number): string => value.toLocaleString('en-US');
  const others = inUse > 0 ? `, plus ${format(inUse)} for the roots already watched` : '';
  throw new CaptureError(
    'E1401',
    `watching ${root} needs ${format(needed)} inotify watches (${format(count.directories)} folders` +
      `${count.files > 0 ? ` and ${format(count.files)} files` : ''}, one watch each${others}) but fs.inotify.max_user_watches is ${format(limit)}. ` +
      `Raise it with: sudo sysctl fs.inotify.max_user_watches=${n} ` +
      `(and persist it: echo fs.inotify.max_user_watches=${n} | sudo tee /etc/sysctl.d/90-understudy.conf)`,
  );
}
