import { describe, expect, it } from 'vitest';
import { changedRuns } from '../../../../engine/replica/journal/journaling';

function edited(base: Buffer, at: number[]): Buffer {
  const copy = Buffer.from(base);
  for (const offset of at) copy[offset] = (copy[offset] ?? 0) ^ 0xff;
  return copy;
}

describe('before-images keep only the blocks a write changes', () => {
  const old = Buffer.from(Array.from({ length: 1000 }, (_, index) => index % 251));
  it.each<[string, number[], [number, number][]]>([
    ['nothing changed', [], []],
    ['one byte: its 256-byte block', [300], [[4096 + 256, 256]]],
    ['two neighbouring blocks merge into one run', [255, 256], [[4096, 512]]],
    ['separate blocks stay separate', [10, 600], [[4096, 256], [4096 + 512, 256]]],
    ['the short last block', [999], [[4096 + 768, 232]]],
  ])('%s', (_, changedAt, expected) => {
    const runs = changedRuns(old, edited(old, changedAt), 4096);
    expect(runs.map((run) => [run.offset, run.data.byteLength])).toEqual(expected);
    for (const run of runs) expect(Buffer.from(run.data)).toEqual(old.subarray(run.offset - 4096, run.offset - 4096 + run.data.byteLength));
  });
});
