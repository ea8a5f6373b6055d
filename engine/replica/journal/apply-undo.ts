import fs from 'node:fs/promises';
import path from 'node:path';
import { ensureDirectories, fsyncDirectory, O_NOFOLLOW, setTimesAndMode, writeAll } from '../durable-fs';
import { lstatOrUndefined, resolveBelowRealRoot } from '../path-guard';
import type { KeepArea } from './keep-area';
import type { Undo } from './undo';

/**
 * Applies one undo to the Replica's files (Data Rewind). Entries are undone newest first, so
 * each one meets the state its change produced; every step is idempotent, so a rewind
 * interrupted by a crash repeats its last undo harmlessly.
 */
export async function applyUndo(realRoot: string, jseq: number, undo: Undo, keep: KeepArea): Promise<void> {
  switch (undo.k) {
    case 'remove-created':
      return removeItem(realRoot, undo.path);
    case 'restore-kept':
      await keep.moveOut(jseq, await resolveBelowRealRoot(realRoot, undo.path));
      return;
    case 'patch':
      return patchFile(realRoot, undo);
    case 'rename-back':
      return renameBack(realRoot, jseq, undo, keep);
    case 'attrs': {
      const target = await resolveBelowRealRoot(realRoot, undo.path);
      if (await lstatOrUndefined(target)) await setTimesAndMode(target, undo.mtimeMs, undo.mode);
      return;
    }
  }
}

async function removeItem(realRoot: string, relativePath: string): Promise<void> {
  const target = await resolveBelowRealRoot(realRoot, relativePath);
  if (!(await lstatOrUndefined(target))) return;
  await fs.rm(target, { recursive: true, force: true });
  await fsyncDirectory(path.dirname(target));
}

async function patchFile(realRoot: string, undo: Extract<Undo, { k: 'patch' }>): Promise<void> {
  const target = await resolveBelowRealRoot(realRoot, undo.path);
  await ensureDirectories(realRoot, undo.path.split('/').slice(0, -1), undo.path);
  const handle = await fs.open(target, fs.constants.O_RDWR | fs.constants.O_CREAT | O_NOFOLLOW, 0o600);
  try {
    for (const range of undo.ranges) await writeAll(handle, range.data, range.offset);
    await handle.truncate(undo.size);
  } finally {
    await handle.close();
  }
  await setTimesAndMode(target, undo.mtimeMs, undo.mode);
}

async function renameBack(realRoot: string, jseq: number, undo: Extract<Undo, { k: 'rename-back' }>, keep: KeepArea): Promise<void> {
  const from = await resolveBelowRealRoot(realRoot, undo.from);
  const to = await resolveBelowRealRoot(realRoot, undo.to);
  if ((await lstatOrUndefined(from)) === undefined && (await lstatOrUndefined(to)) !== undefined) {
    await ensureDirectories(realRoot, undo.from.split('/').slice(0, -1), undo.from);
    await fs.rename(to, from);
    await fsyncDirectory(path.dirname(from));
    await fsyncDirectory(path.dirname(to));
  }
  if (undo.toKept) await keep.moveOut(jseq, to);
  if (undo.created !== undefined) await removeItem(realRoot, undo.created);
}
