import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { applyDelta, FileChangedError, prepareOutput, resyncInProcess, type DeltaOp } from '../../../../engine/sync/delta';
import { removeTempDirs, tempDir } from '../../../helpers/temp-dir';
import { Random, concat, sha256, writePair } from './fixtures';

afterEach(removeTempDirs);

describe('applying onto a prepared output (a copy of the basis made while the Master matched)', () => {
  const rng = new Random(31);
  const basis = rng.bytes(3 * 1024 * 1024 + 11);

  it('writes only what is not at its place, and cuts the file to the new size', async () => {
    const pair = writePair(tempDir(), basis, new Uint8Array(0));
    const prepared = await prepareOutput(pair.basis, pair.out);
    expect(sha256(pair.out)).toBe(sha256(pair.basis));
    // Mark two bytes inside ranges the delta copies to their own place: they must stay untouched.
    const fd = fs.openSync(pair.out, 'r+');
    fs.writeSync(fd, Uint8Array.of(0xaa), 0, 1, 500);
    fs.writeSync(fd, Uint8Array.of(0xbb), 0, 1, 501_030);
    fs.closeSync(fd);
    const ops: DeltaOp[] = [
      { kind: 'copy', offset: 0, length: 1000 }, // at its place: skipped
      { kind: 'literal', data: new Uint8Array(24).fill(9) },
      { kind: 'copy', offset: 2_000_000, length: 500_000 }, // moved: written
      { kind: 'copy', offset: 501_024, length: 10 }, // at its place again: skipped
    ];
    await applyDelta(pair.basis, ops, pair.out, prepared);
    const out = fs.readFileSync(pair.out);
    expect(out.length).toBe(501_034);
    expect([out[500], out[501_030]]).toEqual([0xaa, 0xbb]);
    out[500] = basis[500] ?? 0;
    out[501_030] = basis[501_030] ?? 0;
    const expected = concat(basis.subarray(0, 1000), new Uint8Array(24).fill(9), basis.subarray(2_000_000, 2_500_000), basis.subarray(501_024, 501_034));
    expect(out.equals(expected)).toBe(true);
  });

  it('produces the new file in the full exchange, with and without preparation, for edits and shifts', async () => {
    const edited = Uint8Array.from(basis);
    edited.set(rng.bytes(5000), 1_000_000);
    for (const next of [edited, concat(basis.subarray(0, 100), rng.bytes(100), basis.subarray(100)), concat(basis, rng.bytes(3000)), basis.subarray(0, 2_000_000)]) {
      const pair = writePair(tempDir(), basis, next);
      for (const prepare of [true, false]) {
        await resyncInProcess(pair.basis, pair.next, pair.out, { prepare });
        expect(sha256(pair.out), `prepare ${prepare}`).toBe(sha256(pair.next));
      }
    }
  });

  it('refuses a prepared output when the basis changed after it was copied', async () => {
    const pair = writePair(tempDir(), basis, new Uint8Array(0));
    const prepared = await prepareOutput(pair.basis, pair.out);
    fs.appendFileSync(pair.basis, 'x');
    await expect(applyDelta(pair.basis, [{ kind: 'copy', offset: 0, length: 10 }], pair.out, prepared)).rejects.toThrow(FileChangedError);
    expect(fs.existsSync(pair.out)).toBe(false);
  });
});
