import type { ErrorInfo, Result } from '../../../../electron/api/contract';

/**
 * A list read a page at a time (a folder of 100,000 files, a query's hits): the first page
 * when it is shown, the next when the view scrolls near the end. Pure: the hook around it
 * only asks and dispatches.
 */
export interface PagedList<T> {
  /** What is listed (a folder of a session, a query); answers for another key are dropped. */
  key: string;
  items: T[];
  /** A page is being read. */
  loading: boolean;
  /** The last page came back short: there is no more. */
  complete: boolean;
  error: ErrorInfo | undefined;
}

/** Ask for the next page when fewer than this many rows are left below the last one shown. */
export const MORE_THRESHOLD = 200;

export function startList<T>(key: string): PagedList<T> {
  return { key, items: [], loading: true, complete: false, error: undefined };
}

/** The list after a page for `key` starting at `offset` came back; a stale or out-of-order answer changes nothing. */
export function pageArrived<T>(list: PagedList<T>, key: string, offset: number, pageSize: number, result: Result<T[]>): PagedList<T> {
  if (list.key !== key || !list.loading || offset !== list.items.length) return list;
  if (!result.ok) return { ...list, loading: false, error: result.error };
  return { key, items: [...list.items, ...result.value], loading: false, complete: result.value.length < pageSize, error: undefined };
}

/** Whether to ask for the next page, the view showing rows up to `lastShown`. */
export function wantsMore(list: PagedList<unknown>, lastShown: number, threshold = MORE_THRESHOLD): boolean {
  return !list.loading && !list.complete && list.error === undefined && list.items.length > 0 && lastShown >= list.items.length - threshold;
}

/** A short line under the list: how much is listed and whether more can come. */
export function pagedNote(list: PagedList<unknown>, noun: string): string {
  const count = list.items.length.toLocaleString('en-US');
  if (list.loading && list.items.length === 0) return `Reading ${noun}…`;
  if (list.loading) return `${count} ${noun} listed, reading more…`;
  return list.complete ? `${count} ${noun}` : `${count} ${noun} listed; scroll down for more`;
}
