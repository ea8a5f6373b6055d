import { beforeEach, describe, expect, it } from 'vitest';
import type { EntryKind } from '../../../engine/capture/file-index';
import { RenamePairer, type KnownIdentity, type PairingDecision } from '../../../engine/capture/rename-pairing';
import { ManualScheduler } from './helpers/manual-scheduler';

let scheduler: ManualScheduler;
let decisions: PairingDecision[];
let pairer: RenamePairer;

beforeEach(() => {
  scheduler = new ManualScheduler();
  decisions = [];
  pairer = new RenamePairer({ pairWindowMs: 100, expectWindowMs: 2000, scheduler, decide: (decision) => decisions.push(decision) });
});

const fileId = (ino: number, size = 10, mtimeMs = 1000): KnownIdentity => ({ kind: 'file', ino, size, mtimeMs });
const dirId = (ino: number): KnownIdentity => ({ kind: 'directory', ino, size: 4096, mtimeMs: 1000 });

/** An add as root-pipeline reports it: identity from chokidar's stats, index knowledge alongside. */
function appear(path: string, id: KnownIdentity, extra: { indexed?: KnownIdentity; origin?: string; originId?: KnownIdentity; modified?: boolean } = {}): void {
  const kind: EntryKind = id.kind;
  const origin = extra.origin === undefined ? undefined : { path: extra.origin, identity: extra.originId ?? id };
  pairer.appeared({ path, kind, identity: id, indexed: extra.indexed, origin, modified: extra.modified ?? false });
}

