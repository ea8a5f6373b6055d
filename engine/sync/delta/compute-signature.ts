import { type FileHandle, open } from 'node:fs/promises';
import { assertBlockSize, chooseBlockSize } from './block-size';
import { crc32 } from './crc32';
import { FileChangedError } from './errors';
import { FINGERPRINT_WORDS, Fingerprinter, newFingerprintKey } from './fingerprint';
import { type Signature, basisBlockCount } from './signature';
import { readFully } from './file-io';
import { READ_CHUNK } from './window-reader';
import { yieldAfter } from './yield';

export interface SignatureOptions {
  /** Defaults to chooseBlockSize(basis size). */
  blockSize?: number;
  /** Fingerprint key; a fresh random one by default. */
  key?: Uint8Array;
  /** Only these basis blocks (strictly increasing), as a refinement request asks; all by default. */
  blocks?: Uint32Array;
  /** Weak hashes for every n-th block only (signature.ts): FIRST_ROUND_WEAK_STRIDE for a whole basis, 1 for a refinement. */
  weakStride?: number;
}

export const FIRST_ROUND_WEAK_STRIDE = 8;

interface Chunk {
  firstEntry: number;
  count: number;
  offset: number;
  length: number;
}

/**
 * The Replica's side of a round: reads the basis (or only the requested blocks) in chunks of
 * ≥ 4 MiB, reading the next chunk while hashing this one, and yields the event loop after
 * every megabyte. Throws FileChangedError if the basis changed size or mtime meanwhile (the
 * caller retries after the file's quiet period).
 */
export async function computeSignature(path: string, options: SignatureOptions = {}): Promise<Signature> {
  const file = await open(path, 'r');
  try {
    const before = await file.stat();
    const basisSize = before.size;
    const blockSize = options.blockSize ?? chooseBlockSize(basisSize);
    assertBlockSize(blockSize);
    const blocks = options.blocks ?? allBlocks(basisBlockCount(blockSize, basisSize));
    checkBlocks(blocks, basisBlockCount(blockSize, basisSize));
    const weakStride = options.weakStride ?? (options.blocks ? 1 : FIRST_ROUND_WEAK_STRIDE);
    if (!Number.isSafeInteger(weakStride) || weakStride < 1) throw new RangeError(`weak stride must be a positive integer, got ${weakStride}`);
    const key = options.key ?? newFingerprintKey();
    const fingerprinter = new Fingerprinter(key, blockSize);
    const weak = new Uint32Array(blocks.length);
    const strong = new Uint32Array(blocks.length * FINGERPRINT_WORDS);
    const perChunk = Math.max(1, Math.floor(READ_CHUNK / blockSize));
    const buffers = [Buffer.allocUnsafe(perChunk * blockSize), Buffer.allocUnsafe(perChunk * blockSize)] as const; // filled by reads before use
    const chunks = chunksOf(blocks, perChunk, blockSize, basisSize);
    let current = chunks.next();
    let reading = current.done ? undefined : readChunk(file, path, current.value, buffers[0]);
    for (let turn = 0; !current.done && reading; turn += 1) {
      const chunk = current.value;
      const buffer = await reading;
      current = chunks.next();
      reading = current.done ? undefined : readChunk(file, path, current.value, buffers[(turn + 1) % 2] ?? buffers[0]);
      reading?.catch(() => undefined); // awaited next turn; a failure must not surface as an unhandled rejection first
      for (let i = 0; i < chunk.count; i += 1) {
        const data = buffer.subarray(i * blockSize, Math.min((i + 1) * blockSize, chunk.length));
        const entry = chunk.firstEntry + i;
        if ((blocks[entry] ?? 0) % weakStride === 0) weak[entry] = crc32(data);
        fingerprinter.into(data, strong, entry * FINGERPRINT_WORDS);
      }
      await yieldAfter(chunk.length);
    }
    const after = await file.stat();
    if (after.size !== before.size || after.mtimeMs !== before.mtimeMs) throw new FileChangedError(path, 'size or modification time moved');
    return { blockSize, basisSize, key, blocks, weakStride, weak, strong };
  } finally {
    await file.close();
  }
}

function allBlocks(count: number): Uint32Array {
  const blocks = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) blocks[i] = i;
  return blocks;
}

function checkBlocks(blocks: Uint32Array, total: number): void {
  for (let i = 0; i < blocks.length; i += 1) {
    const block = blocks[i] ?? 0;
    if (block >= total) throw new RangeError(`block ${block} is beyond the basis, which has ${total} blocks`);
    if (i > 0 && block <= (blocks[i - 1] ?? 0)) throw new RangeError('blocks must be strictly increasing');
  }
}

/** Runs of consecutive blocks, at most `perChunk` blocks each: one read per chunk. */
function* chunksOf(blocks: Uint32Array, perChunk: number, blockSize: number, basisSize: number): Generator<Chunk> {
  for (let first = 0; first < blocks.length; ) {
    let count = 1;
    const start = blocks[first] ?? 0;
    while (count < perChunk && first + count < blocks.length && blocks[first + count] === start + count) count += 1;
    const offset = start * blockSize;
    yield { firstEntry: first, count, offset, length: Math.min(count * blockSize, basisSize - offset) };
    first += count;
  }
}

async function readChunk(file: FileHandle, path: string, chunk: Chunk, buffer: Uint8Array): Promise<Uint8Array> {
  await readFully(file, path, buffer, 0, chunk.length, chunk.offset);
  return buffer;
}
