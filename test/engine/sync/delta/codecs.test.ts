import { afterEach, describe, expect, it } from 'vitest';
import {
  computeSignature,
  decodeDeltaOps,
  decodeRefinementRequest,
  decodeSignature,
  DeltaFormatError,
  encodeDeltaOps,
  encodeRefinementRequest,
  encodeSignature,
  type DeltaOp,
  type Signature,
} from '../../../../engine/sync/delta';
import { removeTempDirs, tempDir } from '../../../helpers/temp-dir';
import { Random, writePair } from './fixtures';

afterEach(removeTempDirs);

async function sampleSignature(): Promise<{ signature: Signature; bytes: Uint8Array }> {
  const pair = writePair(tempDir(), new Random(7).bytes(100_000), new Uint8Array(0));
  const signature = await computeSignature(pair.basis, { blockSize: 1024 });
  return { signature, bytes: encodeSignature(signature) };
}

function patched(bytes: Uint8Array, at: number, ...values: number[]): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy.set(values, at);
  return copy;
}

describe('signature wire form', () => {
  it('decodes to what was encoded, at 8 bytes per block plus 4 per weak-hashed block', async () => {
    const { signature, bytes } = await sampleSignature();
    expect(decodeSignature(bytes)).toEqual(signature);
    expect(signature.weakStride).toBe(8);
    expect(bytes.length).toBe(4 + 2 + 3 + 16 + 1 + 3 + 98 * 8 + 13 * 4);
    const pair = writePair(tempDir(), new Random(9).bytes(100_000), new Uint8Array(0));
    const dense = await computeSignature(pair.basis, { blockSize: 1024, weakStride: 1 });
    const denseBytes = encodeSignature(dense);
    expect(decodeSignature(denseBytes)).toEqual(dense);
    expect(denseBytes.length).toBe(4 + 2 + 3 + 16 + 1 + 3 + 98 * 12);
  });

  it('keeps the block list of a partial (refinement) signature', async () => {
    const pair = writePair(tempDir(), new Random(8).bytes(50_000), new Uint8Array(0));
    const signature = await computeSignature(pair.basis, { blockSize: 256, blocks: Uint32Array.of(0, 1, 2, 50, 51, 195) });
    expect(decodeSignature(encodeSignature(signature))).toEqual(signature);
  });

  const refusals: Array<[string, (bytes: Uint8Array) => Uint8Array, RegExp]> = [
    ['an empty message', () => new Uint8Array(0), /Malformed signature: does not start with "USG1"/],
    ['another message type', (b) => patched(b, 0, 0x55, 0x44, 0x4c, 0x31), /does not start with "USG1"/],
    ['a truncated message', (b) => b.subarray(0, b.length - 3), /blocks need \d+ bytes of hashes, found \d+/],
    ['trailing bytes', (b) => Uint8Array.from([...b, 0]), /blocks need \d+ bytes of hashes/],
    ['a block size of 1', (b) => patched(b, 4, 1), /block size 1 is outside/],
    ['a header cut short', (b) => b.subarray(0, 10), /truncated|needs 16 bytes/],
    ['an oversized message', () => new Uint8Array(64 + 1 + 28 * 2), /more than a signature of 2 blocks can be/],
  ];
  for (const [name, corrupt, message] of refusals) {
    it(`refuses ${name} with a clear error`, async () => {
      const { bytes } = await sampleSignature();
      const bad = corrupt(bytes);
      const decode = () => decodeSignature(bad, { maxBlocks: name === 'an oversized message' ? 2 : undefined });
      expect(decode).toThrow(DeltaFormatError);
      expect(decode).toThrow(message);
    });
  }

  it('refuses runs beyond the basis and varints longer than 2^53', () => {
    const header = [0x55, 0x53, 0x47, 0x31, 0x80, 0x08, 0x80, 0x10, ...new Array<number>(16).fill(0), 1];
    // block size 1024, basis 2048 (2 blocks), stride 1, one run of 5 blocks from 0
    expect(() => decodeSignature(Uint8Array.from([...header, 1, 0, 5]))).toThrow(/blocks 0–4 are beyond the basis's 2 blocks/);
    expect(() => decodeSignature(Uint8Array.from([0x55, 0x53, 0x47, 0x31, ...new Array<number>(9).fill(0xff)]))).toThrow(/block size is (not a valid varint|larger than 2\^53)/);
  });
});

describe('refinement request wire form', () => {
  it('round-trips and is refused when made for another basis size', () => {
    const request = { blockSize: 4096, blocks: Uint32Array.of(3, 4, 5, 9) };
    const bytes = encodeRefinementRequest(request, 100_000);
    expect(decodeRefinementRequest(bytes, 100_000)).toEqual(request);
    expect(() => decodeRefinementRequest(Uint8Array.from([...bytes, 0]), 100_000)).toThrow(/1 unexpected bytes after the last run/);
    expect(() => decodeRefinementRequest(bytes, 99_999)).toThrow(/Malformed refinement request: was made for a basis of 100000 bytes, but the basis has 99999/);
    expect(() => decodeRefinementRequest(encodeRefinementRequest({ blockSize: 4096, blocks: Uint32Array.of(30) }, 100_000), 100_000)).toThrow(/beyond the basis's 25 blocks/);
  });
});

describe('delta wire form', () => {
  const ops: DeltaOp[] = [
    { kind: 'copy', offset: 1_000_000, length: 65536 },
    { kind: 'literal', data: Uint8Array.of(1, 2, 3) },
    { kind: 'copy', offset: 1_065_536, length: 10 },
    { kind: 'copy', offset: 0, length: 2 ** 40 },
  ];

  it('round-trips, a copy that resumes the previous one costing three bytes', () => {
    const bytes = encodeDeltaOps(ops);
    expect(decodeDeltaOps(bytes)).toEqual(ops);
    expect(encodeDeltaOps([ops[0], ops[2]].flatMap((op) => (op ? [op] : []))).length).toBe(4 + 7 + 3);
  });

  const refusals: Array<[string, number[], RegExp]> = [
    ['an unknown operation', [9], /unknown operation tag 9/],
    ['a literal longer than the message', [2, 10, 1, 2], /literal data needs 10 bytes but only 2 remain/],
    ['an empty literal', [2, 0], /a literal is empty/],
    ['a copy of length 0', [1, 0, 0], /a copy has length 0/],
    ['a copy before the start of the basis', [1, 3, 5], /copy offset -2 is outside any file/],
    ['a truncated copy', [1, 0x80], /truncated/],
  ];
  for (const [name, body, message] of refusals) {
    it(`refuses ${name}`, () => {
      expect(() => decodeDeltaOps(Uint8Array.from([0x55, 0x44, 0x4c, 0x31, ...body]))).toThrow(message);
    });
  }

  it('refuses oversized batches and bad operations given to the encoder', () => {
    expect(() => decodeDeltaOps(new Uint8Array(100), 50)).toThrow(/more than the 50 allowed/);
    expect(() => encodeDeltaOps([{ kind: 'copy', offset: -1, length: 1 }])).toThrow(/copy offset -1 is not a non-negative integer/);
    expect(() => encodeDeltaOps([{ kind: 'copy', offset: 0, length: 1.5 }])).toThrow(/copy length 1.5/);
  });
});
