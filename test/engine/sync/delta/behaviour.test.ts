import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { computeDelta, computeSignature, emitDelta, FileChangedError, matchSignature, shouldSendWhole } from '../../../../engine/sync/delta';
import { removeTempDirs, tempDir } from '../../../helpers/temp-dir';
import { Random, oneRound, writePair } from './fixtures';

afterEach(removeTempDirs);

const MiB = 1024 * 1024;

describe('working on large files', () => {
  it('keeps the event loop responsive while hashing and rolling (yields at least every chunk)', async () => {
    const rng = new Random(21);
    const pair = writePair(tempDir(), rng.bytes(40 * MiB), rng.bytes(12 * MiB)); // unrelated: the Master rolls all 12 MiB
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const signature = await computeSignature(pair.basis);
    const stats = await computeDelta(pair.next, signature, () => undefined);
    delay.disable();
    expect(stats.literalBytes).toBe(12 * MiB);
    // ~2 ms of work per 4 MiB chunk and ≤ 1 MiB rolled between yields; generous for a busy CI machine
    expect(delay.max / 1e6).toBeLessThan(150);
  });

  it('waits for a slow consumer instead of buffering: emit is awaited before reading on', async () => {
    const rng = new Random(22);
    const pair = writePair(tempDir(), rng.bytes(2 * MiB), rng.bytes(3 * MiB));
    const signature = await computeSignature(pair.basis);
    let inFlight = 0;
    let maxInFlight = 0;
    await computeDelta(pair.next, signature, async (op) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      expect(op.kind === 'literal' ? op.data.length : 0).toBeLessThanOrEqual(MiB);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
    });
    expect(maxInFlight).toBe(1);
  });

  it('passes a failing consumer error through to the caller', async () => {
    const pair = writePair(tempDir(), new Random(23).bytes(100_000), new Random(24).bytes(100_000));
    const signature = await computeSignature(pair.basis);
    await expect(
      computeDelta(pair.next, signature, () => {
        throw new Error('transport closed');
      }),
    ).rejects.toThrow('transport closed');
  });
});

describe('files that change during synchronization', () => {
  it('refuses to emit a delta for a new file that changed after it was matched', async () => {
    const rng = new Random(25);
    const pair = writePair(tempDir(), rng.bytes(300_000), rng.bytes(300_000));
    const plan = await matchSignature(pair.next, await computeSignature(pair.basis));
    fs.appendFileSync(pair.next, 'more');
    await expect(emitDelta(pair.next, plan, () => undefined)).rejects.toThrow(FileChangedError);
    await expect(emitDelta(pair.next, plan, () => undefined)).rejects.toThrow(/new\.bin changed while it was being read \(after it was matched\); synchronize it again/);
  });

  it('refuses a refinement round against a new file that changed between rounds', async () => {
    const rng = new Random(26);
    const pair = writePair(tempDir(), rng.bytes(300_000), rng.bytes(300_000));
    const signature = await computeSignature(pair.basis);
    const plan = await matchSignature(pair.next, signature);
    fs.truncateSync(pair.next, 1000);
    await expect(matchSignature(pair.next, signature, plan)).rejects.toThrow(/between synchronization rounds/);
  });

  it('names a refinement block beyond the basis', async () => {
    const pair = writePair(tempDir(), new Random(27).bytes(10_000), new Uint8Array(0));
    await expect(computeSignature(pair.basis, { blockSize: 1024, blocks: Uint32Array.of(3, 10) })).rejects.toThrow('block 10 is beyond the basis, which has 10 blocks');
  });
});

describe('whole-file fallback', () => {
  it('recommends sending a completely different file whole, and a lightly edited one as a delta', async () => {
    const rng = new Random(28);
    const basis = rng.bytes(MiB);
    const different = writePair(tempDir(), basis, rng.bytes(MiB));
    expect(shouldSendWhole((await oneRound(different)).stats)).toBe(true);
    const edited = Uint8Array.from(basis);
    edited.set(rng.bytes(1000), 5000);
    expect(shouldSendWhole((await oneRound(writePair(tempDir(), basis, edited))).stats)).toBe(false);
  });
});
