import { describe, expect, it } from 'vitest';
import type { ErrorInfo } from '../../electron/api/contract';
import { pageArrived, pagedNote, startList, wantsMore, type PagedList } from '../../renderer/src/windows/restore-manager/paged-list';

const PAGE = 3;
const error: ErrorInfo = { code: 'E1', module: 'Catalog', message: 'no', reason: 'r', action: 'a' };
const loaded = (items: number[], complete = false): PagedList<number> => ({ key: 'k', items, loading: false, complete, error: undefined });

describe('a list read a page at a time', () => {
  it('shows the first page, and knows there may be more when it is full', () => {
    expect(pageArrived(startList<number>('k'), 'k', 0, PAGE, { ok: true, value: [1, 2, 3] })).toEqual(loaded([1, 2, 3]));
  });

  it('appends the next page, and is complete when a page comes back short', () => {
    const asking = { ...loaded([1, 2, 3]), loading: true };
    expect(pageArrived(asking, 'k', 3, PAGE, { ok: true, value: [4] })).toEqual(loaded([1, 2, 3, 4], true));
  });

  it('drops an answer for another key, or for an offset it did not ask', () => {
    const asking = { ...loaded([1, 2, 3]), loading: true };
    expect(pageArrived(asking, 'other', 3, PAGE, { ok: true, value: [9] })).toBe(asking);
    expect(pageArrived(asking, 'k', 0, PAGE, { ok: true, value: [9] })).toBe(asking);
    expect(pageArrived(loaded([1, 2, 3]), 'k', 3, PAGE, { ok: true, value: [9] })).toEqual(loaded([1, 2, 3]));
  });

  it('keeps the rows read so far when a page is refused', () => {
    expect(pageArrived({ ...loaded([1, 2, 3]), loading: true }, 'k', 3, PAGE, { ok: false, error })).toEqual({ ...loaded([1, 2, 3]), error });
  });

  it.each<[string, PagedList<number>, number, boolean]>([
    ['near the end of a full page', loaded(Array.from({ length: 1000 }, (_, i) => i)), 850, true],
    ['far from the end', loaded(Array.from({ length: 1000 }, (_, i) => i)), 100, false],
    ['complete', loaded([1, 2], true), 1, false],
    ['already reading', { ...loaded([1, 2, 3]), loading: true }, 2, false],
    ['after an error', { ...loaded([1, 2, 3]), error }, 2, false],
  ])('asks for more when %s: %s', (_name, list, lastShown, more) => {
    expect(wantsMore(list, lastShown)).toBe(more);
  });

  it('says how much is listed', () => {
    expect(pagedNote(startList('k'), 'entries')).toBe('Reading entries…');
    expect(pagedNote(loaded([1, 2, 3]), 'entries')).toBe('3 entries listed; scroll down for more');
    expect(pagedNote(loaded(Array.from({ length: 1200 }, (_, i) => i), true), 'entries')).toBe('1,200 entries');
  });
});
