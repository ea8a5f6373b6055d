import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { SegmentLog, SpoolLimitError } from '../../../engine/spool/segment-log';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir';

const logs: SegmentLog[] = [];

async function openLog(options: { maxBytes?: number; minFreeBytes?: number }): Promise<SegmentLog> {
  const log = await SegmentLog.open({ dir: tempDir(), groupCommitMs: 1, ...options });
  logs.push(log);
  return log;
}

afterEach(async () => {
  for (const log of logs.splice(0)) await log.close();
  removeTempDirs();
});

const kib = (n: number): Uint8Array => new Uint8Array(n * 1024 - 24); // 24-byte header: exactly n KiB on disk

describe('spool limits', () => {
  it('refuses an append past maxBytes with SpoolLimitError(max-size), writes nothing of it, and accepts again once acknowledged', async () => {
    const log = await openLog({ maxBytes: 10 * 1024 });
    expect(await log.appendBatch([kib(4), kib(4)])).toEqual([1, 2]);
    const refused = log.append(kib(3));
    await expect(refused).rejects.toBeInstanceOf(SpoolLimitError);
    await expect(refused).rejects.toMatchObject({ reason: 'max-size', limitBytes: 10 * 1024 });
    expect(log.usage()).toMatchObject({ records: 2, bytes: 8 * 1024, lastSeq: 2 });
    expect(await log.append(kib(2))).toBe(3); // exactly at the limit is allowed
    await log.acknowledge(2);
    expect(await log.append(kib(3))).toBe(4);
    expect((await log.read(1, 10, 1 << 20)).map((r) => r.seq)).toEqual([3, 4]);
  });

  it('counts appends still waiting to commit against maxBytes', async () => {
    const log = await openLog({ maxBytes: 10 * 1024 });
    const first = log.append(kib(6));
    await expect(log.append(kib(6))).rejects.toMatchObject({ reason: 'max-size' });
    expect(await first).toBe(1);
  });

  it('refuses a batch that would cross maxBytes as a whole', async () => {
    const log = await openLog({ maxBytes: 10 * 1024 });
    await expect(log.appendBatch([kib(4), kib(4), kib(4)])).rejects.toMatchObject({ reason: 'max-size' });
    expect(log.usage().lastSeq).toBe(0);
    expect(await log.appendBatch([kib(4), kib(4)])).toEqual([1, 2]);
  });

  it('refuses appends with SpoolLimitError(min-free) when minFreeBytes exceeds the free space on the disk; a minimum that fits lets them through', async () => {
    const dir = tempDir();
    const stats = fs.statfsSync(dir);
    const free = stats.bavail * stats.bsize;
    const log = await SegmentLog.open({ dir, minFreeBytes: free + 1024 ** 3 });
    logs.push(log);
    await expect(log.append(kib(1))).rejects.toMatchObject({ name: 'SpoolLimitError', reason: 'min-free' });
    expect(log.usage().lastSeq).toBe(0);
    const roomy = await openLog({ minFreeBytes: 1024 });
    expect(await roomy.append(kib(1))).toBe(1);
  });

  it('refuses payloads larger than a record can hold', async () => {
    const log = await openLog({});
    await expect(log.append(new Uint8Array(64 * 1024 * 1024 + 1))).rejects.toThrow(RangeError);
    expect(await log.append(kib(1))).toBe(1);
  });
});
