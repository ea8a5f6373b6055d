import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { type FSWatcher, watch } from 'chokidar';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OutsideWriteWatch } from '../../../../engine/replication/replica-side/outside-write-watch';
import { removeTempDirs, tempDir } from '../../../helpers/temp-dir';

type Report = [count: number, example: string];

let outsideWatch: OutsideWriteWatch | undefined;
let probe: FSWatcher | undefined;

afterEach(async () => {
  vi.useRealTimers();
  await outsideWatch?.stop();
  await probe?.close();
  outsideWatch = undefined;
  probe = undefined;
  removeTempDirs();
});

/** Polls `condition` until it holds or `ms` pass (performance.now, so a faked Date cannot stall it). */
async function until(condition: () => boolean, what: string, ms = 4000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function realTempDir(): string {
  return fs.realpathSync(tempDir('understudy-outside-'));
}

/**
 * Starts an OutsideWriteWatch on `targets` (resolved once every folder is watched), plus an
 * independent probe watcher (chokidar) that records every path written, so a test can tell
 * "not reported" from "not yet seen".
 */
async function startWatching(targets: string[]): Promise<{ reports: Report[]; seen: Set<string> }> {
  const reports: Report[] = [];
  const seen = new Set<string>();
  outsideWatch = new OutsideWriteWatch(targets, (count, example) => reports.push([count, example]));
  await outsideWatch.start();
  const probing = watch(targets, { ignoreInitial: true, followSymlinks: false });
  probe = probing;
  probing.on('all', (_event, changed) => seen.add(changed));
  await new Promise<void>((resolve) => probing.once('ready', () => resolve()));
  return { reports, seen };
}

/** Writes an unannounced file after everything before it was seen; the first report must name it. */
async function writeSentinel(target: string, seen: Set<string>, reports: Report[], name = 'outside-sentinel.txt'): Promise<string> {
  const sentinel = path.join(target, name);
  fs.writeFileSync(sentinel, 'outside');
  await until(() => seen.has(sentinel) && reports.length > 0, 'the sentinel write to be reported');
  return sentinel;
}

describe('OutsideWriteWatch', () => {
  it('a write to an unannounced path is reported at once with count 1 and the path', async () => {
    const target = realTempDir();
    const { reports } = await startWatching([target]);
    const intruder = path.join(target, 'edited-by-hand.txt');
    fs.writeFileSync(intruder, 'not from replication');
    await until(() => reports.length > 0, 'a report');
    expect(reports[0]).toEqual([1, intruder]);
  });

  it('writes to paths announced with expectPath() or expect() (and the folders created for them) are not reported', async () => {
    const target = realTempDir();
    const { reports, seen } = await startWatching([target]);
    outsideWatch?.expectPath(target, 'docs/2024/a.txt');
    outsideWatch?.expect({ op: 'put', root: 0, path: 'b.txt', data: new Uint8Array([1]), mtimeMs: 0, mode: 0o644 });
    outsideWatch?.expect({ op: 'mkdir', root: 0, path: 'made/by/replication', mtimeMs: 0, mode: 0o755 });
    const announced = [path.join(target, 'docs'), path.join(target, 'docs', '2024'), path.join(target, 'docs', '2024', 'a.txt'), path.join(target, 'b.txt'), path.join(target, 'made', 'by', 'replication')];

    fs.mkdirSync(path.join(target, 'docs', '2024'), { recursive: true });
    fs.writeFileSync(path.join(target, 'docs', '2024', 'a.txt'), 'replicated');
    fs.writeFileSync(path.join(target, 'b.txt'), 'replicated');
    fs.mkdirSync(path.join(target, 'made', 'by', 'replication'), { recursive: true });
    await until(() => announced.every((announcedPath) => seen.has(announcedPath)), 'chokidar to see the announced writes');

    const sentinel = await writeSentinel(target, seen, reports);
    expect(reports).toEqual([[1, sentinel]]);
  });

  it("the applier's temporary files are never reported", async () => {
    const target = realTempDir();
    const { reports, seen } = await startWatching([target]);
    const temp = path.join(target, '.understudy-tmp-0123456789abcdef');
    fs.writeFileSync(temp, 'partial');
    await until(() => seen.has(temp), 'chokidar to see the temporary file');
    const sentinel = await writeSentinel(target, seen, reports);
    expect(reports).toEqual([[1, sentinel]]);
  });

  it('an announced rename or remove covers the whole tree below both ends', async () => {
    const target = realTempDir();
    for (const file of ['old/a.txt', 'old/sub/b.txt', 'old/sub/deeper/c.txt', 'trash/x.txt', 'trash/y/z.txt']) {
      fs.mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
      fs.writeFileSync(path.join(target, file), file);
    }
    const { reports, seen } = await startWatching([target]);

    outsideWatch?.expect({ op: 'rename', root: 0, from: 'old', to: 'new' });
    outsideWatch?.expect({ op: 'remove', root: 0, path: 'trash' });
    fs.renameSync(path.join(target, 'old'), path.join(target, 'new'));
    fs.rmSync(path.join(target, 'trash'), { recursive: true });
    const expected = [path.join(target, 'new', 'sub', 'deeper', 'c.txt'), path.join(target, 'new', 'a.txt'), path.join(target, 'trash'), path.join(target, 'old')];
    await until(() => expected.every((seenPath) => seen.has(seenPath)), 'chokidar to see the rename and the removal');

    const sentinel = await writeSentinel(target, seen, reports);
    expect(reports).toEqual([[1, sentinel]]);
  });

  it('an announcement covers its path for 3 s only', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = new Date('2030-01-01T00:00:00Z').getTime();
    vi.setSystemTime(start);
    const target = realTempDir();
    const { reports, seen } = await startWatching([target]);
    outsideWatch?.expectPath(target, 'early.txt');
    outsideWatch?.expectPath(target, 'late.txt');

    vi.setSystemTime(start + 3000);
    const early = path.join(target, 'early.txt');
    fs.writeFileSync(early, 'just in time');
    await until(() => seen.has(early), 'chokidar to see the write at 3 s');
    expect(reports).toEqual([]);

    vi.setSystemTime(start + 3001);
    const late = path.join(target, 'late.txt');
    fs.writeFileSync(late, 'too late');
    await until(() => reports.length > 0, 'the late write to be reported');
    expect(reports[0]).toEqual([1, late]);
  });

  it('a write under a second target is checked against that target', async () => {
    const first = realTempDir();
    const second = realTempDir();
    const { reports, seen } = await startWatching([first, second]);
    outsideWatch?.expect({ op: 'put', root: 1, path: 'ok.txt', data: new Uint8Array(), mtimeMs: 0, mode: 0o644 });
    fs.writeFileSync(path.join(second, 'ok.txt'), 'replicated');
    await until(() => seen.has(path.join(second, 'ok.txt')), 'chokidar to see the replicated write');
    // Announced for root 1 only: the same name under root 0 is an outside write.
    const sentinel = await writeSentinel(first, seen, reports, 'ok.txt');
    expect(reports).toEqual([[1, sentinel]]);
  });

  it('further outside writes within 5 s are aggregated into one later report with their count', async () => {
    const target = realTempDir();
    const { reports, seen } = await startWatching([target]);
    const first = path.join(target, 'first.txt');
    fs.writeFileSync(first, 'outside');
    await until(() => reports.length === 1, 'the first report');
    const firstReportedAt = performance.now();
    expect(reports[0]).toEqual([1, first]);

    const more = ['second.txt', 'third.txt', 'fourth.txt'].map((name) => path.join(target, name));
    for (const file of more) fs.writeFileSync(file, 'outside');
    const folder = path.join(target, 'fifth');
    fs.mkdirSync(folder);
    await until(() => [...more, folder].every((seenPath) => seen.has(seenPath)), 'chokidar to see the further writes');
    expect(reports).toHaveLength(1);

    await until(() => reports.length === 2, 'the aggregated report', 7000);
    expect(performance.now() - firstReportedAt).toBeGreaterThan(4000);
    const [count, example] = reports[1] ?? [0, ''];
    // At least one event per write (chokidar may add a 'change' after an 'add').
    expect(count).toBeGreaterThanOrEqual(4);
    expect([first, ...more, folder]).toContain(example);
  });
});
