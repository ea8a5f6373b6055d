/**
 * Paging of the Activity Log. Groups (job runs) are read a page at a time, newest first, by
 * offset; entries of one run up to the channel's most per request. Pure: the store asks and
 * keeps the answers.
 */

/** Job runs per page of the group list. */
export const GROUPS_PAGE = 100;

/** Where the group list is: how many newer runs come before the page, and its newest run (once read). */
export interface GroupsPage {
  offset: number;
  /** The newest top-level run of the page as last read: polling keeps the page on it while newer runs arrive. */
  anchorRunId: number | undefined;
}

export const FIRST_PAGE: GroupsPage = { offset: 0, anchorRunId: undefined };

/** What to ask `backup.activity` for: one run more than a page, to know whether older runs follow. */
export function groupsRequest(page: GroupsPage, size = GROUPS_PAGE): { limit: number; offset: number } {
  return { limit: size + 1, offset: page.offset };
}

/**
 * How far the page moved since it was read: the runs at its head newer than its anchor are
 * runs pushed down from the page before by new runs. 0 on the first page (it shows the newest)
 * and before the page was read.
 */
export function pageShift(page: GroupsPage, runIds: readonly number[]): number {
  if (page.offset === 0 || page.anchorRunId === undefined) return 0;
  const anchor = page.anchorRunId;
  const shift = runIds.findIndex((runId) => runId <= anchor);
  return shift < 0 ? runIds.length : shift;
}

/** The page as read at `offset`: its runs (a page at most), its anchor, and whether older runs follow. */
export function pageRead<T extends { runId: number }>(offset: number, answer: readonly T[], size = GROUPS_PAGE): { page: GroupsPage; groups: T[]; hasOlder: boolean } {
  const groups = answer.slice(0, size);
  return { page: { offset, anchorRunId: offset === 0 ? undefined : groups[0]?.runId }, groups, hasOlder: answer.length > size };
}

export function olderPage(page: GroupsPage, size = GROUPS_PAGE): GroupsPage {
  return { offset: page.offset + size, anchorRunId: undefined };
}

export function newerPage(page: GroupsPage, size = GROUPS_PAGE): GroupsPage {
  return { offset: Math.max(0, page.offset - size), anchorRunId: undefined };
}

/** The group list's place: "Runs 101–200" (1-based, newest first); "No runs" for an empty page. */
export function pageLabel(offset: number, count: number): string {
  if (count === 0) return 'No runs';
  return `Runs ${(offset + 1).toLocaleString('en-US')}–${(offset + count).toLocaleString('en-US')}`;
}

/** Entries of one run per request (the channel's most). */
export const ENTRIES_PAGE = 10_000;

/** A run's entries read so far, oldest first. */
export interface RunEntries<T> {
  items: T[];
  /** The last page came back short: nothing more was there then. */
  atEnd: boolean;
}

/**
 * The entries after a page read at `offset` came back. A page for another offset (read twice,
 * out of order) changes nothing. Entries only ever get added at the end (new IDs), so a page
 * from `items.length` on is exactly what is new.
 */
export function entriesArrived<T>(current: RunEntries<T> | undefined, offset: number, page: readonly T[], limit: number): RunEntries<T> | undefined {
  const items = current?.items ?? [];
  if (offset !== items.length) return current;
  return { items: page.length === 0 ? items : [...items, ...page], atEnd: page.length < limit };
}

/**
 * Whether polling should ask for a run's new entries: once everything so far was read — also
 * after the run finished, because its sessions can still log (a staging migration hours later).
 */
export function wantsNewEntries(entries: RunEntries<unknown> | undefined): boolean {
  return entries === undefined || entries.atEnd;
}

/**
 * Under the filters while a run has more entries than were read: how many of how many are
 * shown (the rest load on request). Undefined when all of them are read (or the group's
 * counts, which may lag a running run, say so).
 */
export function entriesMoreNote(entries: RunEntries<unknown>, total: number): string | undefined {
  const read = entries.items.length;
  if (entries.atEnd || total <= read) return undefined;
  return `Showing the first ${read.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} entries of this run; the filters and Export CSV cover those.`;
}
