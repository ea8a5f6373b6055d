import { describe, expect, it } from 'vitest';
import { childName, childrenOf, entryTotal, findRun, groupCounts, groupTotals, type ActivityGroup } from '../../renderer/src/windows/job-status/activity-groups';
import { entriesArrived, entriesMoreNote, FIRST_PAGE, groupsRequest, newerPage, olderPage, pageLabel, pageRead, pageShift, wantsNewEntries } from '../../renderer/src/windows/job-status/activity-pages';

const AT = '2026-11-26T10:00:00.000Z';

function run(runId: number, patch: Partial<ActivityGroup> = {}): ActivityGroup {
  return { runId, jobId: 1, jobName: 'Nightly', scenarioName: null, startedAt: AT, finishedAt: AT, result: 'succeeded', errors: 0, warnings: 0, information: 0, ...patch };
}

const PARENT = run(10, {
  information: 12,
  children: [run(11, { scenarioName: 'Payroll', errors: 1, information: 40 }), run(12, { scenarioName: 'Mail', warnings: 2, information: 35 })],
});

describe('the Activity Log groups with child runs', () => {
  it("counts a parent's entries with its child runs' (the entries it shows include theirs)", () => {
    expect(groupTotals(PARENT)).toEqual({ errors: 1, warnings: 2, information: 87 });
    expect(entryTotal(PARENT)).toBe(90);
    expect(groupCounts(groupTotals(PARENT))).toBe('1 error, 2 warnings, 87 information');
    expect(entryTotal(run(3, { errors: 1, warnings: 1, information: 1 }))).toBe(3);
  });

  it('finds a run at the top level or as a child, with its parent', () => {
    expect(findRun([run(20), PARENT], 10)).toEqual({ group: PARENT, parent: undefined });
    expect(findRun([run(20), PARENT], 12)?.parent?.runId).toBe(10);
    expect(findRun([run(20), PARENT], 12)?.group.scenarioName).toBe('Mail');
    expect(findRun([run(20), PARENT], 99)).toBeUndefined();
  });

  it('names a child by its scenario, and treats groups without children as having none', () => {
    expect(childrenOf(PARENT).map(childName)).toEqual(['Payroll', 'Mail']);
    expect(childName(run(14))).toBe('Run 14');
    expect(childrenOf(run(1))).toEqual([]);
  });

  it('writes large counts with separators', () => {
    expect(groupCounts({ errors: 0, warnings: 1, information: 100_000 })).toBe('0 errors, 1 warning, 100,000 information');
  });
});

describe('the Activity Log pages of job runs', () => {
  const ids = (from: number, count: number): number[] => Array.from({ length: count }, (_, index) => from - index);

  it('asks one run more than a page, to know whether older runs follow', () => {
    expect(groupsRequest(FIRST_PAGE, 100)).toEqual({ limit: 101, offset: 0 });
    const full = pageRead(0, ids(300, 101).map((runId) => run(runId)), 100);
    expect(full.groups).toHaveLength(100);
    expect(full.hasOlder).toBe(true);
    expect(full.page).toEqual({ offset: 0, anchorRunId: undefined });
    expect(pageRead(100, ids(200, 60).map((runId) => run(runId)), 100)).toMatchObject({ hasOlder: false, page: { offset: 100, anchorRunId: 200 } });
  });

  it('moves a page at a time, never before the newest', () => {
    expect(olderPage({ offset: 0, anchorRunId: undefined }, 100)).toEqual({ offset: 100, anchorRunId: undefined });
    expect(newerPage({ offset: 100, anchorRunId: 200 }, 100)).toEqual({ offset: 0, anchorRunId: undefined });
    expect(newerPage({ offset: 40, anchorRunId: 200 }, 100)).toEqual({ offset: 0, anchorRunId: undefined });
  });

  it.each<[string, { offset: number; anchorRunId: number | undefined }, number[], number]>([
    ['the first page, which always shows the newest runs', { offset: 0, anchorRunId: undefined }, ids(303, 5), 0],
    ['a page not read yet', { offset: 100, anchorRunId: undefined }, ids(303, 5), 0],
    ['a page no new run pushed down', { offset: 100, anchorRunId: 200 }, ids(200, 5), 0],
    ['a page three new runs pushed down', { offset: 100, anchorRunId: 200 }, ids(203, 5), 3],
    ['a page more new runs than it holds pushed down', { offset: 100, anchorRunId: 200 }, ids(400, 5), 5],
  ])('polling keeps the runs in view on %s', (_name, page, runIds, shift) => {
    expect(pageShift(page, runIds)).toBe(shift);
  });

  it('labels the page by the runs it holds', () => {
    expect(pageLabel(0, 100)).toBe('Runs 1–100');
    expect(pageLabel(1000, 37)).toBe('Runs 1,001–1,037');
    expect(pageLabel(0, 0)).toBe('No runs');
  });
});

describe('the Activity Log entries of a run, a page at a time', () => {
  const page = (from: number, count: number): number[] => Array.from({ length: count }, (_, index) => from + index);

  it('adds each page at the end and knows the end by a short page', () => {
    const first = entriesArrived(undefined, 0, page(0, 4), 4);
    expect(first).toEqual({ items: page(0, 4), atEnd: false });
    const second = entriesArrived(first, 4, page(4, 2), 4);
    expect(second).toEqual({ items: page(0, 6), atEnd: true });
  });

  it('drops a page read twice or out of order', () => {
    const first = entriesArrived(undefined, 0, page(0, 4), 4);
    expect(entriesArrived(first, 0, page(0, 4), 4)).toBe(first);
    expect(entriesArrived(first, 8, page(8, 4), 4)).toBe(first);
  });

  it('polls for new entries once everything so far is read, finished runs too (a staging migration logs later)', () => {
    expect(wantsNewEntries(undefined)).toBe(true);
    const read = entriesArrived(undefined, 0, page(0, 3), 10);
    expect(read).toEqual({ items: page(0, 3), atEnd: true });
    expect(wantsNewEntries(read)).toBe(true);
    const nothingNew = entriesArrived(read, 3, [], 10);
    expect(nothingNew).toEqual(read);
    expect(wantsNewEntries(nothingNew)).toBe(true);
    // A full page leaves the rest to Load more.
    expect(wantsNewEntries(entriesArrived(undefined, 0, page(0, 10), 10))).toBe(false);
  });

  it('says how many of how many are shown while more can be loaded', () => {
    const cut = { items: page(0, 10_000), atEnd: false };
    expect(entriesMoreNote(cut, 100_002)).toBe('Showing the first 10,000 of 100,002 entries of this run; the filters and Export CSV cover those.');
    expect(entriesMoreNote(cut, 10_000)).toBeUndefined();
    expect(entriesMoreNote({ ...cut, atEnd: true }, 100_002)).toBeUndefined();
  });
});
