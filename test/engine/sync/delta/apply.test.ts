import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { applyDelta, DeltaFormatError, type DeltaOp } from '../../../../engine/sync/delta';
import { removeTempDirs, tempDir } from '../../../helpers/temp-dir';
import { Random, writePair } from './fixtures';

afterEach(removeTempDirs);

describe('applyDelta', () => {
  it('builds the output from basis ranges and literals, from an async stream of operations', async () => {
    const basis = new Random(1).bytes(10 * 1024 * 1024 + 5);
    const pair = writePair(tempDir(), basis, new Uint8Array(0));
    async function* ops(): AsyncGenerator<DeltaOp> {
      yield { kind: 'copy', offset: 5, length: 9 * 1024 * 1024 };
      yield { kind: 'literal', data: Uint8Array.of(42) };
      yield { kind: 'copy', offset: 0, length: 5 };
    }
    await applyDelta(pair.basis, ops(), pair.out);
    const out = fs.readFileSync(pair.out);
    expect(out.length).toBe(9 * 1024 * 1024 + 6);
    expect(out.subarray(0, 9 * 1024 * 1024).equals(basis.subarray(5, 9 * 1024 * 1024 + 5))).toBe(true);
    expect([...out.subarray(9 * 1024 * 1024)]).toEqual([42, ...basis.subarray(0, 5)]);
  });

  it('refuses a copy that reaches past the end of the basis, and leaves no partial output', async () => {
    const pair = writePair(tempDir(), new Random(2).bytes(1000), new Uint8Array(0));
    const ops: DeltaOp[] = [
      { kind: 'literal', data: new Uint8Array(10) },
      { kind: 'copy', offset: 900, length: 101 },
    ];
    const applying = applyDelta(pair.basis, ops, pair.out);
    await expect(applying).rejects.toThrow(DeltaFormatError);
    await expect(applyDelta(pair.basis, ops, pair.out)).rejects.toThrow('copy of basis bytes 900–1001 is outside the basis of 1000 bytes');
    expect(fs.existsSync(pair.out)).toBe(false);
  });

  it('refuses operations of an unknown shape', async () => {
    const pair = writePair(tempDir(), new Random(3).bytes(100), new Uint8Array(0));
    const bogus = [{ kind: 'move', from: 1 }] as unknown as DeltaOp[];
    await expect(applyDelta(pair.basis, bogus, pair.out)).rejects.toThrow('Malformed delta operation: unknown kind "move"');
    await expect(applyDelta(pair.basis, [{ kind: 'copy', offset: 0, length: 0 }], pair.out)).rejects.toThrow('copy length 0 is not a positive integer');
  });

  it('writes an empty file for an empty delta', async () => {
    const pair = writePair(tempDir(), new Random(4).bytes(100), new Uint8Array(0));
    await applyDelta(pair.basis, [], pair.out);
    expect(fs.statSync(pair.out).size).toBe(0);
  });
});
