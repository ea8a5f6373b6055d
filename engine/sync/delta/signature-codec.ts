import { MAX_BLOCK_SIZE, MIN_BLOCK_SIZE } from './block-size';
import { ByteReader, ByteWriter } from './byte-codec';
import { FINGERPRINT_WORDS, KEY_BYTES } from './fingerprint';
import { type Signature, basisBlockCount, blockRuns, hasWeak } from './signature';

/**
 * Wire form: "USG1", varint blockSize, varint basisSize, 16-byte key, varint weak stride,
 * varint run count, runs of consecutive blocks as (gap since the previous run, count) varints,
 * then the CRCs of the blocks that have one (4 bytes each) and every block's fingerprint
 * (8 bytes), little-endian. A first-round signature of 1 GiB at 64 KiB, stride 8, is
 * 16,384 × 8 + 2,048 × 4 bytes + 33 of header = 139,297 bytes.
 */
const MAGIC = 'USG1';
/** 4 Mi blocks (48 MB): more than chooseBlockSize produces for a 4 TiB file. */
export const MAX_SIGNATURE_BLOCKS = 4 * 1024 * 1024;
const MAX_BASIS_BLOCKS = 2 ** 32 - 1;
const MAX_WEAK_STRIDE = 1024;

export function encodeSignature(signature: Signature): Uint8Array {
  const count = signature.blocks.length;
  const writer = new ByteWriter(64 + count * (4 + 4 * FINGERPRINT_WORDS));
  writer.raw(new TextEncoder().encode(MAGIC));
  writer.varint(signature.blockSize);
  writer.varint(signature.basisSize);
  writer.raw(signature.key);
  writer.varint(signature.weakStride);
  writeRuns(writer, signature.blocks);
  writer.uint32Array(signature.weak.filter((_, entry) => hasWeak(signature, entry)));
  writer.uint32Array(signature.strong);
  return writer.finish();
}

export interface DecodeLimits {
  maxBlocks?: number;
}

/** Refuses anything malformed or larger than the limits with a DeltaFormatError naming the problem. */
export function decodeSignature(bytes: Uint8Array, limits: DecodeLimits = {}): Signature {
  const maxBlocks = limits.maxBlocks ?? MAX_SIGNATURE_BLOCKS;
  const reader = new ByteReader(bytes, 'signature');
  if (bytes.length > 64 + maxBlocks * 28) reader.fail(`is ${bytes.length} bytes, more than a signature of ${maxBlocks} blocks can be`);
  reader.magic(MAGIC);
  const blockSize = reader.varint('block size');
  if (blockSize < MIN_BLOCK_SIZE || blockSize > MAX_BLOCK_SIZE) reader.fail(`block size ${blockSize} is outside ${MIN_BLOCK_SIZE}–${MAX_BLOCK_SIZE}`);
  const basisSize = reader.varint('basis size');
  const total = basisBlockCount(blockSize, basisSize);
  if (total > MAX_BASIS_BLOCKS) reader.fail(`a basis of ${basisSize} bytes has too many blocks of ${blockSize}`);
  const key = reader.raw(KEY_BYTES, 'fingerprint key');
  const weakStride = reader.varint('weak stride');
  if (weakStride < 1 || weakStride > MAX_WEAK_STRIDE) reader.fail(`weak stride ${weakStride} is outside 1–${MAX_WEAK_STRIDE}`);
  const blocks = readRuns(reader, total, maxBlocks);
  const count = blocks.length;
  const weakCount = blocks.reduce((sum, block) => sum + (block % weakStride === 0 ? 1 : 0), 0);
  const expected = weakCount * 4 + count * 4 * FINGERPRINT_WORDS;
  if (reader.remaining !== expected) reader.fail(`${count} blocks need ${expected} bytes of hashes, found ${reader.remaining}`);
  const indexed = reader.uint32Array(weakCount, 'weak hashes');
  const weak = new Uint32Array(count);
  for (let entry = 0, next = 0; entry < count; entry += 1) if ((blocks[entry] ?? 0) % weakStride === 0) weak[entry] = indexed[next++] ?? 0;
  const strong = reader.uint32Array(count * FINGERPRINT_WORDS, 'fingerprints');
  return { blockSize, basisSize, key, blocks, weakStride, weak, strong };
}

export function writeRuns(writer: ByteWriter, blocks: Uint32Array): void {
  const runs = blockRuns(blocks);
  writer.varint(runs.length);
  let next = 0;
  for (const [first, count] of runs) {
    writer.varint(first - next);
    writer.varint(count);
    next = first + count;
  }
}

/** Runs must be increasing, non-empty, inside the basis's `total` blocks and at most `maxBlocks` in all. */
export function readRuns(reader: ByteReader, total: number, maxBlocks: number): Uint32Array {
  const runCount = reader.varint('run count');
  if (runCount > Math.min(total, maxBlocks)) reader.fail(`${runCount} runs of blocks for a basis of ${total} blocks`);
  const runs: Array<[number, number]> = [];
  let next = 0;
  let count = 0;
  for (let i = 0; i < runCount; i += 1) {
    const first = next + reader.varint('run gap');
    const length = reader.varint('run length');
    if (length === 0) reader.fail('a run of blocks is empty');
    if (i > 0 && first === next) reader.fail('two runs of blocks touch: they should be one');
    if (first + length > total) reader.fail(`blocks ${first}–${first + length - 1} are beyond the basis's ${total} blocks`);
    count += length;
    if (count > maxBlocks) reader.fail(`more than ${maxBlocks} blocks`);
    runs.push([first, length]);
    next = first + length;
  }
  const blocks = new Uint32Array(count);
  let at = 0;
  for (const [first, length] of runs) for (let i = 0; i < length; i += 1) blocks[at++] = first + i;
  return blocks;
}
