import fs from 'node:fs/promises';
import path from 'node:path';
import type { CaptureAction } from '../../capture/actions';
import type { FileIndex, IndexEntry } from '../../capture/file-index';
import { walkPrefix } from '../walk-prefix';

/** True when the file system entry still looks exactly as the index recorded it. */
export function matchesIndex(entry: IndexEntry | undefined, stats: { size: number; mtimeMs: number; ino: number; mode: number; isDirectory(): boolean }): boolean {
  if (!entry) return false;
  if (entry.kind === 'directory') return stats.isDirectory();
  return !stats.isDirectory() && entry.size === stats.size && entry.mtimeMs === stats.mtimeMs && entry.ino === stats.ino && entry.mode === (stats.mode & 0o7777);
}

const RECONCILE_CONCURRENCY = 16;

function absolute(rootPath: string, relativePath: string): string {
  return relativePath === '' ? rootPath : path.join(rootPath, ...relativePath.split('/'));
}

/**
 * Finds what changed under `prefix` ('' = the whole root) without capture seeing it — while
 * the engine was down, before capture was ready, or in the moment between a new folder
 * appearing and its watch starting: paths that differ from the index are flushed as changed,
 * indexed paths that are gone as removed. Only changed files are read, so a restart rehashes
 * what changed, not the whole tree.
 */
export async function reconcileWithIndex(rootPath: string, root: number, prefix: string, index: FileIndex, flush: (action: CaptureAction) => Promise<unknown>): Promise<void> {
  // Files are read and hashed several at a time (a first start indexes every file); a folder is
  // flushed before anything inside it, as the walk lists parents first and waits for them.
  const inFlight = new Set<Promise<unknown>>();
  for await (const entry of walkPrefix(absolute(rootPath, prefix), prefix)) {
    if (entry.kind === 'other') continue;
    const stats = await fs.lstat(absolute(rootPath, entry.path)).catch(() => undefined);
    if (!stats || matchesIndex(index.get(root, entry.path), stats)) continue;
    const flushing = flush({ type: 'changed', root, path: entry.path, kind: entry.kind, full: true });
    if (entry.kind === 'directory') {
      await flushing;
      continue;
    }
    const tracked = flushing.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    if (inFlight.size >= RECONCILE_CONCURRENCY) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  let removedTree: string | undefined;
  for (const indexed of index.iterate(root, prefix)) {
    if (removedTree !== undefined && indexed.path.startsWith(`${removedTree}/`)) continue;
    const exists = await fs.lstat(absolute(rootPath, indexed.path)).then(
      () => true,
      () => false,
    );
    if (exists) continue;
    removedTree = indexed.path;
    await flush({ type: 'removed', root, path: indexed.path });
  }
}
