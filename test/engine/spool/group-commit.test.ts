import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SegmentLog } from '../../../engine/spool/segment-log';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir';
import { sameBytes } from './spool-fixtures';

const logs: SegmentLog[] = [];

async function openLog(groupCommitMs: number): Promise<SegmentLog> {
  const log = await SegmentLog.open({ dir: tempDir(), groupCommitMs });
  logs.push(log);
  return log;
}

afterEach(async () => {
  for (const log of logs.splice(0)) await log.close();
  removeTempDirs();
});

const record = (i: number): Uint8Array => Uint8Array.from({ length: 64 }, (_, j) => (i + j) & 0xff);

describe('group commit', () => {
  it('makes 1,000 concurrent appends durable with far fewer fsyncs than appends, seqs in call order', async () => {
    const log = await openLog(5);
    const syncsBefore = log.stats().syncs;
    const seqs = await Promise.all(Array.from({ length: 1_000 }, (_, i) => log.append(record(i))));
    const syncs = log.stats().syncs - syncsBefore;
    expect(seqs).toEqual(Array.from({ length: 1_000 }, (_, i) => i + 1));
    expect(syncs).toBeLessThan(20); // one fsync per append would be 1,000
    const stored = await log.read(1, 1_000, 1_000_000);
    expect(stored.every((r, i) => sameBytes(r.payload, record(i)))).toBe(true);
  });

  it('with groupCommitMs = 0 gives each awaited append its own fsync', async () => {
    const log = await openLog(0);
    await log.append(record(0)); // creates the segment: file + folder fsync
    const syncsBefore = log.stats().syncs;
    for (let i = 1; i <= 20; i++) await log.append(record(i));
    expect(log.stats().syncs - syncsBefore).toBe(20);
  });

  it('with groupCommitMs = 0 still lets appends made while an fsync is in flight share the next one', async () => {
    const log = await openLog(0);
    await log.append(record(0));
    const syncsBefore = log.stats().syncs;
    await Promise.all(Array.from({ length: 200 }, (_, i) => log.append(record(i))));
    expect(log.stats().syncs - syncsBefore).toBeLessThanOrEqual(2);
  });

  it('resolves an append only after the commit that carries it (close waits for pending commits)', async () => {
    const log = await openLog(50);
    let resolved = false;
    const pending = log.append(record(1)).then((seq) => {
      resolved = true;
      return seq;
    });
    expect(log.stats().commits).toBe(0);
    await log.close();
    expect(resolved).toBe(true);
    expect(await pending).toBe(1);
    await expect(log.append(record(2))).rejects.toMatchObject({ name: 'SpoolUnavailableError' });
  });

  it('after a failed write refuses every later append until reopened, and reopening recovers the durable records', async () => {
    const dir = tempDir();
    const log = await SegmentLog.open({ dir, groupCommitMs: 0, segmentBytes: 100 });
    logs.push(log);
    await log.append(record(1));
    const blocker = path.join(dir, '00000000000000000002.seg');
    fs.mkdirSync(blocker); // the next record rolls over, and its segment file cannot be created
    await expect(log.append(record(2))).rejects.toMatchObject({ name: 'SpoolUnavailableError' });
    await expect(log.append(record(3))).rejects.toMatchObject({ name: 'SpoolUnavailableError' });
    fs.rmdirSync(blocker);
    const reopened = await SegmentLog.open({ dir, groupCommitMs: 0, segmentBytes: 100 });
    logs.push(reopened);
    expect((await reopened.read(1, 10, 1_000)).map((r) => r.seq)).toEqual([1]);
    expect(await reopened.append(record(2))).toBe(2);
  });
});
