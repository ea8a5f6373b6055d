import fs from 'node:fs/promises';
import { listTree, type TreeEntry } from '../replica/tree-listing';

/**
 * Lists `prefix` (relative to a root; '' = the whole root) in synchronization order: the
 * entry itself, then its subtree when it is a directory. Nothing when it does not exist.
 */
export async function* walkPrefix(absolutePrefix: string, prefix: string): AsyncGenerator<TreeEntry> {
  let stats;
  try {
    stats = await fs.lstat(absolutePrefix);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (prefix !== '') {
    const kind = stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other';
    yield { path: prefix, kind, size: kind === 'file' ? stats.size : 0, mtimeMs: stats.mtimeMs, mode: stats.mode & 0o7777 };
  }
  if (!stats.isDirectory()) return;
  for await (const entry of listTree(absolutePrefix)) {
    yield prefix === '' ? entry : { ...entry, path: `${prefix}/${entry.path}` };
  }
}
