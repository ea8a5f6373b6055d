import fs from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../messages/user-error';
import type { ChangeRecord } from '../replication/change-record';
import { ensureDirectories, finishFile, fsyncDirectory, O_NOFOLLOW, writeAll } from './durable-fs';
import { beforeImages, firstMissing, type Journaling } from './journal/journaling';
import { lstatOrUndefined, resolveBelowRealRoot } from './path-guard';
import { newTempFileName } from './temp-files';

/** The two records that carry file contents: a whole file (`put`) and byte ranges (`write`). */

type PutRecord = Extract<ChangeRecord, { op: 'put' }>;
type WriteRecord = Extract<ChangeRecord, { op: 'write' }>;

function parentSegments(relativePath: string): string[] {
  return relativePath.split('/').slice(0, -1);
}

function notAFileOnReplica(relativePath: string): UserError {
  return new UserError('E1102', `${JSON.stringify(relativePath)} is a directory or special file on the Replica, a file on the Master`);
}

/**
 * Whole file: written and fsync'd under a temporary name in the target's own directory (so
 * the rename stays on one volume and inside the root), then renamed over the target. Readers
 * see the old or the new contents, never a mix; a crash leaves at most a temporary file.
 * When journaled, the old file is moved into the journal's keep area just before the rename.
 */
export async function putFile(realRoot: string, record: PutRecord, journaling: Journaling): Promise<void> {
  const target = await resolveBelowRealRoot(realRoot, record.path);
  const existing = await lstatOrUndefined(target);
  if (existing?.isDirectory()) throw notAFileOnReplica(record.path);
  if (!existing) journaling.note({ k: 'remove-created', path: (await firstMissing(realRoot, record.path)) ?? record.path });
  const directory = await ensureDirectories(realRoot, parentSegments(record.path), record.path);
  const temp = path.join(directory, newTempFileName());
  // 'wx' = O_CREAT|O_EXCL: never opens an existing file or follows a link at that name.
  const handle = await fs.open(temp, 'wx', 0o600);
  try {
    try {
      await writeAll(handle, record.data, 0);
      await finishFile(handle, record.mtimeMs, record.mode, target);
    } finally {
      await handle.close();
    }
    if (existing) await journaling.keep(journaling.note({ k: 'restore-kept', path: record.path }, existing.size), target);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  await fsyncDirectory(directory);
}

/**
 * Changed ranges written in place at their offsets, then the length set to `size` (which
 * both extends with zeros and shrinks). Re-applying writes the same bytes and the same length,
 * so a record replayed after a crash gives the same file. Not atomic by itself: the rewind
 * journal saves the overwritten bytes first (ARCHITECTURE.md, step 5).
 */
export async function writeRanges(realRoot: string, record: WriteRecord, journaling: Journaling): Promise<void> {
  const target = await resolveBelowRealRoot(realRoot, record.path);
  const existing = await lstatOrUndefined(target);
  if (existing !== undefined && !existing.isFile()) throw notAFileOnReplica(record.path);
  if (!existing) journaling.note({ k: 'remove-created', path: (await firstMissing(realRoot, record.path)) ?? record.path });
  await ensureDirectories(realRoot, parentSegments(record.path), record.path);
  // O_NOFOLLOW: a link created at the target since the guard looked fails with ELOOP.
  const flags = fs.constants.O_RDWR | fs.constants.O_CREAT | O_NOFOLLOW;
  const handle = await fs.open(target, flags, 0o600);
  try {
    if (existing && journaling.active) {
      const ranges = await beforeImages(handle, existing.size, record.ranges, record.size);
      journaling.note({ k: 'patch', path: record.path, ranges, size: existing.size, mtimeMs: existing.mtimeMs, mode: existing.mode & 0o7777 });
    }
    for (const range of record.ranges) await writeAll(handle, range.data, range.offset);
    await handle.truncate(record.size);
    await finishFile(handle, record.mtimeMs, record.mode, target);
  } finally {
    await handle.close();
  }
  if (existing === undefined) await fsyncDirectory(path.dirname(target));
}
