import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { comparePaths, listTree, type TreeEntry } from '../../../engine/replica/tree-listing';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir';

afterEach(removeTempDirs);

async function collect(dir: string): Promise<TreeEntry[]> {
  const entries: TreeEntry[] = [];
  for await (const entry of listTree(dir)) entries.push(entry);
  return entries;
}

function build(root: string, layout: Record<string, string | null>): void {
  for (const [relative, contents] of Object.entries(layout)) {
    const absolute = path.join(root, ...relative.split('/'));
    fs.mkdirSync(contents === null ? absolute : path.dirname(absolute), { recursive: true });
    if (contents !== null) fs.writeFileSync(absolute, contents);
  }
}

describe('listTree', () => {
  it('lists files and empty directories, parents before children, siblings by name', async () => {
    const root = tempDir();
    build(root, {
      'b/inner.txt': 'inner',
      'a-c': 'dash',
      'a/b': 'ab',
      B: 'upper',
      'empty/': null,
      'zero.bin': '',
      '.hidden': 'h',
      'deep/er/est/leaf': 'leaf',
    });
    const entries = await collect(root);
    expect(entries.map((entry) => `${entry.kind} ${entry.path} ${entry.size}`)).toEqual([
      'file .hidden 1',
      'file B 5',
      'directory a 0',
      'file a/b 2',
      'file a-c 4',
      'directory b 0',
      'file b/inner.txt 5',
      'directory deep 0',
      'directory deep/er 0',
      'directory deep/er/est 0',
      'file deep/er/est/leaf 4',
      'directory empty 0',
      'file zero.bin 0',
    ]);
    const paths = entries.map((entry) => entry.path);
    expect([...paths].sort(comparePaths)).toEqual(paths);
  });

  it('reports mtime and permission bits', async () => {
    const root = tempDir();
    build(root, { 'f.txt': 'x', 'd/': null });
    fs.chmodSync(path.join(root, 'f.txt'), 0o640);
    fs.utimesSync(path.join(root, 'f.txt'), 1_700_000_000.123, 1_700_000_000.123);
    const [directory, file] = await collect(root);
    expect(directory).toMatchObject({ path: 'd', kind: 'directory', size: 0 });
    expect(file).toMatchObject({ path: 'f.txt', kind: 'file', size: 1, mode: 0o640 });
    expect(Math.abs((file?.mtimeMs ?? 0) - 1_700_000_000_123)).toBeLessThan(1);
  });

  it("skips the applier's temporary files", async () => {
    const root = tempDir();
    build(root, { 'keep.txt': 'k', '.understudy-tmp-0a1b2c': 'partial', 'd/.understudy-tmp-ffff': 'partial' });
    expect((await collect(root)).map((entry) => entry.path)).toEqual(['d', 'keep.txt']);
  });

  it('reports symbolic links as other and never follows them', async () => {
    const root = tempDir();
    const elsewhere = tempDir();
    build(elsewhere, { 'secret.txt': 'not ours' });
    fs.symlinkSync(elsewhere, path.join(root, 'dir-link'));
    fs.symlinkSync(path.join(elsewhere, 'secret.txt'), path.join(root, 'file-link'));
    const entries = await collect(root);
    expect(entries.map((entry) => `${entry.kind} ${entry.path} ${entry.size}`)).toEqual(['other dir-link 0', 'other file-link 0']);
  });

  it('streams: a caller can stop after the first entries', async () => {
    const root = tempDir();
    build(root, Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`d${index}/f`, String(index)])));
    const first: string[] = [];
    for await (const entry of listTree(root)) {
      first.push(entry.path);
      if (first.length === 3) break;
    }
    expect(first).toEqual(['d0', 'd0/f', 'd1']);
  });

  it('fails on a missing root instead of reporting an empty tree', async () => {
    await expect(collect(path.join(tempDir(), 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('comparePaths', () => {
  it.each([
    ['a', 'a/b', -1],
    ['a/b', 'a-c', -1],
    ['a/z', 'b', -1],
    ['B', 'a', -1],
    ['a/b', 'a/b', 0],
    ['é', 'z', 1],
  ])('%j vs %j → %d', (a, b, expected) => {
    expect(Math.sign(comparePaths(a, b))).toBe(expected);
    expect(Math.sign(comparePaths(b, a))).toBe(-expected || 0);
  });
});
