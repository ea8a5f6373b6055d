import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SegmentLog, type SpoolOptions } from '../../../engine/spool/segment-log';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir';
import { segmentFiles, text, textPayload } from './spool-fixtures';

const open: SegmentLog[] = [];

async function openLog(options: Partial<SpoolOptions> & { dir: string }): Promise<SegmentLog> {
  const log = await SegmentLog.open({ groupCommitMs: 1, ...options });
  open.push(log);
  return log;
}

afterEach(async () => {
  for (const log of open.splice(0)) await log.close();
  removeTempDirs();
});

const texts = (records: { payload: Uint8Array }[]): string[] => records.map((record) => text(record.payload));

describe('SegmentLog round trip', () => {
  it('gives contiguous seqs from 1 and reads back every record with its payload and append time', async () => {
    let clock = 1_000;
    const log = await openLog({ dir: tempDir(), now: () => clock++ });
    const seqs = await Promise.all(['a', 'bb', '', 'dddd'].map((t) => log.append(textPayload(t))));
    expect(seqs).toEqual([1, 2, 3, 4]);
    const records = await log.read(1, 100, 1_000_000);
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect(texts(records)).toEqual(['a', 'bb', '', 'dddd']);
    expect(records.map((r) => r.appendedAtMs)).toEqual([1_000, 1_001, 1_002, 1_003]);
    expect(log.usage()).toEqual({ records: 4, bytes: 4 * 24 + 7, firstSeq: 1, lastSeq: 4, ackedSeq: 0, oldestAppendedAtMs: 1_000 });
  });

  it('appendBatch gives one contiguous run of seqs made durable by one commit', async () => {
    const log = await openLog({ dir: tempDir() });
    await log.append(textPayload('first'));
    const before = log.stats().commits;
    expect(await log.appendBatch(['x', 'y', 'z'].map(textPayload))).toEqual([2, 3, 4]);
    expect(log.stats().commits).toBe(before + 1);
    expect(await log.appendBatch([])).toEqual([]);
  });

  it('read respects fromSeq, maxRecords and maxBytes, and returns one oversized record rather than none', async () => {
    const dir = tempDir();
    const log = await openLog({ dir, segmentBytes: 200 });
    for (let i = 1; i <= 20; i++) await log.append(textPayload(`record-${String(i).padStart(2, '0')}`)); // 9 bytes each
    expect(segmentFiles(dir)).toHaveLength(4);
    expect((await log.read(5, 3, 1_000)).map((r) => r.seq)).toEqual([5, 6, 7]);
    expect((await log.read(18, 10, 1_000)).map((r) => r.seq)).toEqual([18, 19, 20]);
    expect((await log.read(1, 100, 27)).map((r) => r.seq)).toEqual([1, 2, 3]);
    expect((await log.read(10, 100, 5)).map((r) => r.seq)).toEqual([10]);
    expect(await log.read(21, 10, 1_000)).toEqual([]);
    // Across segment boundaries (200-byte segments hold 6 records) and from a random start.
    expect(texts(await log.read(4, 12, 10_000))).toEqual(Array.from({ length: 12 }, (_, i) => `record-${String(i + 4).padStart(2, '0')}`));
  });

  it('does not return records whose append has not yet become durable', async () => {
    const log = await openLog({ dir: tempDir(), groupCommitMs: 50 });
    const pending = log.append(textPayload('later'));
    expect(await log.read(1, 10, 1_000)).toEqual([]);
    expect(await pending).toBe(1);
    expect(texts(await log.read(1, 10, 1_000))).toEqual(['later']);
  });

  it('tells onAppend listeners after appends are durable, and stops after unsubscribe', async () => {
    const log = await openLog({ dir: tempDir() });
    const seen: number[] = [];
    const unsubscribe = log.onAppend(() => seen.push(log.usage().lastSeq));
    await log.append(textPayload('one'));
    await log.appendBatch([textPayload('two'), textPayload('three')]);
    unsubscribe();
    await log.append(textPayload('four'));
    expect(seen).toEqual([1, 3]);
  });
});

