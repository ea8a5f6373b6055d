import { afterEach, describe, expect, it } from 'vitest';
import type { BackupJobDraft } from '../../../../engine/backup/catalog/job-model';
import { CatalogRefusalError } from '../../../../engine/backup/catalog/refusals';
import { removeTempDirs } from '../../../helpers/temp-dir';
import { closeTestCatalogs, diskDestination, fileServerRegistration, openTestCatalog, type TestCatalog } from './catalog-fixture';

afterEach(() => {
  closeTestCatalogs();
  removeTempDirs();
});

function setUp(start = '2026-11-26T09:00:00.000Z'): TestCatalog & { draft: (overrides?: Partial<BackupJobDraft>) => BackupJobDraft } {
  const test = openTestCatalog(start);
  test.catalog.scenarios.register(fileServerRegistration());
  test.catalog.scenarios.register(fileServerRegistration({ id: 'scenario-sql', name: 'Payroll SQL', type: 'SQLServer', entities: [] }));
  const { groupId } = diskDestination(test.catalog);
  const draft = (overrides: Partial<BackupJobDraft> = {}): BackupJobDraft => ({
    name: 'Nightly',
    scenarioIds: ['scenario-fs', 'scenario-sql'],
    deviceGroupId: groupId,
    schedule: { kind: 'everyHours', hours: 6, from: '2026-11-26T12:00:00.000Z' },
    owner: 'admin',
    ...overrides,
  });
  return { ...test, draft };
}

