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

/**
 * Finds what changed under the roots while the engine was not watching (down, or before
 * capture was ready): paths that differ from the index are flushed as changed, indexed
 * paths that are gone as removed. Runs after capture is ready, so nothing falls in between.
 * Only changed files are read: a restart rehashes what changed, not the whole tree.
 */
export async function reconcileWithIndex(roots: readonly string[], index: FileIndex, flush: (action: CaptureAction) => Promise<unknown>): Promise<void> {
  for (const [root, rootPath] of roots.entries()) {
    for await (const entry of walkPrefix(rootPath, '')) {
      if (entry.kind === 'other') continue;
      const indexed = index.get(root, entry.path);
      const stats = await fs.lstat(path.join(rootPath, ...entry.path.split('/'))).catch(() => undefined);
      if (!stats || matchesIndex(indexed, stats)) continue;
      await flush({ type: 'changed', root, path: entry.path, kind: entry.kind, full: true });
    }
    let removedTree: string | undefined;
    for (const indexed of index.iterate(root)) {
      if (removedTree !== undefined && indexed.path.startsWith(`${removedTree}/`)) continue;
      const exists = await fs.lstat(path.join(rootPath, ...indexed.path.split('/'))).then(
        () => true,
        () => false,
      );
      if (exists) continue;
      removedTree = indexed.path;
      await flush({ type: 'removed', root, path: indexed.path });
    }
  }
}
