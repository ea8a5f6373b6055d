import { describe, expect, it } from 'vitest';
import type { RewindPoint } from '../../electron/api/contract';
import {
  EMPTY_FILTER,
  POINTS_LIMIT,
  defaultBookmarkName,
  fileFilterText,
  indexAfterKey,
  localDateTimeRange,
  masterPath,
  operationLabel,
  pointCells,
  pointKey,
  pointTarget,
  rewindConsequences,
  rewindQuery,
  type RewindFilterForm,
} from '../../renderer/src/windows/replication-manager/rewind-points';

const at = (hours: number, minutes: number, seconds = 0, ms = 0): number => new Date(2026, 10, 26, hours, minutes, seconds, ms).getTime();
const ROOTS = ['/srv/finance', 'D:\\Data'];
const write: RewindPoint = { kind: 'operation', jseq: 41, at: at(10, 5, 7), op: 'write', path: 'reports/q1/january.csv', root: 0 };
const remove: RewindPoint = { kind: 'operation', jseq: 42, at: at(10, 6), op: 'remove', path: 'Ledgers/2026.xlsx', root: 1 };
const bookmark: RewindPoint = { kind: 'bookmark', id: 3, jseq: 40, at: at(10, 4, 59), name: 'Before the update' };

describe('datetime-local values', () => {
  it.each<[string, { first: number; last: number } | undefined]>([
    ['2026-11-26T10:05', { first: at(10, 5), last: at(10, 5, 59, 999) }],
    ['2026-11-26T10:05:30', { first: at(10, 5, 30), last: at(10, 5, 30, 999) }],
    ['2026-11-26T10:05:30.250', { first: at(10, 5, 30, 250), last: at(10, 5, 30, 250) }],
    [' 2026-11-26T00:00 ', { first: at(0, 0), last: at(0, 0, 59, 999) }],
    ['2026-02-30T10:00', undefined],
    ['2026-11-26T24:00', undefined],
    ['2026-11-26 10:05', undefined],
    ['yesterday', undefined],
    ['', undefined],
  ])('"%s" covers %j', (text, range) => {
    expect(localDateTimeRange(text)).toEqual(range);
  });
});

describe('the file filter', () => {
  it.each([
    ['january', 'january'],
    ['  reports/q1 ', 'reports/q1'],
    ['reports\\q1', 'reports/q1'],
    ['/srv/finance/reports/q1', 'reports/q1'],
    ['/srv/finance', ''],
    ['/srv/finance-old/x', '/srv/finance-old/x'],
    ['d:\\data\\Ledgers\\2026.xlsx', 'Ledgers/2026.xlsx'],
  ])('"%s" is matched as "%s"', (typed, sent) => {
    expect(fileFilterText(typed, ROOTS)).toBe(sent);
  });
});

describe('the rewind browser filter → query', () => {
  it.each<[Partial<RewindFilterForm>, object]>([
    [{}, { limit: POINTS_LIMIT }],
    [{ file: ' ledger ' }, { limit: POINTS_LIMIT, path: 'ledger' }],
    [{ from: '2026-11-26T10:05' }, { limit: POINTS_LIMIT, fromAt: at(10, 5) }],
    [{ until: '2026-11-26T10:05' }, { limit: POINTS_LIMIT, toAt: at(10, 5, 59, 999) }],
    [{ from: '2026-11-26T10:05', until: '2026-11-26T10:05' }, { limit: POINTS_LIMIT, fromAt: at(10, 5), toAt: at(10, 5, 59, 999) }],
  ])('%j asks for %j', (form, query) => {
    expect(rewindQuery({ ...EMPTY_FILTER, ...form }, ROOTS)).toEqual({ ok: true, query });
  });

  it.each<[Partial<RewindFilterForm>, object]>([
    [{ from: 'soon' }, { from: 'Enter a date and time.' }],
    [{ until: '2026-13-01T00:00' }, { until: 'Enter a date and time.' }],
    [{ from: '2026-11-26T10:06', until: '2026-11-26T10:05' }, { until: 'The end of the range is before its start.' }],
  ])('%j is refused with %j', (form, errors) => {
    expect(rewindQuery({ ...EMPTY_FILTER, ...form }, ROOTS)).toEqual({ ok: false, errors });
  });
});

