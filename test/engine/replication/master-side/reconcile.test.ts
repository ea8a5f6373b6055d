import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureAction } from '../../../../engine/capture/actions';
import { FileIndex, type IndexEntry } from '../../../../engine/capture/file-index';
import { matchesIndex, reconcileWithIndex } from '../../../../engine/replication/master-side/reconcile';
import { removeTempDirs, tempDir } from '../../../helpers/temp-dir';

describe('matchesIndex', () => {
  const file: IndexEntry = { kind: 'file', size: 10, mtimeMs: 1_700_000_000_123.25, ino: 42, mode: 0o644, blocks: new Uint8Array(16) };
  const folder: IndexEntry = { kind: 'directory', size: 0, mtimeMs: 1_700_000_000_000, ino: 7, mode: 0o755, blocks: new Uint8Array(0) };
  const fileStats = { size: 10, mtimeMs: 1_700_000_000_123.25, ino: 42, mode: 0o100644, isDirectory: () => false };
  const dirStats = { size: 4096, mtimeMs: 1, ino: 99, mode: 0o40700, isDirectory: () => true };

  const cases: Array<[string, IndexEntry | undefined, typeof fileStats, boolean]> = [
    ['nothing indexed', undefined, fileStats, false],
    ['nothing indexed (a folder on disk)', undefined, dirStats, false],
    ['an identical file (type bits of st_mode ignored)', file, fileStats, true],
    ['a file whose size changed', file, { ...fileStats, size: 11 }, false],
    ['a file whose mtime changed by a fraction of a millisecond', file, { ...fileStats, mtimeMs: 1_700_000_000_123.5 }, false],
    ['a file replaced by another inode', file, { ...fileStats, ino: 43 }, false],
    ['a file whose permission bits changed', file, { ...fileStats, mode: 0o100600 }, false],
    ['a file whose setuid bit changed', file, { ...fileStats, mode: 0o104644 }, false],
    ['a file now a folder', file, { ...dirStats, size: 10, mtimeMs: file.mtimeMs, ino: 42, mode: 0o40644 }, false],
    ['a folder still a folder, whatever its times, inode and bits', folder, dirStats, true],
    ['a folder now a file', folder, fileStats, false],
  ];

  it.each(cases)('%s → %s', (_name, entry, stats, expected) => {
    expect(matchesIndex(entry, stats)).toBe(expected);
  });
});