describe('SegmentLog acknowledgements', () => {
  it('drops acknowledged records from reads and usage, deletes fully acknowledged segment files, and keeps that after reopen', async () => {
    const dir = tempDir();
    const log = await openLog({ dir, segmentBytes: 100, now: () => 7 });
    for (let i = 1; i <= 12; i++) await log.append(textPayload(`r${String(i).padStart(2, '0')}`)); // 27 bytes on disk, 3 per segment
    expect(segmentFiles(dir)).toEqual(['00000000000000000001.seg', '00000000000000000004.seg', '00000000000000000007.seg', '00000000000000000010.seg']);

    await log.acknowledge(5);
    expect(segmentFiles(dir)).toEqual(['00000000000000000004.seg', '00000000000000000007.seg', '00000000000000000010.seg']);
    expect((await log.read(1, 100, 10_000)).map((r) => r.seq)).toEqual([6, 7, 8, 9, 10, 11, 12]);
    expect(log.usage()).toEqual({ records: 7, bytes: 7 * 27, firstSeq: 6, lastSeq: 12, ackedSeq: 5, oldestAppendedAtMs: 7 });

    await log.acknowledge(3); // older than what is acknowledged: nothing changes
    expect(log.usage().ackedSeq).toBe(5);
    await log.close();

    const reopened = await openLog({ dir, segmentBytes: 100 });
    expect(reopened.usage()).toMatchObject({ records: 7, bytes: 7 * 27, firstSeq: 6, lastSeq: 12, ackedSeq: 5 });
    expect((await reopened.read(1, 100, 10_000)).map((r) => r.seq)).toEqual([6, 7, 8, 9, 10, 11, 12]);
    await reopened.acknowledge(12);
    expect(segmentFiles(dir)).toEqual([]);
    expect(reopened.usage()).toEqual({ records: 0, bytes: 0, firstSeq: undefined, lastSeq: 12, ackedSeq: 12, oldestAppendedAtMs: undefined });
    expect(await reopened.read(1, 100, 10_000)).toEqual([]);
    expect(await reopened.append(textPayload('r13'))).toBe(13);
    expect(texts(await reopened.read(1, 100, 10_000))).toEqual(['r13']);
    expect(segmentFiles(dir)).toEqual(['00000000000000000013.seg']);
  });

  it('keeps the segment being appended to when everything in it is acknowledged, and deletes it once it rolls over', async () => {
    const dir = tempDir();
    const log = await openLog({ dir, segmentBytes: 100 });
    await log.appendBatch(['a', 'b'].map(textPayload));
    await log.acknowledge(2);
    expect(segmentFiles(dir)).toEqual(['00000000000000000001.seg']); // reused by the next append: no file churn
    await log.appendBatch(['c', 'd', 'e'].map(textPayload)); // 25 bytes each: e rolls over
    await log.acknowledge(4);
    expect(segmentFiles(dir)).toEqual(['00000000000000000005.seg']);
    expect(texts(await log.read(1, 10, 1_000))).toEqual(['e']);
  });

  it('refuses to acknowledge a seq that was never durable', async () => {
    const log = await openLog({ dir: tempDir() });
    await log.append(textPayload('only'));
    await expect(log.acknowledge(2)).rejects.toThrow(RangeError);
    await expect(log.acknowledge(1.5)).rejects.toThrow(RangeError);
  });

  it('lets concurrent acknowledgements share one save, the highest winning', async () => {
    const log = await openLog({ dir: tempDir() });
    await log.appendBatch(Array.from({ length: 10 }, (_, i) => textPayload(`r${i + 1}`)));
    const syncsBefore = log.stats().syncs;
    await Promise.all([3, 9, 5, 7].map((seq) => log.acknowledge(seq)));
    expect(log.usage().ackedSeq).toBe(9);
    // All four arrive before the save starts: one save (file fsync + folder fsync) covers them.
    expect(log.stats().syncs - syncsBefore).toBeLessThanOrEqual(2);
  });
});

describe('SegmentLog reopen and reset', () => {
  it('continues seqs after close and reopen, with every record intact', async () => {
    const dir = tempDir();
    const first = await openLog({ dir, segmentBytes: 64 });
    for (const t of ['a', 'b', 'c']) await first.append(textPayload(t));
    await first.close();
    const second = await openLog({ dir, segmentBytes: 64 });
    expect(second.recovered).toEqual({ tailRepair: undefined, removedSegments: 0, removedTempFiles: 0 });
    expect(await second.append(textPayload('d'))).toBe(4);
    expect(texts(await second.read(1, 10, 1_000))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('reset drops every record and file, including appends still waiting to commit, and never reuses a seq', async () => {
    const dir = tempDir();
    const log = await openLog({ dir, segmentBytes: 64, groupCommitMs: 20 });
    await log.appendBatch(['a', 'b', 'c', 'd', 'e'].map(textPayload));
    const waiting = log.append(textPayload('f'));
    await log.reset();
    expect(await waiting).toBe(6);
    expect(log.usage()).toEqual({ records: 0, bytes: 0, firstSeq: undefined, lastSeq: 6, ackedSeq: 6, oldestAppendedAtMs: undefined });
    expect(segmentFiles(dir)).toEqual([]);
    expect(await log.read(1, 10, 1_000)).toEqual([]);
    expect(await log.append(textPayload('g'))).toBe(7);
    await log.close();

    const reopened = await openLog({ dir });
    expect(texts(await reopened.read(1, 10, 1_000))).toEqual(['g']);
    await reopened.reset();
    await reopened.close();
    const again = await openLog({ dir });
    expect(await again.append(textPayload('h'))).toBe(8);
  });

  it('cleans up after a crash between saving an acknowledgement and deleting its files', async () => {
    const dir = tempDir();
    const log = await openLog({ dir, segmentBytes: 64 });
    await log.appendBatch(['a', 'b', 'c', 'd', 'e', 'f'].map(textPayload));
    await log.close();
    const before = segmentFiles(dir);
    fs.writeFileSync(path.join(dir, 'ack.json'), JSON.stringify({ version: 1, ackedSeq: 4 }));
    fs.writeFileSync(path.join(dir, 'ack.json.tmp'), '{"version":1,"ack');
    const reopened = await openLog({ dir, segmentBytes: 64 });
    expect(reopened.recovered.removedTempFiles).toBe(1);
    expect(reopened.recovered.removedSegments).toBeGreaterThan(0);
    expect(segmentFiles(dir).length).toBeLessThan(before.length);
    expect(texts(await reopened.read(1, 10, 1_000))).toEqual(['e', 'f']);
  });

  it('refuses to open over an unreadable acknowledgement file rather than restart numbering', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'ack.json'), 'not json');
    await expect(SegmentLog.open({ dir })).rejects.toMatchObject({ name: 'SpoolCorruptError', problem: 'unreadable-ack-file' });
  });
});
