import { afterEach, describe, expect, it } from 'vitest';
import { detailsOf } from '../../../../engine/backup/catalog/activity-log';
import { UserError } from '../../../../engine/messages/user-error';
import { removeTempDirs } from '../../../helpers/temp-dir';
import { closeTestCatalogs, fileServerRegistration, openTestCatalog, runningBackup } from './catalog-fixture';

afterEach(() => {
  closeTestCatalogs();
  removeTempDirs();
});

describe('ActivityLog', () => {
  it('appends entries with the clock time, streams them, and reads them back in time order per job run', () => {
    const test = openTestCatalog();
    const { catalog, clock } = test;
    const seen: string[] = [];
    const stop = catalog.activity.onEntry((entry) => seen.push(entry.message));
    const backup = runningBackup(test);
    clock.advance(1000);
    const entry = catalog.activity.append({ type: 'Warning', runId: backup.runId, session: 7, message: 'File skipped: in use', code: 'AW0001', scenarioName: 'Finance shares' });
    stop();
    catalog.activity.append({ type: 'Information', runId: backup.runId, message: 'after unsubscribing' });
    expect(entry).toEqual({
      id: expect.any(Number),
      time: clock.now().toISOString(),
      type: 'Warning',
      runId: backup.runId,
      session: 7,
      message: 'File skipped: in use',
      code: 'AW0001',
      scenarioName: 'Finance shares',
    });
    expect(seen).toContain('File skipped: in use');
    expect(seen).not.toContain('after unsubscribing');
    const entries = catalog.activity.entries({ runId: backup.runId, limit: 10 });
    expect(entries.map((e) => e.message)).toEqual([
      `Job ${backup.jobId} "Back up Finance shares" started (run ${backup.runId})`,
      expect.stringMatching(/^Media BACKUP-/),
      'File skipped: in use',
      'after unsubscribing',
    ]);
    expect(catalog.activity.entries({ runId: backup.runId, limit: 2, offset: 2 }).map((e) => e.message)).toEqual(['File skipped: in use', 'after unsubscribing']);
  });

  it('groups by job run, newest first, with child runs and their Error/Warning/Information counts, page by page', () => {
    const test = openTestCatalog();
    const { catalog } = test;
    const first = runningBackup(test);
    catalog.jobs.finish(first.runId, { result: 'succeeded' });
    const second = runningBackup(test, { ...fileServerRegistration(), id: 'other', name: 'Other' });
    const child = catalog.jobs.runs.startChild(second.runId, 'other');
    catalog.activity.append({ type: 'Error', runId: child.id, message: 'Snapshot creation failed', code: 'AE0460', scenarioName: 'Other' });
    catalog.activity.append({ type: 'Warning', runId: child.id, message: 'slow' });

    const [newest, older] = catalog.activity.groups({ limit: 10 });
    expect(newest).toMatchObject({ runId: second.runId, jobName: 'Back up Other', result: null, errors: 0, children: [{ runId: child.id, scenarioName: 'Other', errors: 1, warnings: 1, information: 0, children: [] }] });
    expect(older).toMatchObject({ runId: first.runId, result: 'succeeded', information: 3, children: [] });
    expect(catalog.activity.groups({ limit: 1, offset: 1 }).map((group) => group.runId)).toEqual([first.runId]);
    expect(catalog.activity.problemCounts(second.runId)).toEqual({ errors: 1, warnings: 1 });
    expect(catalog.activity.entries({ runId: second.runId, limit: 10, withChildren: true }).map((entry) => entry.message)).toContain('Snapshot creation failed');
  });

  it('an error is logged with its code, and its details (module, reason, action) come from the catalogue', () => {
    const { catalog } = openTestCatalog();
    const logged = catalog.activity.appendError(new UserError('AE0465', 'scenario "Finance shares" is stopped'), { scenarioName: 'Finance shares' });
    expect(logged).toMatchObject({ type: 'Error', code: 'AE0465', scenarioName: 'Finance shares', message: 'The scenario is not replicating: scenario "Finance shares" is stopped' });
    expect(detailsOf(logged)).toEqual({
      code: 'AE0465',
      module: 'Agent',
      message: logged.message,
      reason: expect.stringContaining('Replica of a running scenario'),
      action: expect.stringContaining('Run the scenario'),
    });
    const unknown = catalog.activity.appendError(new Error('boom'));
    expect(unknown).toMatchObject({ type: 'Error', code: 'E1099' });
    expect(detailsOf({ ...unknown, code: 'toString' })).toBeUndefined();
    expect(detailsOf({ ...unknown, code: null })).toBeUndefined();
  });
});
