import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../../../helpers/temp-dir';
import { Random, concat, multiRound, oneRound, sha256, writePair } from './fixtures';

afterAll(removeTempDirs);

/** One random edit: overwrite, insert, delete, duplicate a range elsewhere, append or truncate. */
function edit(data: Uint8Array, rng: Random): Uint8Array {
  const at = rng.int(data.length + 1);
  const length = 1 + rng.int(rng.next() < 0.7 ? 5000 : 200_000);
  switch (rng.int(6)) {
    case 0: {
      const copy = Uint8Array.from(data);
      copy.set(rng.bytes(Math.min(length, data.length - at)), at);
      return copy;
    }
    case 1:
      return concat(data.subarray(0, at), rng.bytes(length), data.subarray(at));
    case 2:
      return concat(data.subarray(0, at), data.subarray(Math.min(data.length, at + length)));
    case 3: {
      const from = rng.int(data.length + 1);
      return concat(data.subarray(0, at), data.subarray(from, from + length), data.subarray(at));
    }
    case 4:
      return concat(data, rng.bytes(length));
    default:
      return data.subarray(0, Math.max(0, data.length - length));
  }
}

describe('randomized edits (seeded: a failure names its seed)', () => {
  const seeds = Array.from({ length: 50 }, (_, i) => 1000 + i);
  it.each(seeds)('seed %i: the Replica ends with the Master file', async (seed) => {
    const rng = new Random(seed);
    const basis = rng.bytes(rng.int(2 * 1024 * 1024));
    let next = basis;
    const edits = rng.int(8);
    for (let i = 0; i < edits; i += 1) next = edit(next, rng);
    const blockSize = rng.next() < 0.3 ? 64 + rng.int(4000) : undefined;
    const pair = writePair(tempDir(), basis, next);
    const result = seed % 2 === 0 ? await multiRound(pair, blockSize) : await oneRound(pair, blockSize);
    expect(sha256(pair.out), `seed ${seed}, ${edits} edits, block size ${blockSize ?? 'chosen'}`).toBe(sha256(pair.next));
    expect(result.stats.newSize).toBe(next.length);
    removeTempDirs();
  });
});
