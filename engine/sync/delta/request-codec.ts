import { MAX_BLOCK_SIZE, MIN_BLOCK_SIZE } from './block-size';
import { ByteReader, ByteWriter } from './byte-codec';
import type { RefinementRequest } from './refinement';
import { type DecodeLimits, MAX_SIGNATURE_BLOCKS, readRuns, writeRuns } from './signature-codec';

/**
 * Wire form: "URQ1", varint blockSize, varint basis size the Master saw (the Replica refuses a
 * request made against a different basis), then the blocks as runs (see signature-codec).
 */
const MAGIC = 'URQ1';

export function encodeRefinementRequest(request: RefinementRequest, basisSize: number): Uint8Array {
  const writer = new ByteWriter();
  writer.raw(new TextEncoder().encode(MAGIC));
  writer.varint(request.blockSize);
  writer.varint(basisSize);
  writeRuns(writer, request.blocks);
  return writer.finish();
}

/** Validates against the Replica's own basis size, so a request can never name bytes it does not have. */
export function decodeRefinementRequest(bytes: Uint8Array, basisSize: number, limits: DecodeLimits = {}): RefinementRequest {
  const reader = new ByteReader(bytes, 'refinement request');
  reader.magic(MAGIC);
  const blockSize = reader.varint('block size');
  if (blockSize < MIN_BLOCK_SIZE || blockSize > MAX_BLOCK_SIZE) reader.fail(`block size ${blockSize} is outside ${MIN_BLOCK_SIZE}–${MAX_BLOCK_SIZE}`);
  const seen = reader.varint('basis size');
  if (seen !== basisSize) reader.fail(`was made for a basis of ${seen} bytes, but the basis has ${basisSize}`);
  const blocks = readRuns(reader, Math.ceil(basisSize / blockSize), limits.maxBlocks ?? MAX_SIGNATURE_BLOCKS);
  if (!reader.atEnd) reader.fail(`${reader.remaining} unexpected bytes after the last run`);
  return { blockSize, blocks };
}
