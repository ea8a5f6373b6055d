import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { applyDelta, computeSignature, decodeDeltaOps, DeltaFormatError, encodeDeltaOps, matchSignature, type DeltaOp } from '../../../../engine/sync/delta';
import { removeTempDirs, tempDir } from '../../../helpers/temp-dir';
import { Random, concat, writePair } from './fixtures';

afterEach(removeTempDirs);

const rng = new Random(31);
const basis = rng.bytes(3 * 1024 * 1024 + 11);

describe('place operations: copies written out of order, while the Master is still scanning', () => {
  it('writes placed ranges at their position and skips them in the in-order pass', async () => {
    const pair = writePair(tempDir(), basis, new Uint8Array(0));
    const literal = new Uint8Array(24).fill(9);
    const ops: DeltaOp[] = [
      { kind: 'place', at: 0, offset: 0, length: 1000 },
      { kind: 'place', at: 1024, offset: 2_000_000, length: 500_000 },
      // in order: the copies overlap what was placed, with the same basis offsets
      { kind: 'copy', offset: 0, length: 1000 },
      { kind: 'literal', data: literal },
      { kind: 'copy', offset: 2_000_000, length: 600_000 }, // its last 100,000 bytes were not placed
    ];
    await applyDelta(pair.basis, decodeDeltaOps(encodeDeltaOps(ops)), pair.out);
    const expected = concat(basis.subarray(0, 1000), literal, basis.subarray(2_000_000, 2_600_000));
    expect(fs.readFileSync(pair.out).equals(expected)).toBe(true);
  });

  it('encodes a place at its own offset in a few bytes', () => {
    const bytes = encodeDeltaOps([{ kind: 'place', at: 65536, offset: 65536, length: 16 * 1024 * 1024 }]);
    expect(bytes.length).toBe(4 + 1 + 3 + 1 + 4);
    expect(decodeDeltaOps(bytes)).toEqual([{ kind: 'place', at: 65536, offset: 65536, length: 16 * 1024 * 1024 }]);
  });

  const refusals: Array<[string, DeltaOp[], RegExp]> = [
    [
      'an in-order copy that disagrees with what was placed',
      [
        { kind: 'place', at: 0, offset: 100, length: 1000 },
        { kind: 'copy', offset: 0, length: 1000 },
      ],
      /copy to 0 disagrees with what was placed at 0/,
    ],
    [
      'literal bytes over placed ones',
      [
        { kind: 'place', at: 10, offset: 0, length: 10 },
        { kind: 'literal', data: new Uint8Array(20) },
      ],
      /literal bytes at 0 overwrite what was placed at 10/,
    ],
    ['a place beyond the end of the new file', [{ kind: 'place', at: 0, offset: 0, length: 100 }, { kind: 'copy', offset: 0, length: 50 }], /placed up to 100, beyond the new file's 50 bytes/],
    [
      'a place behind what was already written',
      [
        { kind: 'copy', offset: 0, length: 100 },
        { kind: 'place', at: 50, offset: 0, length: 10 },
      ],
      /place at 50 is behind bytes already written in order \(100\)/,
    ],
    ['a place outside the basis', [{ kind: 'place', at: 0, offset: basis.length - 5, length: 10 }], /is outside the basis of/],
    [
      'places out of order',
      [
        { kind: 'place', at: 100, offset: 0, length: 10 },
        { kind: 'place', at: 50, offset: 0, length: 10 },
      ],
      /place at 50 overlaps or precedes the previous one/,
    ],
  ];
  for (const [name, ops, message] of refusals) {
    it(`refuses ${name}, leaving no output`, async () => {
      const pair = writePair(tempDir(), basis, new Uint8Array(0));
      await expect(applyDelta(pair.basis, ops, pair.out)).rejects.toThrow(DeltaFormatError);
      await expect(applyDelta(pair.basis, ops, pair.out)).rejects.toThrow(message);
      expect(fs.existsSync(pair.out)).toBe(false);
    });
  }

  it('refuses a malformed place on the wire', () => {
    expect(() => decodeDeltaOps(Uint8Array.from([0x55, 0x44, 0x4c, 0x31, 3, 1, 0, 5]))).toThrow(/place of basis -1 at -1 is outside any file/);
    expect(() => decodeDeltaOps(Uint8Array.from([0x55, 0x44, 0x4c, 0x31, 3, 0, 0, 0]))).toThrow(/a place has length 0/);
  });
});

describe('the first round places its copies while it scans', () => {
  it('emits place operations covering exactly the copies of the first-round plan, in order', async () => {
    const next = concat(basis.subarray(0, 300_000), rng.bytes(5000), basis.subarray(300_000));
    const pair = writePair(tempDir(), basis, next);
    const places: DeltaOp[] = [];
    const plan = await matchSignature(pair.next, await computeSignature(pair.basis), undefined, (op) => {
      places.push(op);
    });
    const copies: DeltaOp[] = [];
    for (let row = 0; row < plan.segments.count; row += 1) {
      const offset = plan.segments.basisOffset(row);
      if (offset >= 0) copies.push({ kind: 'place', at: plan.segments.newStart(row), offset, length: plan.segments.length(row) });
    }
    const merged: DeltaOp[] = [];
    for (const op of places) {
      const last = merged[merged.length - 1];
      if (op.kind === 'place' && last?.kind === 'place' && last.at + last.length === op.at && last.offset + last.length === op.offset) last.length += op.length;
      else merged.push({ ...op });
    }
    expect(merged).toEqual(copies);
    expect(places.every((op) => op.kind === 'place' && op.length <= 16 * 1024 * 1024)).toBe(true);
  });
});
