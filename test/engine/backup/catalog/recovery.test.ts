import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { INTERRUPTED } from '../../../../engine/backup/catalog/recovery';
import { nextRunAfter } from '../../../../engine/backup/catalog/schedule';
import { removeTempDirs, tempDir } from '../../../helpers/temp-dir';
import { SHA_A, beginSession, closeTestCatalogs, diskDestination, fileServerRegistration, openTestCatalog } from './catalog-fixture';

/** vite-node ships with vitest and runs the TypeScript child directly (as the spool crash test does). */
const VITE_NODE = path.resolve(__dirname, '../../../../node_modules/vite-node/vite-node.mjs');
const CHILD = path.resolve(__dirname, 'crash-child.ts');
const ROWS_BEFORE_KILL = 3_000;

afterEach(() => {
  closeTestCatalogs();
  removeTempDirs();
});

/** Runs the child on `dir` until it has committed ROWS_BEFORE_KILL rows, then SIGKILLs it. */
function backUpUntilKilled(dir: string, now: string): Promise<{ runId: number; childRunId: number; session: number; rows: number }> {
  if (!fs.existsSync(VITE_NODE)) throw new Error(`the crash test runs its child with vite-node, missing at ${VITE_NODE}`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VITE_NODE, CHILD, dir, now], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stderr = '';
    let killed = false;
    let rows = 0;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      rows = Math.max(0, ...[...output.matchAll(/^rows (\d+)$/gm)].map((match) => Number(match[1])));
      if (!killed && rows >= ROWS_BEFORE_KILL) killed = child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const started = /^run (\d+) child (\d+) session (\d+)$/m.exec(output);
      if (signal !== 'SIGKILL' || !started) reject(new Error(`child exited with ${code ?? signal} before the kill: ${stderr}`));
      else resolve({ runId: Number(started[1]), childRunId: Number(started[2]), session: Number(started[3]), rows });
    });
  });
}

