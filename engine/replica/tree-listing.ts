import type { Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { errnoOf } from './durable-fs';
import { lstatOrUndefined } from './path-guard';
import { isTempFileName } from './temp-files';

/**
 * A directory tree as synchronization compares it: a Master root against a Replica target.
 * Both sides must list in the same order, so the order is defined here (comparePaths) and
 * two listings can be merged in one pass without holding either in memory.
 */

export interface TreeEntry {
  /** Relative to the listed directory, '/'-separated. */
  readonly path: string;
  /** Symbolic links, junctions, devices, sockets and FIFOs are 'other' and never followed. */
  readonly kind: 'file' | 'directory' | 'other';
  /** Bytes for files; 0 otherwise (a directory's size is a file-system detail). */
  readonly size: number;
  readonly mtimeMs: number;
  /** Permission bits, as a ChangeRecord carries them. */
  readonly mode: number;
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The listing order: segment by segment, names by UTF-16 code unit, a parent before its
 * children. Differs from plain string order: "a/b" comes before "a-c" because it is inside "a".
 */
export function comparePaths(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
    const order = compareNames(left[index] ?? '', right[index] ?? '');
    if (order !== 0) return order;
  }
  return left.length - right.length;
}

function kindOf(stats: Stats): TreeEntry['kind'] {
  if (stats.isSymbolicLink()) return 'other';
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'directory';
  return 'other';
}

/** Sorted entry names of one directory, or undefined if it vanished since its parent was read. */
async function sortedNames(directory: string, isRoot: boolean): Promise<string[] | undefined> {
  try {
    const names = await fs.readdir(directory);
    return names.filter((name) => !isTempFileName(name)).sort(compareNames);
  } catch (error) {
    const code = errnoOf(error);
    // A missing root is the caller's problem; a subdirectory removed mid-walk simply ends.
    if (!isRoot && (code === 'ENOENT' || code === 'ENOTDIR')) return undefined;
    // Anything else (EACCES…) must fail: treating unreadable as empty would make
    // synchronization delete the Replica's copy of what it could not see.
    throw error;
  }
}

interface Level {
  readonly absolute: string;
  readonly relative: string;
  readonly names: readonly string[];
  next: number;
}

/**
 * Every entry below `dir` in comparePaths order, depth first. Memory holds one sorted name
 * list per directory on the current branch, never the whole tree. The applier's temporary
 * files are skipped; symbolic links are reported, not followed.
 */
export async function* listTree(dir: string): AsyncGenerator<TreeEntry> {
  const rootNames = await sortedNames(dir, true);
  const stack: Level[] = [{ absolute: dir, relative: '', names: rootNames ?? [], next: 0 }];
  for (let level = stack.at(-1); level !== undefined; level = stack.at(-1)) {
    const name = level.names[level.next];
    if (name === undefined) {
      stack.pop();
      continue;
    }
    level.next += 1;
    const absolute = path.join(level.absolute, name);
    const stats = await lstatOrUndefined(absolute);
    if (stats === undefined) continue; // removed between readdir and lstat
    const relative = level.relative === '' ? name : `${level.relative}/${name}`;
    const kind = kindOf(stats);
    yield { path: relative, kind, size: kind === 'file' ? stats.size : 0, mtimeMs: stats.mtimeMs, mode: stats.mode & 0o7777 };
    if (kind === 'directory') {
      const names = await sortedNames(absolute, false);
      if (names !== undefined) stack.push({ absolute, relative, names, next: 0 });
    }
  }
}
