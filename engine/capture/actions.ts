import type { EntryKind } from './file-index';
import { isWithin } from './rel-path';

/**
 * What capture asks the runner to do, per root and path, in order. The runner's flush turns
 * an action into ChangeRecords (flush-action.ts is the ready-made implementation) and
 * updates the index once they are spooled.
 * - changed: read the path now (file or directory) and send what differs from the index;
 *   `full` compares every block (verification after an append, follow-up of a rename).
 * - removed: the path and everything under it are gone.
 * - renamed: the entry (a whole tree for a directory) moved; nothing else is sent.
 */
export type CaptureAction =
  | { type: 'changed'; root: number; path: string; kind: EntryKind; full: boolean }
  | { type: 'removed'; root: number; path: string }
  | { type: 'renamed'; root: number; from: string; to: string; kind: EntryKind };

/** What a flush reports back so capture can schedule the follow-up itself. */
export interface FlushOutcome {
  /** An append was sent without reading older blocks: capture schedules a full diff when the file is quiet. */
  verifyLater?: boolean;
  /** The file kept changing while read: capture flushes it again after its quiet window. */
  unstable?: boolean;
}

export function actionPaths(action: CaptureAction): string[] {
  return action.type === 'renamed' ? [action.from, action.to] : [action.path];
}

/** Two actions must run in order when they touch the same path or one path contains the other. */
export function actionsOverlap(a: CaptureAction, b: CaptureAction): boolean {
  if (a.root !== b.root) return false;
  const others = actionPaths(b);
  return actionPaths(a).some((p) => others.some((q) => isWithin(p, q) || isWithin(q, p)));
}
