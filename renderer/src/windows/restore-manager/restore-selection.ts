import type { RestoreItem } from './restore-types';

/**
 * What the administrator marked for restore: a whole session (path null), or a folder (with
 * everything below it) or file of a session by its Master path. The scenario travels with the
 * item because one restore job restores one scenario.
 */
export interface MarkedItem extends RestoreItem {
  scenarioId: string;
  /** As the catalog registered it; the ID when the view that marked it did not know the name. */
  scenarioName: string;
}

export type MarkResult = { ok: true; marks: MarkedItem[] } | { ok: false; message: string };

export function sameItem(a: RestoreItem, b: RestoreItem): boolean {
  return a.session === b.session && a.path === b.path;
}

export function isMarked(marks: readonly MarkedItem[], item: RestoreItem): boolean {
  return marks.some((mark) => sameItem(mark, item));
}

/** The mark of a Master path in any session (a version picked from the Version History is not the latest one). */
export function markOfPath(marks: readonly MarkedItem[], path: string): MarkedItem | undefined {
  return marks.find((mark) => mark.path === path);
}

/**
 * The mark a node or row shows as checked: by Session, that very version (session and path);
 * by Tree, the path's mark whichever version was picked for it. Toggling it unmarks it.
 */
export function shownMark(marks: readonly MarkedItem[], view: 'session' | 'tree', item: { session: number; path: string }): MarkedItem | undefined {
  return view === 'session' ? marks.find((mark) => sameItem(mark, item)) : markOfPath(marks, item.path);
}

/** Why `item` cannot join the marks (another scenario is marked), or undefined when it can. */
export function otherScenarioMessage(marks: readonly MarkedItem[], item: MarkedItem): string | undefined {
  const marked = marks[0];
  if (!marked || marked.scenarioId === item.scenarioId) return undefined;
  return (
    `A restore job restores one scenario: items of "${marked.scenarioName}" are marked, so "${item.scenarioName}" cannot be added. ` +
    'Clear the marks (or submit this job first) to restore the other scenario.'
  );
}

/** Marks `item`, or unmarks it when it is marked; refuses an item of a second scenario. */
export function toggleMark(marks: readonly MarkedItem[], item: MarkedItem): MarkResult {
  if (isMarked(marks, item)) return { ok: true, marks: marks.filter((mark) => !sameItem(mark, item)) };
  const message = otherScenarioMessage(marks, item);
  return message ? { ok: false, message } : { ok: true, marks: [...marks, item] };
}

/** Marks `item` (a version picked in the Version History) in place of the same path from any other session. */
export function pickVersion(marks: readonly MarkedItem[], item: MarkedItem): MarkResult {
  const others = item.path === null ? [...marks] : marks.filter((mark) => mark.path !== item.path);
  const message = otherScenarioMessage(others, item);
  if (message) return { ok: false, message };
  return { ok: true, marks: isMarked(others, item) ? others : [...others, item] };
}

/** How the marked list and the job summary name an item. */
export function markLabel(item: RestoreItem): string {
  return item.path === null ? `Session ${item.session} (whole session)` : `${item.path} (session ${item.session})`;
}

/** The distinct sessions of the marks, in marking order. */
export function markedSessions(marks: readonly RestoreItem[]): number[] {
  return [...new Set(marks.map((mark) => mark.session))];
}
