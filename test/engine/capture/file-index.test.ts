import path from 'node:path';
import Driver from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaptureError } from '../../../engine/capture/capture-error';
import { FileIndex, type IndexEntry } from '../../../engine/capture/file-index';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir';

let dir: string;
let index: FileIndex;

function file(ino: number, size = 10): IndexEntry {
  return { kind: 'file', size, mtimeMs: 1_700_000_000_123.456, ino, mode: 0o644, blocks: Buffer.alloc(16, ino) };
}

function folder(ino: number): IndexEntry {
  return { kind: 'directory', size: 0, mtimeMs: 1_700_000_000_000, ino, mode: 0o755, blocks: new Uint8Array(0) };
}

function paths(root: number, prefix?: string): string[] {
  return [...index.iterate(root, prefix, 3)].map((entry) => entry.path);
}

beforeEach(() => {
  dir = tempDir();
  index = FileIndex.open(path.join(dir, 'index', 'capture.db'));
});

afterEach(() => {
  index.close();
  removeTempDirs();
});

describe('FileIndex', () => {
  it('stores, replaces and removes entries, and keeps them across a reopen', () => {
    index.put(0, 'a/b.txt', file(7));
    expect(index.get(0, 'a/b.txt')).toMatchObject({ ...file(7), blocks: Buffer.alloc(16, 7) });
    expect(index.get(1, 'a/b.txt')).toBeUndefined();
    index.put(0, 'a/b.txt', file(8, 99));
    expect(index.get(0, 'a/b.txt')?.size).toBe(99);

    index.close();
    index = FileIndex.open(path.join(dir, 'index', 'capture.db'));
    expect(index.get(0, 'a/b.txt')?.ino).toBe(8);
    index.remove(0, 'a/b.txt');
    expect(index.get(0, 'a/b.txt')).toBeUndefined();
  });

  it('removeTree removes a folder and everything below it, and no look-alike sibling', () => {
    for (const p of ['a', 'a/x', 'a/x/y', 'a b', 'ab', 'a!', 'b']) index.put(0, p, file(1));
    index.put(1, 'a/x', file(1));
    expect(index.removeTree(0, 'a')).toBe(3);
    expect(paths(0)).toEqual(['a b', 'a!', 'ab', 'b']);
    expect(index.get(1, 'a/x')).toBeDefined();
  });

  it('renameTree moves an entry and its whole tree in one step, replacing the target', () => {
    index.put(0, 'docs', folder(1));
    index.put(0, 'docs/a.txt', file(2));
    index.put(0, 'docs/sub', folder(3));
    index.put(0, 'docs/sub/b.txt', file(4));
    index.put(0, 'docs b', file(5));
    index.put(0, 'archive', folder(6));
    index.put(0, 'archive/old.txt', file(7));

    expect(index.renameTree(0, 'docs', 'archive')).toBe(4);
    expect(paths(0)).toEqual(['archive', 'archive/a.txt', 'archive/sub', 'archive/sub/b.txt', 'docs b']);
    expect(index.get(0, 'archive/sub/b.txt')?.ino).toBe(4);
    expect(index.get(0, 'archive')?.ino).toBe(1);

    expect(index.renameTree(0, 'archive/sub/b.txt', 'c.txt')).toBe(1);
    expect(index.get(0, 'c.txt')?.ino).toBe(4);
    expect(() => index.renameTree(0, 'archive', 'archive/sub')).toThrow(RangeError);
  });

  it('lists direct children page by page without descending into their subtrees', () => {
    index.put(0, 'top', folder(1));
    for (const name of ['c', 'a', 'a b', 'b']) index.put(0, `top/${name}`, file(2));
    index.put(0, 'top/a/deep', file(3)); // below a file name: never listed
    index.put(0, 'top/z/orphan', file(4)); // 'top/z' itself not indexed: skipped
    const first = index.listChildren(0, 'top', { limit: 2 });
    expect(first.map((entry) => entry.path)).toEqual(['top/a', 'top/a b']);
    const rest = index.listChildren(0, 'top', { after: 'a b', limit: 10 });
    expect(rest.map((entry) => entry.path)).toEqual(['top/b', 'top/c']);
    expect(index.listChildren(0, '').map((entry) => entry.path)).toEqual(['top']);
  });

  it('iterates a large root in depth-first order, page by page, under any prefix', () => {
    index.batch(() => {
      for (let d = 0; d < 10; d += 1) {
        index.put(0, `d${d}`, folder(d));
        for (let f = 0; f < 10; f += 1) index.put(0, `d${d}/f${f}`, file(100 + f));
      }
    });
    const all = paths(0);
    expect(all).toHaveLength(110);
    expect(all.slice(0, 3)).toEqual(['d0', 'd0/f0', 'd0/f1']);
    expect(paths(0, 'd3')).toEqual(['d3', ...Array.from({ length: 10 }, (_, f) => `d3/f${f}`)]);
    expect(paths(0, 'missing')).toEqual([]);
    // Writing between pages is allowed: each page is its own query.
    const seen: string[] = [];
    for (const entry of index.iterate(0, 'd1', 4)) {
      seen.push(entry.path);
      index.put(0, `copies/${entry.path}`, file(1));
    }
    expect(seen).toHaveLength(11);
  });

  it('finds entries by inode for rename pairing', () => {
    index.put(0, 'one', file(42));
    index.put(0, 'two', file(42));
    index.put(1, 'three', file(42));
    expect(index.findByIno(0, 42).map((entry) => entry.path).sort()).toEqual(['one', 'two']);
    expect(index.findByIno(0, 43)).toEqual([]);
  });

  it('refuses a damaged or newer index with E1402', () => {
    expect(() => FileIndex.open(dir)).toThrow(CaptureError);
    const newer = path.join(dir, 'newer.db');
    const db = new Driver(newer);
    db.pragma('user_version = 99');
    db.close();
    expect(() => FileIndex.open(newer)).toThrow(/E1402|newer than this engine/);
  });
});
