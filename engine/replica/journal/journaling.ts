import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { lstatOrUndefined } from '../path-guard';
import type { Noted, RewindJournal } from './rewind-journal';
import type { Undo } from './undo';

/**
 * What the applier sees of the rewind journal while applying one record: `note` commits the
 * undo before the change, `keep` moves an item the change would destroy into the keep area
 * (returning false when the journal is off: the caller then removes or replaces it as usual).
 */
export interface Journaling {
  /** False when nothing is journaled: callers skip preparing undos (reading before-images). */
  readonly active: boolean;
  note(undo: Undo, keptBytes?: number): Noted | undefined;
  keep(noted: Noted | undefined, absolutePath: string): Promise<boolean>;
}

export const NOT_JOURNALED: Journaling = {
  active: false,
  note: () => undefined,
  keep: async () => false,
};

export interface RecordIdentity {
  readonly root: number;
  readonly seq: number | undefined;
  readonly op: string;
  readonly path: string;
}

export function journalingFor(journal: RewindJournal, record: RecordIdentity): Journaling {
  return {
    active: journal.recording,
    note: (undo, keptBytes = 0) => journal.note({ ...record, undo, keptBytes }),
    keep: async (noted, absolutePath) => {
      if (!noted?.keeps) return false;
      await journal.keep.moveIn(noted.jseq, absolutePath);
      return true;
    },
  };
}

/** The first of `relativePath`'s components that does not exist below `realRoot` (what a create would make), as a relative path. */
export async function firstMissing(realRoot: string, relativePath: string): Promise<string | undefined> {
  const segments = relativePath.split('/');
  // The usual case first: the parent exists, so only the item itself can be missing.
  if (segments.length > 1 && (await lstatOrUndefined(path.join(realRoot, ...segments.slice(0, -1)))) !== undefined) {
    return (await lstatOrUndefined(path.join(realRoot, ...segments))) === undefined ? relativePath : undefined;
  }
  for (let count = 1; count <= segments.length; count++) {
    const prefix = segments.slice(0, count);
    if ((await lstatOrUndefined(path.join(realRoot, ...prefix))) === undefined) return prefix.join('/');
  }
  return undefined;
}

/** The parent directories of `relativePath` a create would make, as the topmost one's relative path. */
export async function firstMissingParent(realRoot: string, relativePath: string): Promise<string | undefined> {
  const parent = relativePath.split('/').slice(0, -1).join('/');
  return parent === '' ? undefined : firstMissing(realRoot, parent);
}

/** Granularity at which a write's new bytes are compared with the old ones. */
const COMPARE_BLOCK = 256;

/**
 * The bytes an in-place write of `ranges` and a resize to `newSize` would change: for each
 * range only the blocks whose old bytes differ from the new ones (the Master sends whole
 * blocks for a small edit), plus whatever a shrink cuts off.
 */
export async function beforeImages(
  handle: FileHandle,
  oldSize: number,
  ranges: readonly { offset: number; data: Uint8Array }[],
  newSize: number,
): Promise<{ offset: number; data: Uint8Array }[]> {
  const images: { offset: number; data: Uint8Array }[] = [];
  for (const range of ranges) {
    const end = Math.min(range.offset + range.data.byteLength, oldSize);
    if (end <= range.offset) continue;
    const old = Buffer.alloc(end - range.offset);
    const { bytesRead } = await handle.read(old, 0, old.byteLength, range.offset);
    images.push(...changedRuns(old.subarray(0, bytesRead), range.data, range.offset));
  }
  if (newSize < oldSize) {
    const tail = Buffer.alloc(oldSize - newSize);
    const { bytesRead } = await handle.read(tail, 0, tail.byteLength, newSize);
    images.push({ offset: newSize, data: tail.subarray(0, bytesRead) });
  }
  return images;
}

/** Runs of `old` (at file offset `offset`) whose blocks differ from `next`. Pure. */
export function changedRuns(old: Buffer, next: Uint8Array, offset: number): { offset: number; data: Uint8Array }[] {
  const runs: { offset: number; data: Uint8Array }[] = [];
  let start = -1;
  for (let at = 0; at <= old.byteLength; at += COMPARE_BLOCK) {
    const stop = Math.min(at + COMPARE_BLOCK, old.byteLength);
    const differs = at < old.byteLength && Buffer.compare(old.subarray(at, stop), next.subarray(at, stop)) !== 0;
    if (differs && start < 0) start = at;
    if (!differs && start >= 0) {
      runs.push({ offset: offset + start, data: old.subarray(start, at) });
      start = -1;
    }
  }
  if (start >= 0) runs.push({ offset: offset + start, data: old.subarray(start) });
  return runs;
}
