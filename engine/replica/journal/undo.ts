import { decode, encode } from '@msgpack/msgpack';
import { z } from 'zod';

/**
 * How to take back one change applied to a Replica, written to the rewind journal before the
 * change is made. Every undo is correct whether or not its change was completed (a crash can
 * fall between the two), and applying it twice gives the same result, so a rewind interrupted
 * by a crash simply starts again. Paths are relative to the Replica root `root`.
 *
 * - `remove-created`: the change created `path` (a file, or the topmost of the directories it
 *   had to create); undo removes it.
 * - `restore-kept`: the item at `path` (file or directory tree) was moved into the journal's
 *   keep area before being replaced or removed; undo moves it back.
 * - `patch`: an in-place write; `ranges` hold the bytes it overwrote (within the old size),
 *   `size` the old length, plus the old time and mode.
 * - `rename-back`: undo moves `to` back to `from`; when `toKept`, what stood at `to` before
 *   was kept and returns too; `created` names a parent directory the rename had to create.
 * - `attrs`: the old modification time and mode.
 */
const Bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes');
const RelPath = z.string().min(1).max(4096);
const Mtime = z.number().finite();
const Mode = z.number().int().min(0).max(0o7777);

export const UndoSchema = z.discriminatedUnion('k', [
  z.object({ k: z.literal('remove-created'), path: RelPath }),
  z.object({ k: z.literal('restore-kept'), path: RelPath }),
  z.object({
    k: z.literal('patch'),
    path: RelPath,
    ranges: z.array(z.object({ offset: z.number().int().min(0), data: Bytes })),
    size: z.number().int().min(0),
    mtimeMs: Mtime,
    mode: Mode,
  }),
  z.object({ k: z.literal('rename-back'), from: RelPath, to: RelPath, toKept: z.boolean(), created: RelPath.optional() }),
  z.object({ k: z.literal('attrs'), path: RelPath, mtimeMs: Mtime, mode: Mode }),
]);
export type Undo = z.infer<typeof UndoSchema>;

export function encodeUndo(undo: Undo): Uint8Array {
  return encode(undo, { ignoreUndefined: true });
}

export function decodeUndo(bytes: Uint8Array): Undo {
  return UndoSchema.parse(decode(bytes));
}

/** Whether the undo needs an item in the keep area. */
export function usesKeep(undo: Undo): boolean {
  return undo.k === 'restore-kept' || (undo.k === 'rename-back' && undo.toKept);
}