describe('recovery after a crash mid-backup', () => {
  it('the killed job fails cleanly with a clear message, its half session is never listed, it is rescheduled, and the next run works', async () => {
    const dir = tempDir();
    const start = '2026-11-26T09:00:00.000Z';
    const setup = openTestCatalog(start, dir);
    setup.catalog.scenarios.register(fileServerRegistration());
    const { groupId } = diskDestination(setup.catalog);
    const job = setup.catalog.jobs.create({ name: 'Nightly', scenarioIds: ['scenario-fs'], deviceGroupId: groupId, schedule: { kind: 'daily', time: '22:00' }, owner: 'admin' });
    setup.catalog.jobs.runNow(job.id);
    closeTestCatalogs();

    const crashed = await backUpUntilKilled(dir, start);
    expect(crashed.rows).toBeGreaterThanOrEqual(ROWS_BEFORE_KILL);

    const test = openTestCatalog('2026-11-26T09:05:00.000Z', dir);
    const { catalog, db } = test;
    // What the dead process left: an Active job, open runs, a session still 'writing' with committed rows.
    expect(catalog.jobs.requireJob(job.id).state).toEqual({ status: 'Active', runId: crashed.runId });
    expect(catalog.sessions.get(crashed.session)?.state).toBe('writing');
    expect(db.prepare('SELECT count(*) FROM catalog_files WHERE session = ?').pluck().get(crashed.session)).toBeGreaterThanOrEqual(ROWS_BEFORE_KILL);

    expect(catalog.recover()).toEqual({ jobs: [{ jobId: job.id, runId: crashed.runId, status: 'Ready' }], childRuns: [crashed.childRunId], sessions: [crashed.session] });

    // Rescheduled at its next local 22:00, not re-run at once.
    const nextRunAt = nextRunAfter({ kind: 'daily', time: '22:00' }, test.clock.now());
    expect(nextRunAt?.getHours()).toBe(22);
    expect(catalog.jobs.requireJob(job.id).state).toEqual({ status: 'Ready', nextRunAt: nextRunAt?.toISOString() });
    expect(catalog.jobs.claimNextDue()).toBeUndefined();
    expect(catalog.jobs.runs.require(crashed.runId)).toMatchObject({ result: 'failed', errorMessage: INTERRUPTED, finishedAt: '2026-11-26T09:05:00.000Z' });
    expect(catalog.jobs.runs.require(crashed.childRunId)).toMatchObject({ result: 'failed', errorMessage: INTERRUPTED });
    expect(catalog.sessions.require(crashed.session)).toMatchObject({ state: 'failed', failure: INTERRUPTED });
    expect(catalog.sessions.restorable({ limit: 10 })).toEqual([]);
    expect(catalog.files.search({ pattern: 'crashed-*', limit: 10 }).hits).toEqual([]);
    expect(catalog.files.latestDirectory({ host: 'fs01', path: 'C:\\Finance\\batch-0', limit: 10 })).toBeUndefined();

    const log = catalog.activity.entries({ runId: crashed.runId, limit: 50, withChildren: true });
    expect(log.filter((entry) => entry.type === 'Error').map((entry) => entry.message)).toEqual([
      `Session ${crashed.session} was not completed and is not restorable: ${INTERRUPTED}`,
      `Job ${job.id} "Nightly" failed: ${INTERRUPTED}`,
    ]);
    expect(catalog.activity.groups({ limit: 5 })[0]).toMatchObject({ runId: crashed.runId, result: 'failed', children: [expect.objectContaining({ runId: crashed.childRunId, errors: 1 })] });
    // Recovery is idempotent: nothing is left to fail.
    expect(catalog.recover()).toEqual({ jobs: [], childRuns: [], sessions: [] });

    // The next run works.
    catalog.jobs.runNow(job.id);
    const claimed = catalog.jobs.claimNextDue();
    if (!claimed) throw new Error('the job should be due');
    const device = catalog.devices.requireGroup(groupId).devices[0];
    const media = catalog.media.create({ deviceId: device?.id ?? -1, runId: claimed.run.id });
    const session = beginSession(test, { runId: claimed.run.id, mediaId: media.id, devicePath: device?.path ?? '' });
    const writer = catalog.files.writer(session.number);
    writer.add({ path: 'C:\\Finance\\batch-0\\good.xlsx', kind: 'file', size: 1, mtimeMs: 0, mode: 0x20, sha256: SHA_A });
    writer.flush();
    catalog.sessions.complete(session.number, { archiveSize: 1, sha256: SHA_A, ...writer.totals() });
    expect(catalog.jobs.finish(claimed.run.id, { result: 'succeeded', files: 1 }).job.state.status).toBe('Ready');
    expect(catalog.sessions.restorable({ limit: 10 }).map((restorable) => restorable.number)).toEqual([session.number]);
    expect(catalog.files.latestDirectory({ host: 'fs01', path: 'C:\\Finance\\batch-0', limit: 10 })?.entries.map((entry) => entry.name)).toEqual(['good.xlsx']);
  });

  it('a one-time job cut short is Done (failed), not run again', () => {
    const dir = tempDir();
    const first = openTestCatalog('2026-11-26T09:00:00.000Z', dir);
    first.catalog.scenarios.register(fileServerRegistration());
    const { groupId } = diskDestination(first.catalog);
    const job = first.catalog.jobs.create({ name: 'Once', scenarioIds: ['scenario-fs'], deviceGroupId: groupId, schedule: { kind: 'once', at: '2026-11-26T09:00:00.000Z' }, owner: 'admin' });
    const claimed = first.catalog.jobs.claimNextDue();
    closeTestCatalogs(); // the process is gone without finishing the run

    const { catalog } = openTestCatalog('2026-11-26T10:00:00.000Z', dir);
    expect(catalog.recover().jobs).toEqual([{ jobId: job.id, runId: claimed?.run.id, status: 'Done' }]);
    expect(catalog.jobs.requireJob(job.id)).toMatchObject({ state: { status: 'Done' }, lastRun: { result: 'failed' } });
    expect(catalog.jobs.claimNextDue()).toBeUndefined();
  });
});
