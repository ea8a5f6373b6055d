import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { SegmentLog } from '../../../engine/spool/segment-log';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir';
import { lastSegmentPath, payloadFor, sameBytes, segmentFiles } from './spool-fixtures';

const HEADER = 24;
const logs: SegmentLog[] = [];

async function openLog(dir: string, segmentBytes = 1024 * 1024): Promise<SegmentLog> {
  const log = await SegmentLog.open({ dir, segmentBytes, groupCommitMs: 0 });
  logs.push(log);
  return log;
}

afterEach(async () => {
  for (const log of logs.splice(0)) await log.close();
  removeTempDirs();
});

/** A closed log of `count` records with payloadFor(seq, 2_000); returns each record's offset in the last segment. */
async function writeLog(dir: string, count: number, segmentBytes?: number): Promise<number[]> {
  const log = await openLog(dir, segmentBytes);
  for (let seq = 1; seq <= count; seq++) await log.append(payloadFor(seq, 2_000));
  await log.close();
  const offsets: number[] = [];
  const firstSeq = Number(segmentFiles(dir).at(-1)?.slice(0, 20));
  let offset = 0;
  for (let seq = firstSeq; seq <= count; seq++) {
    offsets.push(offset);
    offset += HEADER + payloadFor(seq, 2_000).byteLength;
  }
  return offsets;
}

async function expectRecords(log: SegmentLog, lastSeq: number): Promise<void> {
  const records = await log.read(1, 10_000, 100_000_000);
  expect(records.map((r) => r.seq)).toEqual(Array.from({ length: lastSeq }, (_, i) => i + 1));
  for (const record of records) expect(sameBytes(record.payload, payloadFor(record.seq, 2_000))).toBe(true);
}

describe('SegmentLog recovery at open', () => {
  it('cuts a record torn in half by a crash, keeps every complete record, and appends after them', async () => {
    const dir = tempDir();
    const offsets = await writeLog(dir, 20);
    const file = lastSegmentPath(dir);
    const lastStart = offsets.at(-1) ?? 0;
    const fullSize = fs.statSync(file).size;
    fs.truncateSync(file, lastStart + Math.floor((fullSize - lastStart) / 2));

    const log = await openLog(dir);
    expect(log.recovered.tailRepair).toMatchObject({ offset: lastStart, firstDroppedSeq: 20, problem: expect.stringMatching(/^torn-/) });
    expect(fs.statSync(file).size).toBe(lastStart);
    await expectRecords(log, 19);
    expect(await log.append(payloadFor(20, 2_000))).toBe(20);
    await expectRecords(log, 20);
  });

  it('cuts garbage appended after the last record (a half-written header or payload)', async () => {
    const dir = tempDir();
    await writeLog(dir, 10);
    const file = lastSegmentPath(dir);
    const size = fs.statSync(file).size;
    for (const garbage of [Buffer.from([1, 2, 3]), Buffer.alloc(HEADER + 10, 0xab), Buffer.alloc(4096, 0)]) {
      fs.appendFileSync(file, garbage);
      const log = await openLog(dir);
      expect(log.recovered.tailRepair).toMatchObject({ offset: size, droppedBytes: garbage.length });
      expect(fs.statSync(file).size).toBe(size);
      await expectRecords(log, 10);
      await log.close();
    }
    const log = await openLog(dir);
    expect(log.recovered.tailRepair).toBeUndefined();
    expect(await log.append(payloadFor(11, 2_000))).toBe(11);
  });

  it('on a bad CRC in the middle of the last segment keeps the records before it, cuts the rest and reports it', async () => {
    const dir = tempDir();
    const offsets = await writeLog(dir, 30);
    const file = lastSegmentPath(dir);
    const damaged = offsets[12] ?? 0; // seq 13
    const bytes = fs.readFileSync(file);
    bytes[damaged + HEADER + 1] = (bytes[damaged + HEADER + 1] ?? 0) ^ 0x40; // one bit of its payload
    fs.writeFileSync(file, bytes);

    const log = await openLog(dir);
    expect(log.recovered.tailRepair).toEqual({
      segment: '00000000000000000001.seg',
      offset: damaged,
      droppedBytes: bytes.length - damaged,
      firstDroppedSeq: 13,
      problem: 'bad-crc',
    });
    await expectRecords(log, 12);
    expect(log.usage().lastSeq).toBe(12);
    expect(await log.append(payloadFor(13, 2_000))).toBe(13);
    await expectRecords(log, 13);
  });

  it('only scans the last segment: earlier ones were fsync-complete before the next existed', async () => {
    const dir = tempDir();
    await writeLog(dir, 40, 8_000);
    expect(segmentFiles(dir).length).toBeGreaterThan(3);
    fs.appendFileSync(lastSegmentPath(dir), Buffer.from('torn'));
    const log = await openLog(dir, 8_000);
    expect(log.recovered.tailRepair?.segment).toBe(segmentFiles(dir).at(-1));
    await expectRecords(log, 40);
    expect(await log.append(payloadFor(41, 2_000))).toBe(41);
  });

  it('removes a last segment with no intact record and continues from the one before', async () => {
    const dir = tempDir();
    await writeLog(dir, 40, 8_000);
    const last = lastSegmentPath(dir);
    const firstSeqOfLast = Number(segmentFiles(dir).at(-1)?.slice(0, 20));
    fs.truncateSync(last, 10);
    const log = await openLog(dir, 8_000);
    expect(fs.existsSync(last)).toBe(false);
    await expectRecords(log, firstSeqOfLast - 1);
    expect(await log.append(payloadFor(firstSeqOfLast, 2_000))).toBe(firstSeqOfLast);
  });

  it('reports damage in an earlier segment on read instead of returning wrong content', async () => {
    const dir = tempDir();
    await writeLog(dir, 40, 8_000);
    const first = `${dir}/${segmentFiles(dir)[0] ?? ''}`;
    const bytes = fs.readFileSync(first);
    bytes[HEADER + 5] = (bytes[HEADER + 5] ?? 0) ^ 1;
    fs.writeFileSync(first, bytes);
    const log = await openLog(dir, 8_000);
    await expect(log.read(1, 10, 1_000_000)).rejects.toMatchObject({ name: 'SpoolCorruptError', problem: 'bad-crc', offset: 0 });
  });
});
