import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzipParallel, levelFor } from '../../../../engine/backup/archive/parallel-gzip';

async function* blocksOf(data: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

describe('parallel gzip', () => {
  const text = Buffer.from('account,amount,description\n1001,250.00,office supplies\n'.repeat(20_000));
  const random = randomBytes(1024 * 1024);

  it('stores blocks that do not compress and compresses the others', () => {
    expect(levelFor(random, 1)).toBe(0);
    expect(levelFor(text, 1)).toBe(1);
    expect(levelFor(Buffer.concat([text.subarray(0, 200_000), random]), 6), 'partly compressible: compressed').toBe(6);
    expect(levelFor(random.subarray(0, 1000), 1), 'too small to judge').toBe(1);
  });

  it('writes members that gunzip reads back as one stream, stored or compressed', async () => {
    const data = Buffer.concat([text, random, text]);
    const parts: Buffer[] = [];
    for await (const part of gzipParallel(blocksOf(data, 100_000), { level: 1, blockBytes: 512 * 1024 })) parts.push(part);
    const gzipped = Buffer.concat(parts);
    expect(zlib.gunzipSync(gzipped).equals(data)).toBe(true);
    expect(gzipped.length).toBeLessThan(data.length);
  });
});
