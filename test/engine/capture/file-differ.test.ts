import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, mkdirSync, openSync, closeSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BLOCK_SIZE } from '../../../engine/capture/block-hashes';
import { diffDirectory } from '../../../engine/capture/directory-differ';
import { diffFile, type DiffFileOptions } from '../../../engine/capture/file-differ';
import type { IndexEntry } from '../../../engine/capture/file-index';
import { MAX_RECORD_DATA_BYTES, type ChangeRecord } from '../../../engine/replication/change-record';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir';

let dir: string;
let file: string;

beforeEach(() => {
  dir = tempDir();
  file = path.join(dir, 'data.bin');
});

afterEach(() => removeTempDirs());

/** Runs diffFile collecting what it emits; fails the test if the file is gone. */
async function diff(previous: IndexEntry | undefined, options: Partial<DiffFileOptions> = {}) {
  const records: ChangeRecord[] = [];
  const extra = options.emit;
  const emit = async (record: ChangeRecord): Promise<void> => {
    records.push(record);
    await extra?.(record);
  };
  const result = await diffFile(file, 'data.bin', 0, previous, { ...options, emit });
  if (result.gone) throw new Error('unexpectedly gone');
  return { ...result, list: records };
}

/** What a Replica holding `before` has after applying `records`. */
function apply(before: Buffer, records: ChangeRecord[]): Buffer {
  let content = Buffer.from(before);
  for (const record of records) {
    if (record.op === 'put') content = Buffer.from(record.data);
    if (record.op !== 'write') continue;
    const end = Math.max(record.size, ...record.ranges.map((range) => range.offset + range.data.byteLength));
    const grown = Buffer.alloc(end);
    content.copy(grown, 0, 0, Math.min(content.byteLength, end));
    for (const range of record.ranges) grown.set(range.data, range.offset);
    content = grown.subarray(0, record.size);
  }
  return content;
}

function writeAt(offset: number, bytes: Buffer): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, bytes, 0, bytes.byteLength, offset);
  closeSync(fd);
}

function rangesOf(records: ChangeRecord[]): [number, number][] {
  return records.flatMap((record) => (record.op === 'write' ? record.ranges.map((r): [number, number] => [r.offset, r.data.byteLength]) : []));
}

