import type { ChannelRequest, RewindPoint, RewindTarget } from '../../../../electron/api/contract';
import { childPath, separatorOf } from './directory-paths';
import { formatDateTime } from './format';

export type RewindPointsQuery = ChannelRequest<'rewind.points'>['query'];

/** How many points one question asks for; more matching means "narrow the filter". */
export const POINTS_LIMIT = 20_000;

/** The rewind browser's filter as typed: a file name or path, and a time range (datetime-local values). */
export interface RewindFilterForm {
  file: string;
  from: string;
  until: string;
}

export const EMPTY_FILTER: RewindFilterForm = { file: '', from: '', until: '' };

export type RewindFilterErrors = Partial<Record<keyof RewindFilterForm, string>>;
export type RewindFilterParse = { ok: true; query: RewindPointsQuery } | { ok: false; errors: RewindFilterErrors };

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * A datetime-local value as this machine's local time: the first and last millisecond it
 * covers ("10:05" covers 10:05:00.000–10:05:59.999), so "until 10:05" includes 10:05:30.
 * Undefined when the text is not such a value or names no real date (February 30).
 */
export function localDateTimeRange(text: string): { first: number; last: number } | undefined {
  const match = LOCAL_DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hours, minutes, seconds, millis] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part)));
  if (year === undefined || month === undefined || day === undefined || hours === undefined || minutes === undefined) return undefined;
  const date = new Date(year, month - 1, day, hours, minutes, seconds ?? 0, millis ?? 0);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day || date.getHours() !== hours || date.getMinutes() !== minutes) {
    return undefined;
  }
  const first = date.getTime();
  const span = millis !== undefined ? 0 : seconds !== undefined ? 999 : 59_999;
  return { first, last: first + span };
}

/**
 * What the engine matches a file filter against: the path below a Master root with '/'
 * separators. A full Master path typed or pasted is cut down to that.
 */
export function fileFilterText(text: string, roots: readonly string[]): string {
  const trimmed = text.trim();
  for (const root of roots) {
    const prefix = childPath(root, '');
    const windows = separatorOf(root) === '\\';
    const matches = windows ? trimmed.toLowerCase().startsWith(prefix.toLowerCase()) : trimmed.startsWith(prefix);
    if (matches) return trimmed.slice(prefix.length).replace(/\\/g, '/');
    if (trimmed === root) return '';
  }
  return trimmed.replace(/\\/g, '/');
}

/** The filter as the engine's query, or what is wrong with it. */
export function rewindQuery(form: RewindFilterForm, roots: readonly string[], limit = POINTS_LIMIT): RewindFilterParse {
  const errors: RewindFilterErrors = {};
  const from = form.from.trim() === '' ? undefined : localDateTimeRange(form.from);
  const until = form.until.trim() === '' ? undefined : localDateTimeRange(form.until);
  if (form.from.trim() !== '' && !from) errors.from = 'Enter a date and time.';
  if (form.until.trim() !== '' && !until) errors.until = 'Enter a date and time.';
  if (from && until && from.first > until.last) errors.until = 'The end of the range is before its start.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const query: RewindPointsQuery = { limit };
  const file = fileFilterText(form.file, roots);
  if (file !== '') query.path = file;
  if (from) query.fromAt = from.first;
  if (until) query.toAt = until.last;
  return { ok: true, query };
}

/** A point's identity in the list (operations and bookmarks number separately). */
export function pointKey(point: RewindPoint): string {
  return point.kind === 'operation' ? `operation-${point.jseq}` : `bookmark-${point.id}`;
}

export function pointTarget(point: RewindPoint): RewindTarget {
  return point.kind === 'operation' ? { kind: 'operation', jseq: point.jseq } : { kind: 'bookmark', id: point.id };
}

const OPERATION_LABELS: Record<string, string> = {
  mkdir: 'Create folder',
  put: 'Write file',
  write: 'Update file',
  remove: 'Delete',
  rename: 'Rename',
  attrs: 'Set attributes',
};

/** The journal's operation as an administrator reads it; an unknown one as it is. */
export function operationLabel(op: string): string {
  return OPERATION_LABELS[op] ?? op;
}

/** A path below Master root number `root` as the Master writes it ("a/b" under "C:\\Data" → "C:\\Data\\a\\b"); a rename's two sides each. */
export function masterPath(roots: readonly string[], root: number, relative: string): string {
  const base = roots[root];
  if (base === undefined) return relative;
  return relative
    .split(' → ')
    .map((side) => side.split('/').filter((segment) => segment !== '').reduce(childPath, base))
    .join(' → ');
}

/** What a row of the rewind browser shows: time, what happened, to which file (a bookmark: its name). */
export interface PointCells {
  time: string;
  operation: string;
  file: string;
}

export function pointCells(point: RewindPoint, roots: readonly string[]): PointCells {
  if (point.kind === 'bookmark') return { time: formatDateTime(point.at), operation: 'Bookmark', file: point.name };
  return { time: formatDateTime(point.at), operation: operationLabel(point.op), file: masterPath(roots, point.root, point.path) };
}

/** The default name of a new bookmark: when it was set. */
export function defaultBookmarkName(now: Date): string {
  return `Bookmark ${formatDateTime(now.getTime())}`;
}

/** What the administrator confirms before a rewind: the stop, where the Replica goes back to, the resynchronization. */
export function rewindConsequences(point: RewindPoint, replicaHost: string, roots: readonly string[], scopeFolder: string | undefined): string {
  const cells = pointCells(point, roots);
  const target =
    point.kind === 'bookmark'
      ? `its state at the bookmark "${point.name}" (${cells.time})`
      : `its state before the selected operation (${cells.operation} ${cells.file} at ${cells.time})`;
  const scope = scopeFolder === undefined ? '' : ` Only files under ${scopeFolder} are rewound; the rest of the Replica stays as it is.`;
  return `The scenario will be stopped; the Replica ${replicaHost} returns to ${target}; it will be resynchronized on the next run.${scope}`;
}

/** The row a key moves the selection to in a list of `count` rows showing `page` at a time; undefined = the key does not move it. */
export function indexAfterKey(index: number | undefined, key: string, count: number, page: number): number | undefined {
  if (count === 0) return undefined;
  const last = count - 1;
  const clamp = (value: number): number => Math.min(last, Math.max(0, value));
  if (index === undefined) return ['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp'].includes(key) ? (key === 'End' ? last : 0) : undefined;
  switch (key) {
    case 'ArrowDown':
      return clamp(index + 1);
    case 'ArrowUp':
      return clamp(index - 1);
    case 'PageDown':
      return clamp(index + Math.max(1, page));
    case 'PageUp':
      return clamp(index - Math.max(1, page));
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return undefined;
  }
}
