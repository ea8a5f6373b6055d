import { assertRelativePath } from './rel-path';

/**
 * How the file index orders paths: each path is stored as a BLOB whose '/' separators are
 * NUL bytes. NUL sorts below every byte a file name can hold, so a directory's whole subtree
 * is the contiguous key range [dir\0, dir\x01) — right after the directory itself and before
 * any sibling such as "dir b" (with '/' that sibling would sort inside the subtree). Tree
 * operations (removeTree, renameTree, iterate under a prefix) become one range scan, and a
 * walk in key order is a depth-first pre-order walk, which is what a tree comparison wants.
 */
const SEPARATOR = 0x00;
const AFTER_SEPARATOR = 0x01;
/** No UTF-8 encoding holds 0xFF, so this key sorts after every path of a root. */
const END_OF_ROOT = Buffer.from([0xff]);

export function pathKey(path: string): Buffer {
  assertRelativePath(path);
  return Buffer.from(path.replaceAll('/', '\0'), 'utf8');
}

export function keyPath(key: Uint8Array): string {
  return Buffer.from(key.buffer, key.byteOffset, key.byteLength).toString('utf8').replaceAll('\0', '/');
}

/** Key range [start, end) holding `path` and everything below it; the whole root for ''. */
export function treeRange(path: string): { start: Buffer; end: Buffer } {
  if (path === '') return { start: Buffer.alloc(0), end: END_OF_ROOT };
  const key = pathKey(path);
  return { start: key, end: Buffer.concat([key, Buffer.from([AFTER_SEPARATOR])]) };
}

/** Key range [start, end) of the entries strictly below `dir` ('' = the root). */
export function childrenRange(dir: string): { start: Buffer; end: Buffer } {
  if (dir === '') return { start: Buffer.alloc(0), end: END_OF_ROOT };
  const key = pathKey(dir);
  return { start: Buffer.concat([key, Buffer.from([SEPARATOR])]), end: Buffer.concat([key, Buffer.from([AFTER_SEPARATOR])]) };
}

/** The first key after `childKey`'s own subtree: where the next sibling can start. */
export function afterSubtree(childKey: Uint8Array): Buffer {
  return Buffer.concat([childKey, Buffer.from([AFTER_SEPARATOR])]);
}

/** Length of the first segment of `key` from `offset` (up to the next separator or the end). */
export function segmentEnd(key: Uint8Array, offset: number): number {
  const cut = key.indexOf(SEPARATOR, offset);
  return cut < 0 ? key.byteLength : cut;
}
