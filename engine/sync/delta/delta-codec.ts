import { ByteReader, ByteWriter } from './byte-codec';
import type { DeltaOp } from './delta-op';
import { DeltaFormatError } from './errors';

/**
 * Wire form of a batch of operations: "UDL1", then per operation a tag byte and
 *   1 copy:    zigzag varint (offset − end of the previous copy), varint length
 *   2 literal: varint length, the bytes
 *   3 place:   zigzag varint (at − end of the previous place), zigzag varint (offset − at), varint length
 * Offsets are relative so a copy that resumes where the last one ended (the common case after
 * a literal) costs one byte, and a place at its own offset too. Each batch is self-contained:
 * the first copy or place is relative to 0.
 */
const MAGIC = 'UDL1';
const COPY = 1;
const LITERAL = 2;
const PLACE = 3;
/** One batch at most: the transport frames deltas in batches well below this. */
export const MAX_DELTA_BYTES = 256 * 1024 * 1024;

export function encodeDeltaOps(ops: readonly DeltaOp[]): Uint8Array {
  const literalBytes = ops.reduce((sum, op) => sum + (op.kind === 'literal' ? op.data.length : 0), 0);
  const writer = new ByteWriter(16 + literalBytes + ops.length * 12);
  writer.raw(new TextEncoder().encode(MAGIC));
  let previousEnd = 0;
  let placedEnd = 0;
  for (const op of ops) {
    checkOp(op);
    if (op.kind === 'copy') {
      writer.raw(Uint8Array.of(COPY));
      writer.signedVarint(op.offset - previousEnd);
      writer.varint(op.length);
      previousEnd = op.offset + op.length;
    } else if (op.kind === 'place') {
      writer.raw(Uint8Array.of(PLACE));
      writer.signedVarint(op.at - placedEnd);
      writer.signedVarint(op.offset - op.at);
      writer.varint(op.length);
      placedEnd = op.at + op.length;
    } else {
      writer.raw(Uint8Array.of(LITERAL));
      writer.varint(op.data.length);
      writer.raw(op.data);
    }
  }
  return writer.finish();
}

export function decodeDeltaOps(bytes: Uint8Array, maxBytes = MAX_DELTA_BYTES): DeltaOp[] {
  const reader = new ByteReader(bytes, 'delta');
  if (bytes.length > maxBytes) reader.fail(`is ${bytes.length} bytes, more than the ${maxBytes} allowed in one batch`);
  reader.magic(MAGIC);
  const ops: DeltaOp[] = [];
  let previousEnd = 0;
  let placedEnd = 0;
  while (!reader.atEnd) {
    const tag = reader.byte();
    if (tag === COPY) {
      const offset = previousEnd + reader.signedVarint('copy offset');
      const length = reader.varint('copy length');
      if (offset < 0 || !Number.isSafeInteger(offset + length)) reader.fail(`copy offset ${offset} is outside any file`);
      if (length === 0) reader.fail('a copy has length 0');
      ops.push({ kind: 'copy', offset, length });
      previousEnd = offset + length;
    } else if (tag === PLACE) {
      const at = placedEnd + reader.signedVarint('place position');
      const offset = at + reader.signedVarint('place offset');
      const length = reader.varint('place length');
      if (at < 0 || offset < 0 || !Number.isSafeInteger(Math.max(at, offset) + length)) reader.fail(`place of basis ${offset} at ${at} is outside any file`);
      if (length === 0) reader.fail('a place has length 0');
      ops.push({ kind: 'place', at, offset, length });
      placedEnd = at + length;
    } else if (tag === LITERAL) {
      const length = reader.varint('literal length');
      if (length === 0) reader.fail('a literal is empty');
      ops.push({ kind: 'literal', data: reader.raw(length, 'literal data') });
    } else {
      reader.fail(`unknown operation tag ${tag}`);
    }
  }
  return ops;
}

/** What every consumer of operations checks first (encode, apply). */
export function checkOp(op: DeltaOp): void {
  if (op.kind === 'copy') {
    if (!Number.isSafeInteger(op.offset) || op.offset < 0) throw new DeltaFormatError('delta operation', `copy offset ${op.offset} is not a non-negative integer`);
    if (!Number.isSafeInteger(op.length) || op.length <= 0) throw new DeltaFormatError('delta operation', `copy length ${op.length} is not a positive integer`);
  } else if (op.kind === 'literal') {
    if (!(op.data instanceof Uint8Array) || op.data.length === 0) throw new DeltaFormatError('delta operation', 'a literal must carry at least one byte');
  } else if (op.kind === 'place') {
    for (const [name, value] of [['position', op.at], ['offset', op.offset]] as const) {
      if (!Number.isSafeInteger(value) || value < 0) throw new DeltaFormatError('delta operation', `place ${name} ${value} is not a non-negative integer`);
    }
    if (!Number.isSafeInteger(op.length) || op.length <= 0) throw new DeltaFormatError('delta operation', `place length ${op.length} is not a positive integer`);
  } else {
    throw new DeltaFormatError('delta operation', `unknown kind ${JSON.stringify((op as { kind?: unknown }).kind)}`);
  }
}
