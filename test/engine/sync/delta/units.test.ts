import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseBlockSize, refinedBlockSize, refinementRequest, shouldSendWhole, type MatchPlan } from '../../../../engine/sync/delta';
import { CRC_TABLE, crc32, crcOutTable } from '../../../../engine/sync/delta/crc32';
import { Segments, UNMATCHED } from '../../../../engine/sync/delta/segments';

describe('rolling CRC-32', () => {
  it.each([1, 7, 64, 4096])('equals zlib.crc32 of the window at every offset (window %i)', (window) => {
    const data = randomBytes(6000);
    const out = crcOutTable(window);
    let reg = ~crc32(data.subarray(0, window));
    for (let q = 0; q + window < data.length; q += 1) {
      reg = (CRC_TABLE[(reg ^ (data[q + window] ?? 0)) & 0xff] ?? 0) ^ (reg >>> 8) ^ (out[data[q] ?? 0] ?? 0);
      expect(~reg >>> 0).toBe(zlib.crc32(data.subarray(q + 1, q + 1 + window)));
    }
  });
});

describe('block sizes', () => {
  it.each([
    [0, 512],
    [1_000_000, 2048],
    [8 * 2 ** 20, 8192],
    [2 ** 30, 65536],
    [2 ** 30 - 1, 65536],
    [2 ** 40, 2 * 2 ** 20],
    [2 ** 50, 4 * 2 ** 20],
  ])('a %i-byte file starts with %i-byte blocks', (size, block) => {
    expect(chooseBlockSize(size)).toBe(block);
  });

  it('refines 64 KiB → 4 KiB → 256 B and stops there', () => {
    expect([refinedBlockSize(65536), refinedBlockSize(4096), refinedBlockSize(512), refinedBlockSize(256)]).toEqual([4096, 256, 256, undefined]);
  });
});

function plan(rows: Array<[number, number]>, basisSize: number, blockSize: number): MatchPlan {
  const segments = new Segments();
  let at = 0;
  for (const [length, basisOffset] of rows) {
    segments.add(at, length, basisOffset);
    at += length;
  }
  return { newSize: at, newModified: 0, basisSize, blockSize, segments };
}

describe('refinementRequest', () => {
  it('asks for the unused basis blocks next to an in-place change, at 1/16 of the block size', () => {
    const request = refinementRequest(plan([[65536 * 3, 0], [65536, UNMATCHED], [65536 * 4, 65536 * 4]], 65536 * 8, 65536));
    expect(request?.blockSize).toBe(4096);
    expect([...(request?.blocks ?? [])]).toEqual(Array.from({ length: 16 }, (_, i) => 48 + i));
  });

  it('after a deletion, asks for the basis before the next copy too', () => {
    // new = basis[0, 100K) + basis[300K, 1M): the unmatched row sits between two copies far apart in the basis
    const request = refinementRequest(plan([[65536, 0], [8000, UNMATCHED], [600_000, 327_680]], 1_000_000, 65536));
    const blocks = [...(request?.blocks ?? [])];
    expect(blocks[0]).toBe(16); // right after the first copy (65536 / 4096)
    expect(blocks).toContain(79); // the block ending at 327,680, before the next copy
    expect(blocks.length).toBeLessThanOrEqual(6);
  });

  it('asks for nothing when most of the new file is unmatched: the file is mostly new', () => {
    const mostlyNew = plan([[65536, 0], [65536 * 3, UNMATCHED]], 65536 * 4, 65536);
    expect(refinementRequest(mostlyNew)).toBeUndefined();
    expect(refinementRequest(mostlyNew, { maxUnmatched: 0.8 })?.blockSize).toBe(4096);
  });

  it('asks for nothing when everything matched, the basis is empty or blocks are already small', () => {
    expect(refinementRequest(plan([[1000, 0]], 1000, 512))).toBeUndefined();
    expect(refinementRequest(plan([[1000, UNMATCHED]], 0, 512))).toBeUndefined();
    expect(refinementRequest(plan([[1000, UNMATCHED]], 1000, 256))).toBeUndefined();
  });
});

describe('Segments', () => {
  it('merges copies that continue each other and adjacent unmatched rows', () => {
    const segments = new Segments();
    segments.add(0, 10, 100);
    segments.add(10, 5, 110);
    segments.add(15, 5, UNMATCHED);
    segments.add(20, 5, UNMATCHED);
    segments.add(25, 5, 0);
    expect(segments.count).toBe(3);
    expect([segments.length(0), segments.length(1), segments.basisBefore(1), segments.basisAfter(1, 999)]).toEqual([15, 10, 115, 0]);
    expect(segments.unmatchedBytes()).toBe(10);
  });
});

describe('shouldSendWhole', () => {
  it.each([
    [700, 1000, 0.7, false],
    [701, 1000, 0.7, true],
    [0, 0, 0.7, false],
    [10, 1000, 0, true],
  ])('%i literal bytes of %i at threshold %f → %s', (literalBytes, newSize, threshold, whole) => {
    expect(shouldSendWhole({ literalBytes, copiedBytes: newSize - literalBytes, ops: 1, newSize }, threshold)).toBe(whole);
  });

  it('refuses a threshold outside 0–1', () => {
    expect(() => shouldSendWhole({ literalBytes: 0, copiedBytes: 0, ops: 0, newSize: 0 }, 2)).toThrow(RangeError);
  });
});
