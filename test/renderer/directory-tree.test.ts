import { describe, expect, it } from 'vitest';
import type { BrowseEntry, BrowseReply, ErrorInfo } from '../../electron/api/contract';
import {
  EMPTY_TREE,
  entryLabel,
  reduceDirectoryTree,
  shownListing,
  treeKeyAction,
  truncationNote,
  visibleItems,
  type DirectoryTree,
  type DirectoryTreeAction,
  type VisibleItem,
} from '../../renderer/src/windows/replication-manager/directory-tree';

const MTIME = new Date(2026, 0, 5, 9, 7).getTime();
const file = (name: string, size = 10): BrowseEntry => ({ name, kind: 'file', size, mtimeMs: MTIME });
const folder = (name: string): BrowseEntry => ({ name, kind: 'directory', size: 0, mtimeMs: MTIME });
const reply = (path: string, entries: BrowseEntry[], truncated = false): BrowseReply => ({ path, entries, truncated });
const refusal: ErrorInfo = { code: 'E1002', module: 'Engine', message: 'Cannot list', reason: 'ENOENT', action: 'Check the path' };

function apply(...actions: DirectoryTreeAction[]): DirectoryTree {
  return actions.reduce(reduceDirectoryTree, EMPTY_TREE);
}

const rootListing = reply('/srv', [folder('docs'), file('a.txt')]);

describe('the Directories tab tree', () => {
  it.each<[string, DirectoryTreeAction[], DirectoryTree['folders']]>([
    ['expanding a folder starts listing it', [{ type: 'expand', path: '/srv', request: 1 }], { '/srv': { state: 'loading', request: 1, previous: undefined } }],
    [
      'the answer to the request fills the listing',
      [
        { type: 'expand', path: '/srv', request: 1 },
        { type: 'listed', path: '/srv', request: 1, result: { ok: true, value: rootListing } },
      ],
      { '/srv': { state: 'loaded', reply: rootListing } },
    ],
    [
      'a refusal is kept to be shown',
      [
        { type: 'expand', path: '/srv', request: 1 },
        { type: 'listed', path: '/srv', request: 1, result: { ok: false, error: refusal } },
      ],
      { '/srv': { state: 'failed', error: refusal } },
    ],
    [
      'an answer for a collapsed folder is dropped',
      [
        { type: 'expand', path: '/srv', request: 1 },
        { type: 'collapse', path: '/srv' },
        { type: 'listed', path: '/srv', request: 1, result: { ok: true, value: rootListing } },
      ],
      {},
    ],
    [
      'an older answer does not overwrite a newer request',
      [
        { type: 'expand', path: '/srv', request: 1 },
        { type: 'collapse', path: '/srv' },
        { type: 'expand', path: '/srv', request: 2 },
        { type: 'listed', path: '/srv', request: 1, result: { ok: true, value: rootListing } },
      ],
      { '/srv': { state: 'loading', request: 2, previous: undefined } },
    ],
    [
      'expanding an open folder again changes nothing',
      [
        { type: 'expand', path: '/srv', request: 1 },
        { type: 'expand', path: '/srv', request: 2 },
      ],
      { '/srv': { state: 'loading', request: 1, previous: undefined } },
    ],
    [
      'collapsing closes the folders below it, not its neighbours',
      [
        { type: 'expand', path: '/srv', request: 1 },
        { type: 'expand', path: '/srv/docs', request: 2 },
        { type: 'expand', path: '/srv2', request: 3 },
        { type: 'collapse', path: '/srv' },
      ],
      { '/srv2': { state: 'loading', request: 3, previous: undefined } },
    ],
    [
      'reloading keeps showing the last listing',
      [
        { type: 'expand', path: '/srv', request: 1 },
        { type: 'listed', path: '/srv', request: 1, result: { ok: true, value: rootListing } },
        { type: 'reload', path: '/srv', request: 2 },
      ],
      { '/srv': { state: 'loading', request: 2, previous: rootListing } },
    ],
    ['reloading a closed folder does not open it', [{ type: 'reload', path: '/srv', request: 1 }], {}],
  ])('%s', (_name, actions, folders) => {
    expect(apply(...actions).folders).toEqual(folders);
  });

  it.each([
    ['nothing while first read', { state: 'loading', request: 1, previous: undefined } as const, undefined],
    ['the last listing while read again', { state: 'loading', request: 2, previous: rootListing } as const, rootListing],
    ['the listing once read', { state: 'loaded', reply: rootListing } as const, rootListing],
    ['nothing when refused', { state: 'failed', error: refusal } as const, undefined],
    ['nothing when closed', undefined, undefined],
  ])('shows %s', (_name, listing, shown) => {
    expect(shownListing(listing)).toEqual(shown);
  });
});