describe('diffFile', () => {
  it('sends a new small file as one put', async () => {
    writeFileSync(file, 'hello replica');
    const { list, entry, verifyLater, unstable } = await diff(undefined);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ op: 'put', root: 0, path: 'data.bin', mode: statSync(file).mode & 0o7777 });
    expect(apply(Buffer.alloc(0), list).toString()).toBe('hello replica');
    expect(entry).toMatchObject({ kind: 'file', size: 13, ino: statSync(file).ino });
    expect(entry.blocks.byteLength).toBe(16);
    expect({ verifyLater, unstable }).toEqual({ verifyLater: false, unstable: false });
  });

  it('sends a new 10 MB file as chunked writes that cover it exactly, each with the final size', async () => {
    const content = randomBytes(10 * 1024 * 1024);
    writeFileSync(file, content);
    const { list, entry } = await diff(undefined);
    expect(list.every((record) => record.op === 'write' && record.size === content.byteLength)).toBe(true);
    expect(list.every((record) => record.op === 'write' && record.ranges.every((r) => r.data.byteLength <= MAX_RECORD_DATA_BYTES))).toBe(true);
    let next = 0;
    for (const [offset, length] of rangesOf(list)) {
      expect(offset).toBe(next);
      next += length;
    }
    expect(next).toBe(content.byteLength);
    expect(apply(Buffer.alloc(0), list).equals(content)).toBe(true);
    expect(entry.blocks.byteLength).toBe((content.byteLength / BLOCK_SIZE) * 16);
  });

  it('sends only the 64 KiB blocks touched by 3 scattered byte changes in an 8 MB file', async () => {
    const before = randomBytes(8 * 1024 * 1024);
    writeFileSync(file, before);
    const { entry } = await diff(undefined);
    const touched = [100, 3_000_000, 8 * 1024 * 1024 - 1];
    for (const offset of touched) writeAt(offset, Buffer.from([before[offset] === 0 ? 1 : 0]));
    const { list, verifyLater } = await diff(entry);
    expect(list.length).toBeLessThanOrEqual(3);
    const expected = touched.map((offset): [number, number] => [Math.floor(offset / BLOCK_SIZE) * BLOCK_SIZE, BLOCK_SIZE]);
    expect(rangesOf(list)).toEqual(expected);
    expect(apply(before, list).equals(readFileSync(file))).toBe(true);
    expect(verifyLater).toBe(false);
  });

  it('merges adjacent changed blocks into one range', async () => {
    const original = randomBytes(BLOCK_SIZE * 8);
    writeFileSync(file, original);
    const { entry } = await diff(undefined);
    // Bytes that differ from what is there, so both blocks really change whatever the random content.
    const at = BLOCK_SIZE * 3 - 1;
    writeAt(at, Buffer.from([(original[at] ?? 0) ^ 0xff, (original[at + 1] ?? 0) ^ 0xff]));
    const { list } = await diff(entry);
    expect(rangesOf(list)).toEqual([[BLOCK_SIZE * 2, BLOCK_SIZE * 2]]);
  });

  it('handles truncation: the cut partial block and the new size, or the size alone on a block boundary', async () => {
    const before = randomBytes(1024 * 1024);
    writeFileSync(file, before);
    const { entry } = await diff(undefined);
    truncateSync(file, 300_000);
    const cut = await diff(entry);
    expect(cut.list).toEqual([expect.objectContaining({ op: 'write', size: 300_000 })]);
    expect(rangesOf(cut.list)).toEqual([[4 * BLOCK_SIZE, 300_000 - 4 * BLOCK_SIZE]]);
    expect(apply(before, cut.list).equals(readFileSync(file))).toBe(true);

    truncateSync(file, 2 * BLOCK_SIZE);
    const aligned = await diff(cut.entry);
    expect(aligned.list).toEqual([expect.objectContaining({ op: 'write', size: 2 * BLOCK_SIZE, ranges: [] })]);
  });

  it('captures an append by reading only the tail, and asks for a later verification', async () => {
    const before = randomBytes(100_000);
    writeFileSync(file, before);
    const { entry } = await diff(undefined);
    appendFileSync(file, randomBytes(50_000));
    const appended = await diff(entry);
    expect(rangesOf(appended.list)).toEqual([[100_000, 50_000]]);
    expect(appended.verifyLater).toBe(true);
    expect(apply(before, appended.list).equals(readFileSync(file))).toBe(true);

    // The old partial last block changed too: it is resent from its start.
    const inPartialBlock = 2 * BLOCK_SIZE + 10;
    writeAt(inPartialBlock, Buffer.from([(readFileSync(file)[inPartialBlock] ?? 0) ^ 0xff]));
    appendFileSync(file, 'tail');
    const again = await diff(appended.entry);
    expect(rangesOf(again.list)).toEqual([[2 * BLOCK_SIZE, 150_004 - 2 * BLOCK_SIZE]]);

    // Extending with truncate (a sparse tail) is an append as well.
    truncateSync(file, 200_000);
    const extended = await diff(again.entry);
    expect(extended.list).toEqual([expect.objectContaining({ op: 'write', size: 200_000 })]);
    expect(apply(readFileSync(file).subarray(0, 150_004), extended.list).equals(readFileSync(file))).toBe(true);
  });

  it('misses an in-place change made with an append until the full verification finds it', async () => {
    writeFileSync(file, randomBytes(4 * BLOCK_SIZE));
    const { entry } = await diff(undefined);
    const replica = readFileSync(file);
    writeAt(10, Buffer.from('changed in place'));
    appendFileSync(file, 'and appended');
    const fast = await diff(entry);
    expect(rangesOf(fast.list)).toEqual([[4 * BLOCK_SIZE, 12]]);
    expect(fast.verifyLater).toBe(true);
    const verified = await diff(fast.entry, { full: true });
    expect(rangesOf(verified.list)).toEqual([[0, BLOCK_SIZE]]);
    expect(verified.verifyLater).toBe(false);
    expect(apply(apply(replica, fast.list), verified.list).equals(readFileSync(file))).toBe(true);
  });

  it('sends attrs when only mtime or mode changed, and nothing when nothing did', async () => {
    writeFileSync(file, 'same content');
    const { entry } = await diff(undefined);
    expect((await diff(entry)).list).toEqual([]);
    utimesSync(file, new Date('2020-01-01T00:00:00Z'), new Date('2020-01-02T00:00:00Z'));
    const touched = await diff(entry);
    expect(touched.list).toEqual([{ op: 'attrs', root: 0, path: 'data.bin', mtimeMs: Date.parse('2020-01-02T00:00:00Z'), mode: entry.mode }]);
    chmodSync(file, 0o600);
    expect((await diff(touched.entry)).list).toEqual([expect.objectContaining({ op: 'attrs', mode: 0o600 })]);
  });

  it('trusts an unchanged stat without reading when asked (restart scan)', async () => {
    writeFileSync(file, 'scan me');
    const { entry } = await diff(undefined);
    const trusted = await diff({ ...entry, blocks: Buffer.alloc(16) }, { trustStat: true });
    expect(trusted.list).toEqual([]);
  });

  it('reports a file deleted between the event and the read as gone', async () => {
    const result = await diffFile(path.join(dir, 'never-there'), 'never-there', 0, undefined, { emit: async () => undefined });
    expect(result).toEqual({ gone: true });
    mkdirSync(path.join(dir, 'now-a-folder'));
    expect(await diffFile(path.join(dir, 'now-a-folder'), 'now-a-folder', 0, undefined, { emit: async () => undefined })).toEqual({ gone: true });
  });

  it.skipIf(process.platform === 'win32')('refuses a named pipe without blocking on it', async () => {
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect(await diffFile(fifo, 'pipe', 0, undefined, { emit: async () => undefined })).toEqual({ gone: true });
  });

  it('reads again when the file changes while it is read, and says unstable when it never settles', async () => {
    writeFileSync(file, randomBytes(6 * 1024 * 1024));
    let writes = 0;
    const settling = await diff(undefined, {
      emit: async () => {
        if (writes++ === 0) appendFileSync(file, 'written during the read');
      },
    });
    expect(settling.unstable).toBe(false);
    expect(settling.list.length).toBeGreaterThan(2);
    expect(apply(Buffer.alloc(0), settling.list).equals(readFileSync(file))).toBe(true);
    expect(settling.entry.size).toBe(readFileSync(file).byteLength);

    appendFileSync(file, 'one more line');
    const restless = await diff(settling.entry, {
      maxAttempts: 2,
      emit: async () => appendFileSync(file, 'more'),
    });
    expect(restless.unstable).toBe(true);
    rmSync(file);
  });
});

describe('diffDirectory', () => {
  it('sends mkdir for a new folder, attrs when its mtime or mode moved, nothing otherwise', async () => {
    const folder = path.join(dir, 'docs');
    mkdirSync(folder, { mode: 0o750 });
    const created = await diffDirectory(folder, 'docs', 2, undefined);
    if (created.gone) throw new Error('gone');
    expect(created.records).toEqual([expect.objectContaining({ op: 'mkdir', root: 2, path: 'docs', mode: statSync(folder).mode & 0o7777 })]);
    const unchanged = await diffDirectory(folder, 'docs', 2, created.entry);
    expect(unchanged).toMatchObject({ gone: false, records: [] });
    chmodSync(folder, 0o700);
    const changed = await diffDirectory(folder, 'docs', 2, created.entry);
    expect(changed).toMatchObject({ gone: false, records: [{ op: 'attrs', mode: 0o700 }] });
    expect(await diffDirectory(path.join(dir, 'missing'), 'missing', 2, undefined)).toEqual({ gone: true });
  });
});