describe('rewind points in the list', () => {
  it('keys operations and bookmarks apart and targets them as the engine expects', () => {
    expect([pointKey(write), pointKey(bookmark)]).toEqual(['operation-41', 'bookmark-3']);
    expect(pointTarget(write)).toEqual({ kind: 'operation', jseq: 41 });
    expect(pointTarget(bookmark)).toEqual({ kind: 'bookmark', id: 3 });
  });

  it.each<[RewindPoint, { time: string; operation: string; file: string }]>([
    [write, { time: '2026-11-26 10:05:07', operation: 'Update file', file: '/srv/finance/reports/q1/january.csv' }],
    [remove, { time: '2026-11-26 10:06:00', operation: 'Delete', file: 'D:\\Data\\Ledgers\\2026.xlsx' }],
    [bookmark, { time: '2026-11-26 10:04:59', operation: 'Bookmark', file: 'Before the update' }],
    [{ ...write, op: 'rename', path: 'a.txt → b/c.txt' }, { time: '2026-11-26 10:05:07', operation: 'Rename', file: '/srv/finance/a.txt → /srv/finance/b/c.txt' }],
    [{ ...write, root: 7 }, { time: '2026-11-26 10:05:07', operation: 'Update file', file: 'reports/q1/january.csv' }],
  ])('%j shows as %j', (point, cells) => {
    expect(pointCells(point, ROOTS)).toEqual(cells);
  });

  it.each([
    ['mkdir', 'Create folder'],
    ['put', 'Write file'],
    ['write', 'Update file'],
    ['remove', 'Delete'],
    ['rename', 'Rename'],
    ['attrs', 'Set attributes'],
    ['truncate-later', 'truncate-later'],
  ])('operation %s reads "%s"', (op, label) => {
    expect(operationLabel(op)).toBe(label);
  });

  it('writes a path below a root with the root’s separators', () => {
    expect(masterPath(ROOTS, 0, '')).toBe('/srv/finance');
    expect(masterPath(['C:\\'], 0, 'a/b')).toBe('C:\\a\\b');
  });
});

describe('bookmarks and the confirmation', () => {
  it('names a new bookmark by the date and time', () => {
    expect(defaultBookmarkName(new Date(at(9, 3, 4)))).toBe('Bookmark 2026-11-26 09:03:04');
  });

  it.each<[RewindPoint, string | undefined, string]>([
    [
      bookmark,
      undefined,
      'The scenario will be stopped; the Replica dr01 returns to its state at the bookmark "Before the update" (2026-11-26 10:04:59); it will be resynchronized on the next run.',
    ],
    [
      write,
      '/srv/finance/reports',
      'The scenario will be stopped; the Replica dr01 returns to its state before the selected operation (Update file /srv/finance/reports/q1/january.csv at 2026-11-26 10:05:07); it will be resynchronized on the next run. Only files under /srv/finance/reports are rewound; the rest of the Replica stays as it is.',
    ],
  ])('%j with scope %s says what happens', (point, scope, text) => {
    expect(rewindConsequences(point, 'dr01', ROOTS, scope)).toBe(text);
  });
});

describe('keyboard moves in the list', () => {
  it.each<[number | undefined, string, number | undefined]>([
    [undefined, 'ArrowDown', 0],
    [undefined, 'End', 99],
    [undefined, 'a', undefined],
    [0, 'ArrowUp', 0],
    [0, 'ArrowDown', 1],
    [99, 'ArrowDown', 99],
    [50, 'PageDown', 60],
    [95, 'PageDown', 99],
    [5, 'PageUp', 0],
    [50, 'Home', 0],
    [50, 'End', 99],
    [50, 'Enter', undefined],
  ])('from %s, %s selects %s', (index, key, next) => {
    expect(indexAfterKey(index, key, 100, 10)).toBe(next);
  });

  it('does nothing in an empty list', () => {
    expect(indexAfterKey(undefined, 'ArrowDown', 0, 10)).toBeUndefined();
  });
});