describe('visible nodes and keyboard', () => {
  const tree = apply(
    { type: 'expand', path: '/srv', request: 1 },
    { type: 'listed', path: '/srv', request: 1, result: { ok: true, value: rootListing } },
    { type: 'expand', path: '/srv/docs', request: 2 },
    { type: 'listed', path: '/srv/docs', request: 2, result: { ok: true, value: reply('/srv/docs', [file('b.txt')]) } },
  );
  const items = visibleItems(['/srv', 'C:\\Data'], tree);

  it('lists the roots and, below open folders, their entries in order', () => {
    expect(items).toEqual<VisibleItem[]>([
      { path: '/srv', parent: undefined, folder: true, expanded: true },
      { path: '/srv/docs', parent: '/srv', folder: true, expanded: true },
      { path: '/srv/docs/b.txt', parent: '/srv/docs', folder: false, expanded: false },
      { path: '/srv/a.txt', parent: '/srv', folder: false, expanded: false },
      { path: 'C:\\Data', parent: undefined, folder: true, expanded: false },
    ]);
  });

  it.each([
    ['/srv', 'ArrowDown', { type: 'focus', path: '/srv/docs' }],
    ['/srv/a.txt', 'ArrowUp', { type: 'focus', path: '/srv/docs/b.txt' }],
    ['/srv', 'ArrowUp', undefined],
    ['C:\\Data', 'ArrowDown', undefined],
    ['/srv/a.txt', 'Home', { type: 'focus', path: '/srv' }],
    ['/srv', 'End', { type: 'focus', path: 'C:\\Data' }],
    ['C:\\Data', 'ArrowRight', { type: 'expand', path: 'C:\\Data' }],
    ['/srv', 'ArrowRight', { type: 'focus', path: '/srv/docs' }],
    ['/srv/a.txt', 'ArrowRight', undefined],
    ['/srv/docs', 'ArrowLeft', { type: 'collapse', path: '/srv/docs' }],
    ['/srv/docs/b.txt', 'ArrowLeft', { type: 'focus', path: '/srv/docs' }],
    ['C:\\Data', 'ArrowLeft', undefined],
    ['C:\\Data', 'Enter', { type: 'expand', path: 'C:\\Data' }],
    ['/srv', ' ', { type: 'collapse', path: '/srv' }],
    ['/srv/a.txt', 'Enter', undefined],
    ['/srv', 'x', undefined],
    ['/gone', 'ArrowDown', { type: 'focus', path: '/srv' }],
  ])('on %s, %j does %j', (focused, key, action) => {
    expect(treeKeyAction(items, focused, key)).toEqual(action);
  });

  it('moves into an open folder only when it has entries', () => {
    const empty = apply(
      { type: 'expand', path: '/e', request: 1 },
      { type: 'listed', path: '/e', request: 1, result: { ok: true, value: reply('/e', []) } },
    );
    expect(treeKeyAction(visibleItems(['/e', '/f'], empty), '/e', 'ArrowRight')).toBeUndefined();
  });
});

describe('what the tree says about entries', () => {
  it.each([
    [file('notes.txt', 11), 'notes.txt, 11 B, modified 2026-01-05 09:07'],
    [file('archive.bin', 384 * 1024), 'archive.bin, 384 KB, modified 2026-01-05 09:07'],
    [folder('reports'), 'reports'],
    [{ name: 'link', kind: 'other', size: 0, mtimeMs: MTIME } as const, 'link, not a file or folder, modified 2026-01-05 09:07'],
  ])('%j reads "%s"', (entry, label) => {
    expect(entryLabel(entry)).toBe(label);
  });

  it.each([
    [reply('/srv', [file('a')], false), undefined],
    [reply('/srv', Array.from({ length: 1000 }, (_, index) => file(`f${index}`)), true), 'Only the first 1,000 entries are shown; more not shown.'],
  ])('a listing of %#: %s', (listing, note) => {
    expect(truncationNote(listing)).toBe(note);
  });
});
