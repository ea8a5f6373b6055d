import { UserError } from '../../messages/user-error';
import type { RewindSummary } from '../protection-model';
import { DeferredSyncs, withDeferredSyncs } from '../durable-fs';
import { applyUndo } from './apply-undo';
import type { JournalEntryRow } from './journal-db';
import { inWindow, type RewindJournal } from './rewind-journal';
import { decodeUndo, type Undo } from './undo';

export interface RewindScope {
  readonly root: number;
  /** '' = the whole root. */
  readonly path: string;
}

/** What a rewind did; the service adds where it wrote the full report. */
export type RewindOutcome = Omit<RewindSummary, 'reportFile'>;

const PAGE = 256;
const MAX_LISTED = 10_000;

/** Every relative path an undo touches. */
export function undoPaths(undo: Undo): string[] {
  return undo.k === 'rename-back' ? [undo.from, undo.to] : [undo.path];
}

function isUnder(relativePath: string, scope: string): boolean {
  return scope === '' || relativePath === scope || relativePath.startsWith(`${scope}/`);
}

/** Whether an entry belongs to the scope; a rename across its edge cannot be rewound alone. Pure. */
export function inScope(entry: Pick<JournalEntryRow, 'root' | 'path'>, undo: Undo, scope: RewindScope | undefined): boolean {
  if (!scope) return true;
  if (entry.root !== scope.root) return false;
  const inside = undoPaths(undo).map((relativePath) => isUnder(relativePath, scope.path));
  if (inside.every(Boolean)) return true;
  if (inside.some(Boolean)) {
    throw new UserError('E1508', `"${entry.path}" was moved across the edge of "${scope.path}"; rewind its common parent folder instead`);
  }
  return false;
}

/**
 * Rolls the Replica back to journal position `toJseq` by applying undos newest first, in
 * pages: a page's file system changes are synced before its entries leave the journal, so a
 * crash in the middle repeats at most one page (each undo is idempotent).
 */
export async function rewindTo(
  journal: RewindJournal,
  realRootOf: (root: number) => Promise<string>,
  toJseq: number,
  scope?: RewindScope,
): Promise<RewindOutcome> {
  const started = Date.now();
  const counts = { undone: 0, created: 0, restored: 0, patched: 0, renamed: 0, attributes: 0 };
  const operations: { jseq: number; at: number; op: string; path: string }[] = [];
  const decoded = (entry: JournalEntryRow) => ({ entry, undo: decodeUndo(entry.undo) });
  // A scoped rewind checks the whole range first, so it refuses before touching anything.
  if (scope) checkScope(journal, toJseq, scope);
  // A finished test's rollback already undid the test: both are passed over together.
  const passedOver = journal.skippedWindows(toJseq);
  let before = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const page = journal.pageDown(toJseq, before, PAGE).map(decoded);
    if (page.length === 0) break;
    before = page[page.length - 1]?.entry.jseq ?? before;
    const chosen = page.filter(({ entry, undo }) => inScope(entry, undo, scope));
    const undone = chosen.filter(({ entry }) => !inWindow(entry.jseq, passedOver));
    const syncs = new DeferredSyncs();
    await withDeferredSyncs(syncs, async () => {
      for (const { entry, undo } of undone) {
        await applyUndo(await realRootOf(entry.root), entry.jseq, undo, journal.keep);
        count(counts, undo);
        if (operations.length < MAX_LISTED) operations.push({ jseq: entry.jseq, at: entry.at, op: entry.op, path: entry.path });
      }
    });
    await syncs.flush();
    await journal.forget(chosen.map(({ entry }) => entry));
  }
  if (!scope) journal.rewoundTo(toJseq);
  journal.checkpoint();
  return { toJseq, ...counts, durationMs: Date.now() - started, operations };
}

function checkScope(journal: RewindJournal, toJseq: number, scope: RewindScope): void {
  let before = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const page = journal.pageDown(toJseq, before, PAGE * 16);
    if (page.length === 0) return;
    for (const entry of page) inScope(entry, decodeUndo(entry.undo), scope);
    before = page[page.length - 1]?.jseq ?? before;
  }
}

function count(counts: { undone: number; created: number; restored: number; patched: number; renamed: number; attributes: number }, undo: Undo): void {
  counts.undone += 1;
  if (undo.k === 'remove-created') counts.created += 1;
  else if (undo.k === 'restore-kept') counts.restored += 1;
  else if (undo.k === 'patch') counts.patched += 1;
  else if (undo.k === 'rename-back') counts.renamed += 1;
  else counts.attributes += 1;
}
