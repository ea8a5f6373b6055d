import { lstat } from 'node:fs/promises';
import type { ChangeRecord } from '../replication/change-record';
import { isGoneError } from './capture-error';
import type { IndexEntry } from './file-index';

export type DirectoryDiff = { gone: true } | { gone: false; records: ChangeRecord[]; entry: IndexEntry };

/**
 * A directory against its index entry: 'mkdir' when the Replica has none (or had a file
 * there), 'attrs' when mtime or mode moved, nothing otherwise. At most one small record, so
 * an array is returned rather than a callback. Children are not listed here: each child
 * arrives as its own event (chokidar reads a new directory and reports what it holds).
 */
export async function diffDirectory(absPath: string, relPath: string, root: number, previous: IndexEntry | undefined): Promise<DirectoryDiff> {
  let stats;
  try {
    stats = await lstat(absPath);
  } catch (error) {
    if (isGoneError(error)) return { gone: true };
    throw error;
  }
  if (!stats.isDirectory()) return { gone: true };
  const mode = stats.mode & 0o7777;
  const { mtimeMs, ino } = stats;
  const entry: IndexEntry = { kind: 'directory', size: 0, mtimeMs, ino, mode, blocks: new Uint8Array(0) };
  if (previous?.kind !== 'directory') return { gone: false, records: [{ op: 'mkdir', root, path: relPath, mtimeMs, mode }], entry };
  if (previous.mtimeMs !== mtimeMs || previous.mode !== mode) {
    return { gone: false, records: [{ op: 'attrs', root, path: relPath, mtimeMs, mode }], entry };
  }
  return { gone: false, records: [], entry };
}
