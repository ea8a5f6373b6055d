import { describe, expect, it } from 'vitest';
import { dayStart, EMPTY_QUERY, parseQuery, parseSize, QUERY_PAGE, type QueryForm } from '../../renderer/src/windows/restore-manager/restore-query';

describe('a size typed in the query form', () => {
  it.each<[string, number | undefined]>([
    ['1500', 1500],
    ['10 KB', 10 * 1024],
    ['10k', 10 * 1024],
    ['2.5 MB', Math.round(2.5 * 1024 ** 2)],
    ['1 GB', 1024 ** 3],
    ['0', 0],
    ['-1', undefined],
    ['ten', undefined],
    ['5 XB', undefined],
  ])('"%s" is %s bytes', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });
});

describe('the query form → restore.query', () => {
  const form = (patch: Partial<QueryForm>): QueryForm => ({ ...EMPTY_QUERY, pattern: '*.csv', ...patch });

  it('asks for the first page of the pattern alone', () => {
    expect(parseQuery(form({}))).toEqual({ ok: true, query: { pattern: '*.csv', limit: QUERY_PAGE, offset: 0 } });
  });

  it('asks for a later page from its offset', () => {
    expect(parseQuery(form({}), 2000)).toMatchObject({ ok: true, query: { offset: 2000 } });
  });

  it('passes the folder, the whole days picked, and the sizes in bytes', () => {
    const from = new Date(2026, 10, 1).getTime();
    const toEnd = new Date(2026, 10, 3).getTime() - 1;
    expect(parseQuery(form({ under: ' /srv/payroll ', modifiedFrom: '2026-11-01', modifiedTo: '2026-11-02', minSize: '1 KB', maxSize: '2 MB' }))).toEqual({
      ok: true,
      query: { pattern: '*.csv', under: '/srv/payroll', modifiedFrom: from, modifiedTo: toEnd, minSize: 1024, maxSize: 2 * 1024 ** 2, limit: QUERY_PAGE, offset: 0 },
    });
  });

  it.each<[Partial<QueryForm>, string]>([
    [{ pattern: '  ' }, 'pattern'],
    [{ under: 'relative' }, 'under'],
    [{ modifiedFrom: '2026-02-30' }, 'modifiedFrom'],
    [{ modifiedFrom: '2026-11-05', modifiedTo: '2026-11-01' }, 'modifiedTo'],
    [{ minSize: 'lots' }, 'minSize'],
    [{ minSize: '2 MB', maxSize: '1 MB' }, 'maxSize'],
  ])('refuses %j on the %s field', (patch, field) => {
    const parsed = parseQuery(form(patch));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(Object.keys(parsed.errors)).toEqual([field]);
  });

  it('reads a day as its local midnight, and no day that is not in the calendar', () => {
    expect(dayStart('2026-11-26')).toBe(new Date(2026, 10, 26).getTime());
    expect(dayStart('2026-13-01')).toBeUndefined();
    expect(dayStart('26/11/2026')).toBeUndefined();
  });
});