describe('reconcileWithIndex', () => {
  let rootPath: string;
  let index: FileIndex;
  let actions: CaptureAction[];
  const flush = async (action: CaptureAction) => {
    actions.push(action);
  };

  beforeEach(() => {
    rootPath = tempDir('understudy-reconcile-root-');
    index = FileIndex.open(path.join(tempDir('understudy-reconcile-index-'), 'capture.db'));
    actions = [];
  });

  afterEach(() => {
    index.close();
    removeTempDirs();
  });

  function abs(relative: string): string {
    return path.join(rootPath, ...relative.split('/'));
  }

  function makeFile(relative: string, content = relative): void {
    fs.mkdirSync(path.dirname(abs(relative)), { recursive: true });
    fs.writeFileSync(abs(relative), content);
  }

  /** Records `relative` in the index exactly as it is on disk now. */
  function indexAsIs(relative: string, root = 0): void {
    const stats = fs.lstatSync(abs(relative));
    index.put(root, relative, {
      kind: stats.isDirectory() ? 'directory' : 'file',
      size: stats.isDirectory() ? 0 : stats.size,
      mtimeMs: stats.mtimeMs,
      ino: stats.ino,
      mode: stats.mode & 0o7777,
      blocks: new Uint8Array(0),
    });
  }

  /** Records `relative` in the index as if it had been captured, though it is not (or no longer) on disk. */
  function indexGhost(relative: string, kind: 'file' | 'directory' = 'file'): void {
    index.put(0, relative, { kind, size: 3, mtimeMs: 1_000, ino: 123_456, mode: kind === 'file' ? 0o644 : 0o755, blocks: new Uint8Array(0) });
  }

  function indexWholeTree(dir = ''): void {
    for (const name of fs.readdirSync(dir === '' ? rootPath : abs(dir))) {
      const relative = dir === '' ? name : `${dir}/${name}`;
      indexAsIs(relative);
      if (fs.lstatSync(abs(relative)).isDirectory()) indexWholeTree(relative);
    }
  }

  function changedPaths(): string[] {
    return actions.flatMap((action) => (action.type === 'changed' ? [action.path] : [])).sort();
  }

  function removedPaths(): string[] {
    return actions.flatMap((action) => (action.type === 'removed' ? [action.path] : [])).sort();
  }

  it('an unchanged tree produces no action at all', async () => {
    for (const file of ['a.txt', 'docs/b.txt', 'docs/deep/c.txt', 'empty-dir/.keep']) makeFile(file);
    fs.mkdirSync(abs('really-empty'));
    indexWholeTree();
    await reconcileWithIndex(rootPath, 0, '', index, flush);
    expect(actions).toEqual([]);
  });

  it('files that differ from the index, or are not in it, are flushed as changed (full), and nothing else is', async () => {
    for (const file of ['same.txt', 'edited.txt', 'touched.txt', 'chmodded.txt', 'keep/x.txt', 'swapped']) makeFile(file);
    indexWholeTree();

    fs.writeFileSync(abs('edited.txt'), 'different length content');
    fs.utimesSync(abs('touched.txt'), new Date(2001, 1, 1), new Date(2001, 1, 1));
    fs.chmodSync(abs('chmodded.txt'), 0o600);
    fs.rmSync(abs('swapped'));
    fs.mkdirSync(abs('swapped'));
    makeFile('new.txt');
    makeFile('newdir/inner.txt');

    await reconcileWithIndex(rootPath, 0, '', index, flush);

    expect(removedPaths()).toEqual([]);
    expect(changedPaths()).toEqual(['chmodded.txt', 'edited.txt', 'new.txt', 'newdir', 'newdir/inner.txt', 'swapped', 'touched.txt']);
    const byPath = new Map(actions.map((action) => [action.type === 'renamed' ? action.to : action.path, action]));
    expect(byPath.get('edited.txt')).toEqual({ type: 'changed', root: 0, path: 'edited.txt', kind: 'file', full: true });
    expect(byPath.get('newdir')).toEqual({ type: 'changed', root: 0, path: 'newdir', kind: 'directory', full: true });
    expect(byPath.get('swapped')).toEqual({ type: 'changed', root: 0, path: 'swapped', kind: 'directory', full: true });
  });

  it('an indexed path missing on disk is flushed as removed once per missing tree, children not repeated', async () => {
    for (const file of ['keep/x.txt', 'gone b/y.txt', 'gone.txt.bak']) makeFile(file);
    indexWholeTree();
    indexGhost('gone', 'directory');
    indexGhost('gone/a.txt');
    indexGhost('gone/sub', 'directory');
    indexGhost('gone/sub/b.txt');
    indexGhost('gone/sub/deeper', 'directory');
    indexGhost('gone/sub/deeper/c.txt');
    indexGhost('gone-x.txt');
    indexGhost('keep/missing.txt');
    indexGhost('keep/lost', 'directory');
    indexGhost('keep/lost/z.txt');

    await reconcileWithIndex(rootPath, 0, '', index, flush);

    expect(changedPaths()).toEqual([]);
    expect(actions).toEqual(
      expect.arrayContaining([
        { type: 'removed', root: 0, path: 'gone' },
        { type: 'removed', root: 0, path: 'gone-x.txt' },
        { type: 'removed', root: 0, path: 'keep/lost' },
        { type: 'removed', root: 0, path: 'keep/missing.txt' },
      ]),
    );
    expect(removedPaths()).toEqual(['gone', 'gone-x.txt', 'keep/lost', 'keep/missing.txt']);
  });

  it('a folder deleted on disk after indexing is one removed action for the whole tree', async () => {
    for (const file of ['project/a.txt', 'project/src/b.txt', 'project/src/lib/c.txt', 'other.txt']) makeFile(file);
    indexWholeTree();
    fs.rmSync(abs('project'), { recursive: true });

    await reconcileWithIndex(rootPath, 0, '', index, flush);

    expect(actions).toEqual([{ type: 'removed', root: 0, path: 'project' }]);
  });

  it('changes and removals are found together in one pass', async () => {
    for (const file of ['a.txt', 'b/c.txt', 'd/e.txt']) makeFile(file);
    indexWholeTree();
    fs.writeFileSync(abs('a.txt'), 'changed!');
    fs.rmSync(abs('d'), { recursive: true });
    makeFile('b/new.txt');

    await reconcileWithIndex(rootPath, 0, '', index, flush);

    expect(changedPaths()).toEqual(['a.txt', 'b/new.txt']);
    expect(removedPaths()).toEqual(['d']);
  });

  it('with a prefix, only that subtree is reconciled', async () => {
    for (const file of ['in/a.txt', 'in/b.txt', 'out/c.txt', 'in-sibling.txt']) makeFile(file);
    indexWholeTree();
    indexGhost('in/ghost.txt');
    indexGhost('out/ghost.txt');
    fs.writeFileSync(abs('in/a.txt'), 'changed inside');
    fs.writeFileSync(abs('out/c.txt'), 'changed outside');
    fs.writeFileSync(abs('in-sibling.txt'), 'changed look-alike sibling');

    await reconcileWithIndex(rootPath, 0, 'in', index, flush);

    expect(changedPaths()).toEqual(['in/a.txt']);
    expect(removedPaths()).toEqual(['in/ghost.txt']);
  });

  it('a prefix that is gone from disk is one removed action', async () => {
    for (const file of ['in/a.txt', 'in/sub/b.txt', 'out.txt']) makeFile(file);
    indexWholeTree();
    fs.rmSync(abs('in'), { recursive: true });

    await reconcileWithIndex(rootPath, 0, 'in', index, flush);

    expect(actions).toEqual([{ type: 'removed', root: 0, path: 'in' }]);
  });

  it('only the given root of the index is consulted', async () => {
    makeFile('a.txt');
    indexAsIs('a.txt', 1);
    index.put(1, 'elsewhere.txt', { kind: 'file', size: 1, mtimeMs: 1, ino: 1, mode: 0o644, blocks: new Uint8Array(0) });

    await reconcileWithIndex(rootPath, 0, '', index, flush);

    expect(actions).toEqual([{ type: 'changed', root: 0, path: 'a.txt', kind: 'file', full: true }]);
  });

  it('each action is flushed (awaited) before the next one starts', async () => {
    for (const file of ['a.txt', 'b.txt']) makeFile(file);
    indexGhost('c.txt');
    let inFlight = 0;
    let overlapped = false;
    await reconcileWithIndex(rootPath, 0, '', index, async (action) => {
      inFlight += 1;
      if (inFlight > 1) overlapped = true;
      await new Promise<void>((resolve) => setImmediate(resolve));
      actions.push(action);
      inFlight -= 1;
    });
    expect(overlapped).toBe(false);
    expect(actions.map((action) => action.type)).toEqual(['changed', 'changed', 'removed']);
  });
});
