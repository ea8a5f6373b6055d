import { afterEach, describe, expect, it } from 'vitest';
import { buildJobSummary, elapsed, type JobSummaryInput } from '../../../../engine/backup/catalog/job-summary';
import { removeTempDirs } from '../../../helpers/temp-dir';
import { SHA_A, beginSession, closeTestCatalogs, fileServerRegistration, openTestCatalog, runningBackup } from './catalog-fixture';

afterEach(() => {
  closeTestCatalogs();
  removeTempDirs();
});

const MB = 2 ** 20;

function input(overrides: Partial<JobSummaryInput> = {}): JobSummaryInput {
  return {
    jobId: 12,
    jobName: 'Nightly',
    jobType: 'Backup',
    run: { id: 40, startedAt: '2026-11-26T21:00:00.000Z', finishedAt: '2026-11-26T21:02:05.000Z', result: 'incomplete' },
    now: new Date('2026-11-26T21:10:00.000Z'),
    nodes: [
      { name: 'Finance shares', result: 'succeeded' },
      { name: 'Payroll SQL', result: 'failed' },
      { name: 'Mail', result: 'missed' },
    ],
    volumes: [
      { scenarioName: 'Finance shares', entity: 'Volume C:', state: 'complete' },
      { scenarioName: 'Finance shares', entity: 'Volume D:', state: 'complete' },
      { scenarioName: 'Payroll SQL', entity: 'Database Payroll', state: 'incomplete' },
      { scenarioName: 'Mail', entity: 'Storage group SG1', state: 'missed' },
    ],
    sessions: [
      { number: 1, state: 'complete', files: 1000, directories: 10, bytes: 200 * MB },
      { number: 2, state: 'complete', files: 234, directories: 5, bytes: 50 * MB },
      { number: 3, state: 'failed', files: 0, directories: 0, bytes: 0 },
    ],
    media: [{ name: 'BACKUP-2026-11-26-0001', id: '5f0c…', pool: 'Weekly' }],
    deviceGroup: 'Primary disks',
    errors: 2,
    warnings: 1,
    ...overrides,
  };
}

describe('buildJobSummary', () => {
  it('counts nodes, volumes and sessions with their failures, totals files, and works out throughput and elapsed time', () => {
    const { figures, lines } = buildJobSummary(input());
    expect(figures).toEqual({
      nodes: { total: 3, failed: 1, canceled: 0, missed: 1 },
      volumes: { total: 4, complete: 2, incomplete: 1, missed: 1 },
      sessions: { total: 3, complete: 2, incomplete: 1 },
      files: 1234,
      directories: 15,
      bytes: 250 * MB,
      elapsedMs: 125_000,
      throughputMbPerMinute: expect.closeTo(120, 6),
      errors: 2,
      warnings: 1,
    });
    expect(lines.filter((line) => !line.startsWith('Start time'))).toEqual([
      'Job 12 "Nightly" summary (run 40): incomplete',
      'Job type: Backup',
      'Nodes: 3 (1 failed, 0 canceled), 1 missed',
      'Volumes/databases: 4 (2 complete, 1 incomplete), 1 missed',
      'Sessions: 3 (2 complete, 1 incomplete)',
      'Total files: 1,234   Total directories: 15   Data: 250.00 MB',
      'Media: BACKUP-2026-11-26-0001 (ID 5f0c…, pool Weekly)',
      'Device group: Primary disks',
      'Errors: 2   Warnings: 1',
      'Average throughput: 120.00 MB/min',
      'Elapsed time: 0h 02m 05s',
    ]);
    expect(lines[1]).toMatch(/^Start time: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d {3}End time: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it.each<[string, Partial<JobSummaryInput>, Partial<ReturnType<typeof buildJobSummary>['figures']>, string]>([
    ['a run still going ends "now"', { run: { id: 1, startedAt: '2026-11-26T21:00:00.000Z', finishedAt: null, result: null } }, { elapsedMs: 600_000 }, 'Job 12 "Nightly" summary (run 1): running'],
    ['no time elapsed: no throughput', { run: { id: 1, startedAt: '2026-11-26T21:00:00.000Z', finishedAt: '2026-11-26T21:00:00.000Z', result: 'canceled' }, nodes: [{ name: 'A', result: 'canceled' }] }, { throughputMbPerMinute: null, nodes: { total: 1, failed: 0, canceled: 1, missed: 0 } }, 'Job 12 "Nightly" summary (run 1): canceled'],
  ])('%s', (_label, overrides, figures, firstLine) => {
    const summary = buildJobSummary(input(overrides));
    expect(summary.figures).toMatchObject(figures);
    expect(summary.lines[0]).toBe(firstLine);
  });

  it.each([
    [0, '0h 00m 00s'],
    [59_499, '0h 00m 59s'],
    [3_725_000, '1h 02m 05s'],
    [90_000_000, '25h 00m 00s'],
  ])('elapsed(%d) = %s', (ms, text) => {
    expect(elapsed(ms)).toBe(text);
  });
});

describe('appendJobSummary', () => {
  it('gathers the run from the catalog and ends its Activity Log group with the summary block', () => {
    const test = openTestCatalog('2026-11-26T21:00:00.000Z');
    const { catalog, clock } = test;
    const backup = runningBackup(test);
    const c = beginSession(test, backup, 'Volume C:');
    catalog.sessions.complete(c.number, { archiveSize: 10, sha256: SHA_A, files: 40, directories: 4, bytes: 30 * MB });
    const d = beginSession(test, backup, 'Volume D:');
    catalog.sessions.fail(d.number, 'device full');
    catalog.activity.append({ type: 'Error', runId: backup.runId, message: 'device full', code: 'AE0458' });
    clock.advance(60_000);
    catalog.jobs.finish(backup.runId, { result: 'incomplete', errorMessage: 'one session failed' });

    const summary = catalog.appendJobSummary(backup.runId);
    const media = catalog.media.list()[0];
    expect(summary.figures).toMatchObject({
      nodes: { total: 1, failed: 1, canceled: 0, missed: 0 },
      volumes: { total: 2, complete: 1, incomplete: 1, missed: 0 },
      sessions: { total: 2, complete: 1, incomplete: 1 },
      files: 40,
      directories: 4,
      throughputMbPerMinute: expect.closeTo(30, 6),
      errors: 1,
      warnings: 1,
    });
    expect(summary.lines).toContain(`Media: ${media?.name} (ID ${media?.id})`);
    expect(summary.lines).toContain(`Device group: Group for ${fileServerRegistration().id}`);
    const log = catalog.activity.entries({ runId: backup.runId, limit: 100 });
    expect(log.slice(-summary.lines.length).map((entry) => entry.message)).toEqual(summary.lines);
  });
});
