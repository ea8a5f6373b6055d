import { lstat } from 'node:fs/promises';
import path from 'node:path';
import type { ChangeRecord } from '../replication/change-record';
import type { CaptureAction, FlushOutcome } from './actions';
import { isGoneError } from './capture-error';
import { diffDirectory } from './directory-differ';
import { diffFile, type DiffFileOptions } from './file-differ';
import type { FileIndex } from './file-index';

/**
 * The ready-made flush: one CaptureAction → ChangeRecords (via the differs) → `emit`, then
 * the index update. The runner wraps it in its per-path lock:
 *   flush: (action) => locks.run(action, () => flushAction(context, action))
 *
 * `emit` must resolve only once the record is durable in the spool: the index is updated
 * after the last emit, so after a crash the index still describes what was spooled and the
 * next start rediffs the rest. A path that is no longer there sends nothing — its removal
 * (or move) arrives as its own action — so a late flush can never delete what a rename
 * just carried away.
 */
export interface FlushContext {
  index: FileIndex;
  /** Absolute Master root paths, by root number. */
  roots: readonly string[];
  emit: (record: ChangeRecord) => Promise<void>;
  diff?: Pick<DiffFileOptions, 'maxAttempts' | 'chunkBytes'>;
}

function absolutePath(context: FlushContext, root: number, relPath: string): string {
  const rootPath = context.roots[root];
  if (rootPath === undefined) throw new RangeError(`no root number ${root}`);
  return path.join(rootPath, ...relPath.split('/'));
}

export async function flushAction(context: FlushContext, action: CaptureAction): Promise<FlushOutcome> {
  const intent = uncertainPaths(context.index, action);
  const id = intent.length > 0 ? context.index.noteIntent(action.root, intent) : undefined;
  const outcome = await flushOnce(context, action);
  if (id !== undefined) context.index.clearIntent(id);
  return outcome;
}

/**
 * Paths whose state on the Replica the index cannot vouch for if this flush is cut short
 * after its records reach the spool: a move's two ends, and a path the index does not hold
 * (its creation). A changed or removed indexed path needs none: the next start compares it
 * with the index and finds the difference itself.
 */
function uncertainPaths(index: FileIndex, action: CaptureAction): string[] {
  if (action.type === 'renamed') return [action.from, action.to];
  if (action.type === 'changed' && !index.get(action.root, action.path)) return [action.path];
  return [];
}

/**
 * At start, before the tree is compared with the index: what flushes interrupted by the
 * previous stop may have left on the Replica is removed there (and from the index), so the
 * comparison sends what is really at those paths now. Costs a resend of a few paths per crash.
 */
export async function resendInterruptedFlushes(index: FileIndex, flush: (action: CaptureAction) => Promise<unknown>): Promise<number> {
  const intents = index.intents();
  for (const intent of intents) {
    for (const path of intent.paths) await flush({ type: 'removed', root: intent.root, path });
    index.clearIntent(intent.id);
  }
  return intents.length;
}

async function flushOnce(context: FlushContext, action: CaptureAction): Promise<FlushOutcome> {
  const { index, emit } = context;
  const { root } = action;
  switch (action.type) {
    case 'removed':
      await emit({ op: 'remove', root, path: action.path });
      index.removeTree(root, action.path);
      return {};
    case 'renamed':
      // The index holds what the Replica was sent. When the source is no longer in it (a
      // removal decided elsewhere — a re-read of the tree — overtook this move), the Replica
      // has nothing to move: what is now at the destination is sent instead (a folder's
      // content by the runner's re-read after every folder move).
      if (!index.get(root, action.from)) return flushChanged(context, { type: 'changed', root, path: action.to, kind: action.kind, full: true });
      await emit({ op: 'rename', root, from: action.from, to: action.to });
      index.renameTree(root, action.from, action.to);
      return {};
    case 'changed':
      return flushChanged(context, action);
  }
}

async function flushChanged(context: FlushContext, action: Extract<CaptureAction, { type: 'changed' }>): Promise<FlushOutcome> {
  const { index, emit } = context;
  const { root, path: relPath } = action;
  const absPath = absolutePath(context, root, relPath);
  const stats = await lstat(absPath).catch((error: unknown) => {
    if (isGoneError(error)) return undefined;
    throw error;
  });
  if (!stats || !(stats.isFile() || stats.isDirectory())) return {}; // gone, or a symlink/device: not replicated
  let previous = index.get(root, relPath);
  const kind = stats.isDirectory() ? 'directory' : 'file';
  if (previous && previous.kind !== kind) {
    // A file replaced by a directory or the reverse: the old one (with its tree) goes first.
    await emit({ op: 'remove', root, path: relPath });
    index.removeTree(root, relPath);
    previous = undefined;
  }
  if (kind === 'directory') {
    const result = await diffDirectory(absPath, relPath, root, previous);
    if (result.gone) return {};
    for (const record of result.records) await emit(record);
    index.put(root, relPath, result.entry);
    return {};
  }
  const result = await diffFile(absPath, relPath, root, previous, { emit, full: action.full, ...context.diff });
  if (result.gone) return {};
  index.put(root, relPath, result.entry);
  return { verifyLater: result.verifyLater, unstable: result.unstable };
}
