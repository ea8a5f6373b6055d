import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SegmentIndex } from '../../../engine/spool/segment-index';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir';

afterEach(() => removeTempDirs());

function indexOf(dir: string, ranges: [number, number][]): SegmentIndex {
  const index = new SegmentIndex();
  for (const [first, last] of ranges) {
    const file = path.join(dir, `${first}.seg`);
    fs.writeFileSync(file, 'x');
    index.add(first, file, 1, last);
  }
  return index;
}

describe('SegmentIndex', () => {
  it('finds the segment holding a seq, or the next one after it', () => {
    const index = indexOf(tempDir(), [
      [1, 10],
      [11, 20],
      [21, 25],
    ]);
    expect([1, 10, 11, 20, 21, 25, 26].map((seq) => index.find(seq)?.firstSeq)).toEqual([1, 1, 11, 11, 21, 21, undefined]);
  });

  it('defers deleting a removed segment file until the last reader lets go of it', async () => {
    const dir = tempDir();
    const index = indexOf(dir, [
      [1, 10],
      [11, 20],
    ]);
    const [first] = index.all;
    if (!first) throw new Error('no segment');
    expect(index.pin(first)).toBe(true);
    await index.remove((entry) => entry.lastSeq <= 10);
    expect(index.all.map((entry) => entry.firstSeq)).toEqual([11]);
    expect(fs.existsSync(first.file)).toBe(true); // still being read
    expect(index.pin(first)).toBe(false); // no new reader may start on it
    await index.unpin(first);
    expect(fs.existsSync(first.file)).toBe(false);
  });
});
