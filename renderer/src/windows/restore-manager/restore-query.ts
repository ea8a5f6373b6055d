import { isAbsoluteFolder } from './restore-destination';
import type { RestoreQuery } from './restore-types';

/** Restore by Query as typed: a name pattern and optional filters (dates as the date inputs give them, sizes with units). */
export interface QueryForm {
  pattern: string;
  under: string;
  /** YYYY-MM-DD (the date input's value); '' = no bound. */
  modifiedFrom: string;
  modifiedTo: string;
  /** "1500", "10 KB", "2.5 MB"; '' = no bound. */
  minSize: string;
  maxSize: string;
}

export const EMPTY_QUERY: QueryForm = { pattern: '', under: '', modifiedFrom: '', modifiedTo: '', minSize: '', maxSize: '' };

export type QueryErrors = Partial<Record<keyof QueryForm, string>>;
export type QueryParse = { ok: true; query: RestoreQuery } | { ok: false; errors: QueryErrors };

/** One page of results: the first, then the next as the list is scrolled to its end. */
export const QUERY_PAGE = 1000;

const UNIT: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, t: 1024 ** 4, tb: 1024 ** 4 };

/** A size typed with an optional 1024-based unit, in whole bytes; undefined when it is not one. */
export function parseSize(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?|\.\d+)\s*([a-z]*)$/i.exec(text.trim());
  const factor = match ? UNIT[(match[2] ?? '').toLowerCase()] : undefined;
  if (!match || factor === undefined) return undefined;
  const bytes = Math.round(Number(match[1]) * factor);
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

/** Local midnight of a YYYY-MM-DD day, in ms; undefined when it is not a real day. */
export function dayStart(day: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day.trim());
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const start = new Date(year, month - 1, date);
  return start.getFullYear() === year && start.getMonth() === month - 1 && start.getDate() === date ? start.getTime() : undefined;
}

/** The last millisecond of a day: "modified to" includes the whole day the administrator picked. */
function dayEnd(day: string): number | undefined {
  const start = dayStart(day);
  if (start === undefined) return undefined;
  const next = new Date(start);
  next.setDate(next.getDate() + 1);
  return next.getTime() - 1;
}

/** The form as the restore.query request for one page; field errors when it cannot be one. */
export function parseQuery(form: QueryForm, offset = 0): QueryParse {
  const errors: QueryErrors = {};
  const query: RestoreQuery = { pattern: form.pattern.trim(), limit: QUERY_PAGE, offset };
  if (query.pattern === '') errors.pattern = 'Enter a name or a pattern (* is any run of characters, ? one character).';
  else if (query.pattern.length > 500) errors.pattern = 'Enter a pattern of at most 500 characters.';
  const under = form.under.trim();
  if (under !== '') {
    if (isAbsoluteFolder(under)) query.under = under;
    else errors.under = 'Enter the Master folder as an absolute path, e.g. /srv/data or D:\\Data.';
  }
  const dates = [
    ['modifiedFrom', dayStart],
    ['modifiedTo', dayEnd],
  ] as const;
  for (const [control, read] of dates) {
    if (form[control].trim() === '') continue;
    const ms = read(form[control]);
    if (ms === undefined) errors[control] = 'Enter a date as YYYY-MM-DD.';
    else query[control] = ms;
  }
  for (const control of ['minSize', 'maxSize'] as const) {
    if (form[control].trim() === '') continue;
    const bytes = parseSize(form[control]);
    if (bytes === undefined) errors[control] = 'Enter a size such as 1500, 10 KB or 2.5 MB.';
    else query[control] = bytes;
  }
  if (query.modifiedFrom !== undefined && query.modifiedTo !== undefined && query.modifiedFrom > query.modifiedTo) {
    errors.modifiedTo = 'The end date is before the start date.';
  }
  if (query.minSize !== undefined && query.maxSize !== undefined && query.minSize > query.maxSize) errors.maxSize = 'The maximum is below the minimum.';
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, query };
}
