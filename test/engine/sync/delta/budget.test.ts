import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../../../helpers/temp-dir';
import { Random, multiRound, oneRound, sha256, writePair } from './fixtures';

afterEach(removeTempDirs);

const MiB = 1024 * 1024;
const CHANGE = 4096;

function tenScatteredChanges(seed: number): { basis: Uint8Array; next: Uint8Array } {
  const rng = new Random(seed);
  const basis = rng.bytes(8 * MiB);
  const next = Uint8Array.from(basis);
  for (let i = 0; i < 10; i += 1) next.set(rng.bytes(CHANGE), Math.floor(((i + rng.next()) * (basis.length - CHANGE)) / 10));
  return { basis, next };
}

describe('byte budgets: an 8 MiB file with 10 scattered 4 KiB changes', () => {
  it('one round with 4 KiB blocks sends at most 4 KiB + one block of literal bytes per change', async () => {
    const { basis, next } = tenScatteredChanges(11);
    const pair = writePair(tempDir(), basis, next);
    const { stats, wireBytes } = await oneRound(pair, 4096);
    expect(sha256(pair.out)).toBe(sha256(pair.next));
    expect(stats.literalBytes).toBeLessThanOrEqual(10 * (CHANGE + 4096));
    expect(wireBytes).toBeLessThan(stats.literalBytes + 2048 * 8.5 + 1000); // 8 bytes per 4 KiB block signed, 4 more for every 8th
  });

  it('several rounds send at most 4 KiB + 2 × 256 bytes of literal per change, and under 60 KB in all', async () => {
    const { basis, next } = tenScatteredChanges(12);
    const pair = writePair(tempDir(), basis, next);
    const report = await multiRound(pair);
    expect(sha256(pair.out)).toBe(sha256(pair.next));
    expect(report.rounds).toBe(3);
    expect(report.stats.literalBytes).toBeLessThanOrEqual(10 * (CHANGE + 2 * 256));
    // 1,024 blocks of 8 KiB signed (~9 KB), refinements at 512 and 256 bytes (~6 KB), 41 KiB of literal
    expect(report.wireBytes).toBeLessThan(60_000);
  });

  it('a shift in the middle of the file costs the shifted bytes and a few hundred bytes of context', async () => {
    const rng = new Random(13);
    const basis = rng.bytes(8 * MiB);
    const cut = 3 * MiB + 12_345;
    const next = Uint8Array.from(Buffer.concat([basis.subarray(0, cut), rng.bytes(777), basis.subarray(cut + 10_000)]));
    const pair = writePair(tempDir(), basis, next);
    const report = await multiRound(pair);
    expect(sha256(pair.out)).toBe(sha256(pair.next));
    expect(report.stats.literalBytes).toBeLessThanOrEqual(777 + 2 * 256);
    expect(report.wireBytes).toBeLessThan(20_000);
  });
});
