import type { FileHandle } from 'node:fs/promises';
import { MAX_RECORD_DATA_BYTES, type ChangeRecord } from '../replication/change-record';
import { BLOCK_SIZE, hashBlock, leadingBlockHashes, sameBlockHash } from './block-hashes';
import type { IndexEntry } from './file-index';
import { WriteBatcher, type WriteTarget } from './write-batcher';

/**
 * One read of a file, in chunks, turned into records. Three shapes: a new file (everything),
 * a full comparison against the previous block hashes, and the append fast path. Each pass
 * reads only up to the size stat reported when it began; the caller re-stats afterwards.
 */
export interface PassInput {
  handle: FileHandle;
  target: WriteTarget;
  emit: (record: ChangeRecord) => Promise<void>;
  /** Read size; a multiple of BLOCK_SIZE so chunks and blocks align. */
  chunkBytes: number;
}

export interface PassResult {
  /** Block hashes of what the Replica holds after these records (only blocks actually read). */
  blocks: Buffer;
  /** The file length the Replica holds after these records. */
  size: number;
  records: number;
  /** The file ended before the size stat reported: it is being truncated or rewritten. */
  short: boolean;
  /** Blocks before the previous end were trusted, not read (append fast path). */
  verifyLater: boolean;
}

async function readFully(handle: FileHandle, buffer: Buffer, length: number, position: number): Promise<number> {
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled;
}

/** Calls `visit` for each block of `chunk` (read at file offset `position`, block aligned). */
function eachBlock(chunk: Buffer<ArrayBuffer>, position: number, visit: (index: number, block: Buffer<ArrayBuffer>, offset: number) => void): void {
  for (let offset = 0; offset < chunk.byteLength; offset += BLOCK_SIZE) {
    visit((position + offset) / BLOCK_SIZE, chunk.subarray(offset, offset + BLOCK_SIZE), offset);
  }
}

/** A file the Replica does not have: one 'put' when it fits a record, else 'write' chunks. */
export async function newFilePass({ handle, target, emit, chunkBytes }: PassInput): Promise<PassResult> {
  const { root, path, size, mtimeMs, mode } = target;
  const hashes: Buffer[] = [];
  if (size <= MAX_RECORD_DATA_BYTES) {
    const buffer = Buffer.allocUnsafe(size);
    const read = await readFully(handle, buffer, size, 0);
    const data = buffer.subarray(0, read);
    eachBlock(data, 0, (_index, block) => hashes.push(hashBlock(block)));
    await emit({ op: 'put', root, path, data, mtimeMs, mode });
    return { blocks: Buffer.concat(hashes), size: read, records: 1, short: read < size, verifyLater: false };
  }
  let records = 0;
  for (let position = 0; position < size; position += chunkBytes) {
    const wanted = Math.min(chunkBytes, size - position);
    // A fresh buffer per chunk: the emitted record keeps it, so it cannot be reused.
    const chunk = Buffer.allocUnsafe(wanted);
    const read = await readFully(handle, chunk, wanted, position);
    const data = chunk.subarray(0, read);
    eachBlock(data, position, (_index, block) => hashes.push(hashBlock(block)));
    if (read > 0) {
      await emit({ op: 'write', root, path, ranges: [{ offset: position, data }], size, mtimeMs, mode });
      records += 1;
    }
    if (read < wanted) return { blocks: Buffer.concat(hashes), size, records, short: true, verifyLater: false };
  }
  return { blocks: Buffer.concat(hashes), size, records, short: false, verifyLater: false };
}

/**
 * Reads the whole file, hashes every block and sends the blocks whose hash differs from
 * `base` (adjacent ones merged), then the new length; 'attrs' when only mtime/mode moved.
 */
export async function comparePass(input: PassInput, base: IndexEntry): Promise<PassResult> {
  const { handle, target, emit, chunkBytes } = input;
  const { root, path, size, mtimeMs, mode } = target;
  const batcher = new WriteBatcher(target, emit);
  const buffer = Buffer.allocUnsafe(Math.max(1, Math.min(chunkBytes, size)));
  const hashes: Buffer[] = [];
  let short = false;
  for (let position = 0; position < size && !short; position += chunkBytes) {
    const wanted = Math.min(chunkBytes, size - position);
    const read = await readFully(handle, buffer, wanted, position);
    short = read < wanted;
    const changed: { offset: number; block: Buffer<ArrayBuffer> }[] = [];
    eachBlock(buffer.subarray(0, read), position, (index, block, offset) => {
      const hash = hashBlock(block);
      hashes.push(hash);
      if (!sameBlockHash(base.blocks, index, hash)) changed.push({ offset: position + offset, block: Buffer.from(block) });
    });
    for (const { offset, block } of changed) await batcher.add(offset, block);
  }
  let records = await batcher.finish();
  if (records === 0 && size !== base.size) {
    // Truncated at a block boundary: nothing to send but the new length.
    await emit({ op: 'write', root, path, ranges: [], size, mtimeMs, mode });
    records = 1;
  } else if (records === 0 && (mtimeMs !== base.mtimeMs || mode !== base.mode)) {
    await emit({ op: 'attrs', root, path, mtimeMs, mode });
    records = 1;
  }
  return { blocks: Buffer.concat(hashes), size, records, short, verifyLater: false };
}

/**
 * The file only grew: trust the previous full blocks, rehash the old partial last block (to
 * send only the new bytes when it is intact) and hash and send the new tail. inotify gives
 * no write offsets, so an in-place change made together with an append goes unseen here;
 * the result says `verifyLater` and the caller schedules a full comparePass once the file
 * is quiet.
 */
export async function appendPass(input: PassInput, base: IndexEntry): Promise<PassResult> {
  const { handle, target, emit, chunkBytes } = input;
  const kept = Math.floor(base.size / BLOCK_SIZE);
  const start = kept * BLOCK_SIZE;
  const partial = base.size - start;
  const batcher = new WriteBatcher(target, emit);
  const buffer = Buffer.allocUnsafe(Math.min(chunkBytes, target.size - start));
  const hashes: Buffer[] = [leadingBlockHashes(base.blocks, kept)];
  let sendFrom = base.size;
  let short = false;
  for (let position = start; position < target.size && !short; position += chunkBytes) {
    const wanted = Math.min(chunkBytes, target.size - position);
    const read = await readFully(handle, buffer, wanted, position);
    short = read < wanted;
    if (position === start && partial > 0) {
      const intact = read >= partial && sameBlockHash(base.blocks, kept, hashBlock(buffer.subarray(0, partial)));
      if (!intact) sendFrom = start;
    }
    eachBlock(buffer.subarray(0, read), position, (_index, block) => hashes.push(hashBlock(block)));
    const from = Math.max(position, sendFrom) - position;
    if (from < read) await batcher.add(position + from, Buffer.from(buffer.subarray(from, read)));
  }
  const records = await batcher.finish();
  return { blocks: Buffer.concat(hashes), size: target.size, records, short, verifyLater: base.size > 0 };
}
