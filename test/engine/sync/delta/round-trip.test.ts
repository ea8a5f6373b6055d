import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../../../helpers/temp-dir';
import { Random, concat, multiRound, oneRound, sha256, writePair } from './fixtures';

afterEach(removeTempDirs);

const random = new Random(20261126);
const base = random.bytes(1_500_000 + 777); // not a multiple of any block size

function overwrite(data: Uint8Array, at: number, replacement: Uint8Array): Uint8Array {
  const copy = Uint8Array.from(data);
  copy.set(replacement, at);
  return copy;
}

function scattered(data: Uint8Array, count: number, length: number, seed: number): Uint8Array {
  const rng = new Random(seed);
  let result = data;
  for (let i = 0; i < count; i += 1) result = overwrite(result, rng.int(data.length - length), rng.bytes(length));
  return result;
}

const cases: Array<[string, Uint8Array, Uint8Array]> = [
  ['identical files', base, base],
  ['an empty basis', new Uint8Array(0), base],
  ['an empty new file', base, new Uint8Array(0)],
  ['both empty', new Uint8Array(0), new Uint8Array(0)],
  ['scattered in-place changes', base, scattered(base, 12, 4096, 1)],
  ['an insertion near the start', base, concat(base.subarray(0, 100), random.bytes(100), base.subarray(100))],
  ['an insertion in the middle', base, concat(base.subarray(0, 750_001), random.bytes(3333), base.subarray(750_001))],
  ['an insertion near the end', base, concat(base.subarray(0, base.length - 50), random.bytes(10), base.subarray(base.length - 50))],
  ['a deletion in the middle', base, concat(base.subarray(0, 600_000), base.subarray(640_123))],
  ['an appended tail', base, concat(base, random.bytes(70_000))],
  ['a truncated tail', base, base.subarray(0, 1_234_567)],
  ['completely different content', base, random.bytes(1_200_000)],
  ['a file smaller than one block', random.bytes(300), random.bytes(200)],
  ['a small file edited in place', base.subarray(0, 700), overwrite(base.subarray(0, 700), 10, random.bytes(5))],
  ['a moved block', base, concat(base.subarray(900_000, 1_000_000), base.subarray(0, 900_000), base.subarray(1_000_000))],
  ['a repeated pattern', new Uint8Array(400_000).fill(7), concat(new Uint8Array(1000).fill(7), random.bytes(17), new Uint8Array(401_000).fill(7))],
];

describe('block-level resynchronization reproduces the new file byte for byte', () => {
  for (const [name, basis, next] of cases) {
    it(`with ${name}, in one round and in several`, async () => {
      const pair = writePair(tempDir(), basis, next);
      const expected = sha256(pair.next);

      const single = await oneRound(pair);
      expect(sha256(pair.out)).toBe(expected);
      expect(single.stats.newSize).toBe(next.length);
      expect(single.stats.literalBytes + single.stats.copiedBytes).toBe(next.length);

      const multi = await multiRound(pair);
      expect(sha256(pair.out)).toBe(expected);
      expect(multi.stats.literalBytes + multi.stats.copiedBytes).toBe(next.length);
    });
  }

  it('sends only the inserted bytes and a little context when 100 bytes are inserted near the start', async () => {
    const next = concat(base.subarray(0, 5000), random.bytes(100), base.subarray(5000));
    const pair = writePair(tempDir(), base, next);
    const report = await multiRound(pair);
    expect(sha256(pair.out)).toBe(sha256(pair.next));
    expect(report.stats.literalBytes).toBeLessThanOrEqual(100 + 2 * 256);
    expect(report.wireBytes).toBeLessThan(base.length / 50);
  });

  it('finds a shifted run in one round although only every 8th block carries a weak hash', async () => {
    const next = concat(base.subarray(0, 5000), random.bytes(100), base.subarray(5000));
    const pair = writePair(tempDir(), base, next);
    const { stats } = await oneRound(pair, 1024);
    expect(sha256(pair.out)).toBe(sha256(pair.next));
    expect(stats.literalBytes).toBeLessThanOrEqual(100 + 2 * 1024); // only the block holding the insertion
  });

  it('sends nothing but copies for identical files', async () => {
    const pair = writePair(tempDir(), base, base);
    const report = await multiRound(pair);
    expect(report.stats).toEqual({ literalBytes: 0, copiedBytes: base.length, ops: 1, newSize: base.length });
    expect(report.rounds).toBe(1);
  });

  it('does not refine a completely different file: one round, everything literal', async () => {
    const pair = writePair(tempDir(), base, random.bytes(900_000));
    const report = await multiRound(pair);
    expect(sha256(pair.out)).toBe(sha256(pair.next));
    expect(report.rounds).toBe(1);
    expect(report.stats.literalBytes).toBe(900_000);
  });

  it('handles sizes that are not multiples of the block size, with explicit small blocks', async () => {
    for (const blockSize of [64, 100, 1000]) {
      const pair = writePair(tempDir(), base.subarray(0, 54_321), scattered(base.subarray(0, 54_321), 3, 50, blockSize));
      await oneRound(pair, blockSize);
      expect(sha256(pair.out)).toBe(sha256(pair.next));
      await multiRound(pair, blockSize);
      expect(sha256(pair.out)).toBe(sha256(pair.next));
    }
  });
});