describe('RenamePairer', () => {
  it('pairs an unlink and the add of the same inode into one rename', () => {
    pairer.vanished('a.txt', fileId(5));
    scheduler.advance(20);
    appear('b.txt', fileId(5));
    scheduler.advance(5000);
    expect(decisions).toEqual([{ type: 'renamed', from: 'a.txt', to: 'b.txt', kind: 'file' }]);
  });

  it('pairs an add reported before its unlink (origin seen gone), then ignores the late unlink', () => {
    appear('b.txt', fileId(5), { origin: 'a.txt' });
    pairer.vanished('a.txt', fileId(5));
    scheduler.advance(5000);
    expect(decisions).toEqual([{ type: 'renamed', from: 'a.txt', to: 'b.txt', kind: 'file' }]);
  });

  it('moves a directory of 200 files as exactly one rename, whatever the order of the child events', () => {
    const children = Array.from({ length: 200 }, (_, i) => i);
    // chokidar: the children's unlinks first, then the folder's, then the new folder and its children.
    for (const i of children.slice(0, 100)) pairer.vanished(`docs/f${i}`, fileId(100 + i));
    appear('archive', dirId(1), { origin: 'docs' });
    for (const i of children.slice(100)) pairer.vanished(`docs/f${i}`, fileId(100 + i));
    pairer.vanished('docs', dirId(1));
    // The moved children match the index at their new place (renamed there): rediscoveries.
    for (const i of children) appear(`archive/f${i}`, fileId(100 + i), { indexed: fileId(100 + i) });
    scheduler.advance(5000);
    expect(decisions).toEqual([{ type: 'renamed', from: 'docs', to: 'archive', kind: 'directory' }]);
  });

  it('a file removed from a folder just before the folder moved is removed at the folder\'s new place', () => {
    pairer.vanished('docs/a.txt', fileId(5));
    appear('archive', dirId(1), { origin: 'docs' });
    scheduler.advance(5000);
    expect(decisions).toEqual([
      { type: 'renamed', from: 'docs', to: 'archive', kind: 'directory' },
      { type: 'removed', path: 'archive/a.txt' },
    ]);
  });

  it('a file moved out of a folder just before the folder moved is moved from the folder\'s new place', () => {
    pairer.vanished('docs/a.txt', fileId(5));
    appear('archive', dirId(1), { origin: 'docs' });
    appear('b.txt', fileId(5));
    scheduler.advance(5000);
    expect(decisions).toEqual([
      { type: 'renamed', from: 'docs', to: 'archive', kind: 'directory' },
      { type: 'renamed', from: 'archive/a.txt', to: 'b.txt', kind: 'file' },
    ]);
  });

  it('pairs a folder whose removal came first, absorbing its pending children', () => {
    for (let i = 0; i < 50; i += 1) pairer.vanished(`docs/sub/f${i}`, fileId(100 + i));
    pairer.vanished('docs/sub', dirId(2));
    pairer.vanished('docs', dirId(1));
    expect(pairer.pendingCount).toBe(1);
    appear('archive', dirId(1));
    scheduler.advance(5000);
    expect(decisions).toEqual([{ type: 'renamed', from: 'docs', to: 'archive', kind: 'directory' }]);
  });

  it('turns an unpaired unlink into a removal when the window ends, not before', () => {
    pairer.vanished('old.log', fileId(9));
    scheduler.advance(99);
    expect(decisions).toEqual([]);
    scheduler.advance(1);
    expect(decisions).toEqual([{ type: 'removed', path: 'old.log' }]);
  });

  it('removes a whole unpaired folder once, covering its children', () => {
    pairer.vanished('tmp/a', fileId(3));
    pairer.vanished('tmp/b', fileId(4));
    pairer.vanished('tmp', dirId(2));
    scheduler.advance(100);
    expect(decisions).toEqual([{ type: 'removed', path: 'tmp' }]);
  });

  it('removes at once what the index never held (nothing to pair it with)', () => {
    pairer.vanished('just-created', undefined);
    expect(decisions).toEqual([{ type: 'removed', path: 'just-created' }]);
  });

  it('follows a rename of an edited file with a full diff', () => {
    pairer.vanished('draft.doc', fileId(7, 100, 1000));
    appear('final.doc', fileId(7, 120, 2000));
    expect(decisions).toEqual([
      { type: 'renamed', from: 'draft.doc', to: 'final.doc', kind: 'file' },
      { type: 'changed', path: 'final.doc', kind: 'file', full: true },
    ]);
  });

  it('sends the removal before a new file that takes the same name', () => {
    pairer.vanished('report.txt', fileId(7));
    appear('report.txt', fileId(8));
    expect(decisions).toEqual([
      { type: 'removed', path: 'report.txt' },
      { type: 'changed', path: 'report.txt', kind: 'file', full: false },
    ]);
  });

  it('treats a file back at its own name (same inode) as no removal', () => {
    pairer.vanished('report.txt', fileId(7));
    appear('report.txt', fileId(7), { indexed: fileId(7) });
    scheduler.advance(5000);
    expect(decisions).toEqual([]);
  });

  it('never pairs a file with a folder, and treats a hard link (no origin) as a new file', () => {
    pairer.vanished('thing', fileId(11));
    appear('other', dirId(11));
    appear('link', fileId(12));
    scheduler.advance(100);
    expect(decisions).toEqual([
      { type: 'changed', path: 'other', kind: 'directory', full: false },
      { type: 'changed', path: 'link', kind: 'file', full: false },
      { type: 'removed', path: 'thing' },
    ]);
  });

  it('reports a change of an indexed file, and ignores a rediscovered unchanged one', () => {
    appear('same.txt', fileId(1), { indexed: fileId(1) });
    appear('grown.txt', fileId(2, 20), { indexed: fileId(2, 10) });
    appear('written.txt', fileId(3), { indexed: fileId(3), modified: true });
    expect(decisions).toEqual([
      { type: 'changed', path: 'grown.txt', kind: 'file', full: false },
      { type: 'changed', path: 'written.txt', kind: 'file', full: false },
    ]);
  });

  it('lets a new folder at a moved-away name report its own removals again', () => {
    appear('b', dirId(1), { origin: 'a' });
    appear('a', dirId(2));
    pairer.vanished('a/new.txt', fileId(3));
    scheduler.advance(100);
    expect(decisions.at(-1)).toEqual({ type: 'removed', path: 'a/new.txt' });
  });
});