function refusalOf(action: () => unknown): CatalogRefusalError {
  try {
    action();
  } catch (error) {
    if (error instanceof CatalogRefusalError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** What a scheduler does: claim what is due, run it (instantly here), finish it. Returns the claim times. */
function runSchedulerUntil(test: TestCatalog, until: string, stepMs = 15 * 60_000): string[] {
  const { catalog } = test;
  const fired: string[] = [];
  while (test.clock.now() < new Date(until)) {
    for (let claimed = catalog.jobs.claimNextDue(); claimed; claimed = catalog.jobs.claimNextDue()) {
      fired.push(test.clock.now().toISOString());
      catalog.jobs.finish(claimed.run.id, { result: 'succeeded' });
    }
    test.clock.advance(stepMs);
  }
  return fired;
}

describe('BackupJobs', () => {
  it('a submitted job is Ready at its first run, listed with its scenario names, options and schedule', () => {
    const { catalog, draft } = setUp();
    const job = catalog.jobs.create(draft({ options: { compression: 'none', encryption: true } }));
    expect(job).toMatchObject({
      id: 1,
      name: 'Nightly',
      kind: 'backup',
      scenarios: [
        { id: 'scenario-fs', name: 'Finance shares' },
        { id: 'scenario-sql', name: 'Payroll SQL' },
      ],
      options: { compression: 'none', encryption: true, virusScan: false, timeoutSeconds: 180, snapshot: 'release' },
      state: { status: 'Ready', nextRunAt: '2026-11-26T12:00:00.000Z' },
      owner: 'admin',
      lastRun: null,
    });
    expect(catalog.jobs.list()).toEqual([job]);
    expect(catalog.activity.entries({ runId: null, limit: 20 }).at(-1)?.message).toBe(
      'Job 1 "Nightly" submitted by admin for "Finance shares", "Payroll SQL", every 6 hours',
    );
  });

  it('claims only due Ready jobs, the longest due first, and makes them Active with a run', () => {
    const { catalog, clock, draft } = setUp();
    const later = catalog.jobs.create(draft({ name: 'Later', schedule: { kind: 'once', at: '2026-11-26T10:00:00.000Z' } }));
    const sooner = catalog.jobs.create(draft({ name: 'Sooner', schedule: { kind: 'once', at: '2026-11-26T09:30:00.000Z' } }));
    expect(catalog.jobs.claimNextDue()).toBeUndefined();
    clock.set('2026-11-26T10:00:00.000Z');
    const first = catalog.jobs.claimNextDue();
    expect(first?.job).toMatchObject({ id: sooner.id, state: { status: 'Active', runId: first?.run.id } });
    expect(first?.run).toMatchObject({ jobId: sooner.id, parentRunId: null, startedAt: '2026-11-26T10:00:00.000Z', finishedAt: null, result: null });
    expect(catalog.jobs.claimNextDue()?.job.id).toBe(later.id);
    expect(catalog.jobs.claimNextDue()).toBeUndefined();
  });

  it('a one-time job is Done after its run; a repeating one is Ready at its next time', () => {
    const { catalog, clock, draft } = setUp();
    const once = catalog.jobs.create(draft({ name: 'Once', schedule: { kind: 'once', at: clock.now().toISOString() } }));
    const claimed = catalog.jobs.claimNextDue();
    const { job, run } = catalog.jobs.finish(claimed?.run.id ?? -1, { result: 'succeeded', files: 12, directories: 3, bytes: 4096 });
    expect(job).toMatchObject({ id: once.id, state: { status: 'Done' }, lastRun: { id: run.id, result: 'succeeded' } });
    expect(run).toMatchObject({ result: 'succeeded', files: 12, directories: 3, bytes: 4096, finishedAt: clock.now().toISOString() });

    const repeating = catalog.jobs.create(draft({ name: 'Repeating' }));
    clock.set('2026-11-26T12:00:00.000Z');
    const second = catalog.jobs.claimNextDue();
    expect(second?.job.id).toBe(repeating.id);
    clock.advance(10 * 60_000);
    expect(catalog.jobs.finish(second?.run.id ?? -1, { result: 'failed', errorCode: 'AE0465', errorMessage: 'not replicating' }).job.state).toEqual({
      status: 'Ready',
      nextRunAt: '2026-11-26T18:00:00.000Z',
    });
    const log = catalog.activity.entries({ runId: second?.run.id ?? -1, limit: 10 });
    expect(log.map((entry) => [entry.type, entry.code, entry.message])).toEqual([
      ['Information', null, `Job ${repeating.id} "Repeating" started (run ${second?.run.id})`],
      ['Error', 'AE0465', `Job ${repeating.id} "Repeating" failed: not replicating`],
      ['Information', null, expect.stringMatching(new RegExp(`^Job ${repeating.id} "Repeating" next run \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d$`))],
    ]);
  });

  it('a repeating job fires at each of its times, and not while held (injected clock)', () => {
    const test = setUp('2026-11-26T08:00:00.000Z');
    const { catalog, draft } = test;
    const job = catalog.jobs.create(draft({ schedule: { kind: 'everyHours', hours: 6, from: '2026-11-26T12:00:00.000Z' } }));
    expect(runSchedulerUntil(test, '2026-11-27T01:00:00.000Z')).toEqual([
      '2026-11-26T12:00:00.000Z',
      '2026-11-26T18:00:00.000Z',
      '2026-11-27T00:00:00.000Z',
    ]);
    catalog.jobs.hold(job.id);
    expect(runSchedulerUntil(test, '2026-11-27T13:00:00.000Z')).toEqual([]);
    expect(catalog.jobs.release(job.id).state).toEqual({ status: 'Ready', nextRunAt: '2026-11-27T18:00:00.000Z' });
    expect(runSchedulerUntil(test, '2026-11-27T19:00:00.000Z')).toEqual(['2026-11-27T18:00:00.000Z']);
  });

  it('keeps what a Modify leaves out: description, media pool and every option not named', () => {
    const { catalog, draft } = setUp();
    const job = catalog.jobs.create({ ...draft(), description: 'Finance, every 6 hours', mediaPool: 'Weekly', options: { encryption: true, compression: 'none', multistreaming: false, verification: 'checksum' } });
    const modified = catalog.jobs.modify(job.id, { schedule: { kind: 'daily', time: '23:30' }, options: { virusScan: true } });
    expect(modified).toMatchObject({ name: job.name, description: 'Finance, every 6 hours', mediaPool: 'Weekly', schedule: { kind: 'daily', time: '23:30' } });
    expect(modified.options).toEqual({ ...job.options, virusScan: true });
    expect(catalog.jobs.modify(job.id, { mediaPool: null }).mediaPool, 'a null says: no pool').toBeNull();
  });

  it('hold, release, run now, modify and delete, each logged; a running job refuses all but stop', () => {
    const { catalog, clock, draft } = setUp();
    const job = catalog.jobs.create(draft());
    expect(catalog.jobs.hold(job.id).state).toEqual({ status: 'Hold', nextRunAt: '2026-11-26T12:00:00.000Z' });
    expect(catalog.jobs.release(job.id).state).toEqual({ status: 'Ready', nextRunAt: '2026-11-26T12:00:00.000Z' });
    const modified = catalog.jobs.modify(job.id, { name: 'Nightly FS', scenarioIds: ['scenario-fs'], schedule: { kind: 'daily', time: '22:00' }, options: { virusScan: true } });
    expect(modified).toMatchObject({ name: 'Nightly FS', scenarios: [{ id: 'scenario-fs', name: 'Finance shares' }], options: { virusScan: true, compression: 'gzip' } });
    expect(modified.state.status).toBe('Ready');
    expect(catalog.jobs.runNow(job.id).state).toEqual({ status: 'Ready', nextRunAt: clock.now().toISOString() });

    const claimed = catalog.jobs.claimNextDue();
    expect(claimed?.job.id).toBe(job.id);
    for (const [action, attempt] of [
      ['hold', () => catalog.jobs.hold(job.id)],
      ['release', () => catalog.jobs.release(job.id)],
      ['run', () => catalog.jobs.runNow(job.id)],
      ['modify', () => catalog.jobs.modify(job.id, { name: 'x' })],
      ['delete', () => catalog.jobs.delete(job.id)],
    ] as const) {
      expect(refusalOf(attempt).refusal).toEqual({ kind: 'job-active', jobId: job.id, jobName: 'Nightly FS', action });
    }
    catalog.jobs.finish(claimed?.run.id ?? -1, { result: 'canceled' });
    catalog.jobs.delete(job.id);
    expect(catalog.jobs.list()).toEqual([]);
    expect(refusalOf(() => catalog.jobs.hold(job.id)).refusal).toEqual({ kind: 'job-not-found', jobId: job.id });
    // The job's Activity Log outlives it.
    expect(catalog.activity.groups({ limit: 10 })[0]).toMatchObject({ jobId: job.id, jobName: 'Nightly FS', result: 'canceled', warnings: 1 });
    expect(catalog.activity.entries({ runId: null, limit: 20 }).map((entry) => entry.message.replace(/ \d{4}-.*$/, ''))).toEqual([
      expect.stringMatching(/^Scenario "Finance shares" registered/),
      expect.stringMatching(/^Scenario "Payroll SQL" registered/),
      'Device group "Disk group" created',
      expect.stringMatching(/^Disk device/),
      'Job 1 "Nightly" submitted by admin for "Finance shares", "Payroll SQL", every 6 hours',
      'Job 1 "Nightly" put on hold',
      'Job 1 "Nightly" released, next run',
      'Job 1 "Nightly FS" modified (daily at 22:00)',
      'Job 1 "Nightly FS" to run now',
      'Job 1 "Nightly FS" deleted',
    ]);
  });

  it('a job submitted on hold waits; a done job refuses hold; unknown ids and device groups are refused', () => {
    const { catalog, clock, draft } = setUp();
    const held = catalog.jobs.create(draft({ hold: true, schedule: { kind: 'once', at: clock.now().toISOString() } }));
    expect(held.state.status).toBe('Hold');
    expect(catalog.jobs.claimNextDue()).toBeUndefined();
    catalog.jobs.release(held.id);
    const claimed = catalog.jobs.claimNextDue();
    catalog.jobs.finish(claimed?.run.id ?? -1, { result: 'succeeded' });
    expect(refusalOf(() => catalog.jobs.hold(held.id)).refusal.kind).toBe('job-done');
    expect(refusalOf(() => catalog.jobs.runNow(99)).refusal.kind).toBe('job-not-found');
    expect(refusalOf(() => catalog.jobs.create(draft({ deviceGroupId: 99 }))).refusal.kind).toBe('device-group-not-found');
    expect(() => catalog.jobs.create(draft({ schedule: { kind: 'daily', time: '25:00' } }))).toThrow(/HH:MM/);
  });

  it('multistreaming: child runs per scenario under the job run, ended separately', () => {
    const { catalog, draft } = setUp();
    catalog.jobs.create(draft({ schedule: { kind: 'once', at: '2026-11-26T09:00:00.000Z' } }));
    const claimed = catalog.jobs.claimNextDue();
    const runId = claimed?.run.id ?? -1;
    const children = ['scenario-fs', 'scenario-sql'].map((scenarioId) => catalog.jobs.runs.startChild(runId, scenarioId));
    expect(children.map((child) => [child.parentRunId, child.scenarioId])).toEqual([
      [runId, 'scenario-fs'],
      [runId, 'scenario-sql'],
    ]);
    catalog.jobs.runs.finish(children[0]?.id ?? -1, { result: 'succeeded' });
    expect(refusalOf(() => catalog.jobs.runs.finish(children[0]?.id ?? -1, { result: 'failed' })).refusal.kind).toBe('run-finished');
    expect(() => catalog.jobs.finish(children[1]?.id ?? -1, { result: 'failed' })).toThrow(/child run/);
    expect(catalog.jobs.runs.children(runId).map((child) => child.result)).toEqual(['succeeded', null]);
  });
});
