import type { Stats } from 'node:fs';
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { MAX_RECORD_DATA_BYTES, type ChangeRecord } from '../replication/change-record';
import { BLOCK_HASH_BYTES, BLOCK_SIZE, blockCount } from './block-hashes';
import { isGoneError } from './capture-error';
import { appendPass, comparePass, newFilePass, type PassResult } from './diff-passes';
import type { IndexEntry } from './file-index';

/**
 * Turns the current content of one file into ChangeRecords against what the index says the
 * Replica holds (`previous`).
 *
 * Records are handed to `emit` one at a time and each is awaited before the next chunk is
 * read: a 1 GB new file becomes 250 records of 4 MiB produced lazily, with back-pressure
 * from the spool, and at most one chunk plus one record in memory. (A callback rather than
 * an async generator, because the caller also needs the final index entry and the flags,
 * which exist only after the last record.) The returned `entry` is what the Replica holds
 * once every emitted record is applied: store it in the index only after they are durable.
 *
 * A file written while it is read is detected by re-stating it afterwards (size, mtime,
 * inode). Then it is read again, diffed against what was just emitted (so only the blocks
 * that moved travel twice), up to `maxAttempts` passes; past that the result says
 * `unstable` and the caller should flush the path again after its quiet window.
 */
export interface DiffFileOptions {
  emit: (record: ChangeRecord) => Promise<void>;
  /** Compare every block even when the file only grew (the later verification of an append). */
  full?: boolean;
  /** Scan use: identical size, mtime, inode and mode mean unchanged, without reading. */
  trustStat?: boolean;
  maxAttempts?: number;
  /** Read size, ≥ 1 MiB, rounded to whole blocks; defaults to one record's worth (4 MiB). */
  chunkBytes?: number;
}

export type FileDiff =
  | { gone: true }
  | {
      gone: false;
      entry: IndexEntry;
      /** Records emitted (0: nothing changed). */
      records: number;
      /** An append was captured without reading the older blocks: schedule a `full` diff when quiet. */
      verifyLater: boolean;
      /** The file kept changing during every attempt: what was emitted is consistent but not final. */
      unstable: boolean;
    };

type Pass = { gone: true } | { gone: false; entry: IndexEntry; result: Pick<PassResult, 'records' | 'verifyLater'>; stable: boolean };

const MIN_CHUNK_BYTES = 1024 * 1024;
/** Non-blocking open: a FIFO in the tree must not hang the engine (it is then refused as "not a file"). */
const OPEN_FLAGS = process.platform === 'win32' ? constants.O_RDONLY : constants.O_RDONLY | constants.O_NONBLOCK;

function permissionBits(stats: Stats): number {
  return stats.mode & 0o7777;
}

function looksUnchanged(base: IndexEntry, stats: Stats): boolean {
  return base.size === stats.size && base.mtimeMs === stats.mtimeMs && base.ino === stats.ino && base.mode === permissionBits(stats);
}

async function diffPass(absPath: string, relPath: string, root: number, base: IndexEntry | undefined, full: boolean, options: DiffFileOptions): Promise<Pass> {
  let handle;
  try {
    handle = await open(absPath, OPEN_FLAGS);
  } catch (error) {
    if (isGoneError(error)) return { gone: true };
    throw error;
  }
  try {
    const before = await handle.stat();
    if (!before.isFile()) return { gone: true };
    if (options.trustStat && base && looksUnchanged(base, before)) {
      return { gone: false, entry: base, result: { records: 0, verifyLater: false }, stable: true };
    }
    const requested = Math.max(MIN_CHUNK_BYTES, options.chunkBytes ?? MAX_RECORD_DATA_BYTES);
    const chunkBytes = Math.ceil(requested / BLOCK_SIZE) * BLOCK_SIZE;
    const target = { root, path: relPath, size: before.size, mtimeMs: before.mtimeMs, mode: permissionBits(before) };
    const input = { handle, target, emit: options.emit, chunkBytes };
    // The fast path needs every previous block hash in place (an entry from a torn read may lack some).
    const appending = !full && base !== undefined && before.size > base.size && base.blocks.byteLength === blockCount(base.size) * BLOCK_HASH_BYTES;
    const result = !base ? await newFilePass(input) : appending ? await appendPass(input, base) : await comparePass(input, base);
    const after = await stat(absPath).catch(() => undefined);
    const stable = !result.short && after !== undefined && after.ino === before.ino && after.size === before.size && after.mtimeMs === before.mtimeMs;
    const entry: IndexEntry = { kind: 'file', size: result.size, mtimeMs: before.mtimeMs, ino: before.ino, mode: target.mode, blocks: result.blocks };
    return { gone: false, entry, result, stable };
  } finally {
    await handle.close();
  }
}

/**
 * Diffs the file at `absPath` (`relPath` inside root number `root`) against `previous`
 * (undefined, or a directory entry, means the Replica has no such file). `{ gone: true }`
 * when it is no longer a file: its removal is reported by the unlink event, not here.
 */
export async function diffFile(
  absPath: string,
  relPath: string,
  root: number,
  previous: IndexEntry | undefined,
  options: DiffFileOptions,
): Promise<FileDiff> {
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  let base = previous?.kind === 'file' ? previous : undefined;
  let full = options.full ?? false;
  let records = 0;
  for (let attempt = 1; ; attempt += 1) {
    const pass = await diffPass(absPath, relPath, root, base, full, options);
    if (pass.gone) return pass;
    records += pass.result.records;
    if (pass.stable || attempt >= maxAttempts) {
      return { gone: false, entry: pass.entry, records, verifyLater: pass.result.verifyLater, unstable: !pass.stable };
    }
    // Diff the next read against exactly what was emitted, comparing every block: the
    // concurrent write may have landed anywhere.
    base = pass.entry;
    full = true;
  }
}
