import { describe, expect, it } from 'vitest';
import { canApplyPending, canSendToMaster, pendingNote, restoreItemsLabel, restoreJobs } from '../../renderer/src/windows/restore-manager/restore-jobs';
import type { RestoreJob } from '../../renderer/src/windows/restore-manager/restore-types';
import { backupJob, restoreJob } from './job-fixtures';

describe('the Restore jobs table', () => {
  it('lists the restore jobs of the queue only, newest first', () => {
    expect(restoreJobs([restoreJob({ id: 2 }), backupJob({ id: 8 }), restoreJob({ id: 5 })]).map((job) => job.id)).toEqual([5, 2]);
  });

  it.each<[RestoreJob['restore']['items'], string]>([
    [[{ session: 3, path: null }], 'Session 3 (whole session)'],
    [
      [
        { session: 3, path: '/srv/a.csv' },
        { session: 3, path: '/srv/b' },
        { session: 4, path: null },
      ],
      '/srv/a.csv (session 3) and 2 more',
    ],
  ])('names the items %j "%s"', (items, label) => {
    expect(restoreItemsLabel(restoreJob({ restore: { ...restoreJob().restore, items } }))).toBe(label);
  });
});

describe('after a restore', () => {
  const toMaster = { ...restoreJob().restore, destination: { kind: 'original', to: 'master' } as const };
  const alternate = { ...restoreJob().restore, destination: { kind: 'alternate', host: 'localhost', folder: '/tmp/r' } as const };
  const waiting = (files: number): RestoreJob['outcome'] => ({ host: 'localhost', targets: [{ root: 'D:\\SQL', paths: ['Payroll.mdf'] }], pending: { restoreId: 'r1', files } });
  const failed = { lastRun: { id: 9, result: 'failed', finishedAt: null, errorCode: null, errorMessage: null } } as const;
  const running = { state: { status: 'Active', runId: 10 } } as const;

  it.each<[string, RestoreJob, boolean]>([
    ['a succeeded restore to the Replica', restoreJob(), true],
    ['a succeeded restore to the Replica that left files pending', restoreJob({ outcome: waiting(2) }), true],
    ['a failed restore to the Replica', restoreJob({ ...failed, outcome: null }), false],
    ['a restore to the Replica whose last run failed after an earlier success', restoreJob(failed), false],
    ['a restore to the Replica running again', restoreJob(running), false],
    ['a restore to the Replica not run yet', restoreJob({ state: { status: 'Ready', nextRunAt: '2026-11-26T10:00:00.000Z' }, lastRun: null, outcome: null }), false],
    ['a restore to the Master', restoreJob({ restore: toMaster }), false],
    ['a restore to another folder', restoreJob({ restore: alternate }), false],
  ])('%s can be sent to the Master: %s', (_name, job, allowed) => {
    expect(canSendToMaster(job)).toBe(allowed);
  });

  it.each<[string, RestoreJob, string | undefined]>([
    ['a restore to the Master that left 3 files as <name>.TMP', restoreJob({ restore: toMaster, outcome: waiting(3) }), '3 file(s) wait as <name>.TMP — stop the application, then Apply'],
    ['a restore to another folder that left 1 file', restoreJob({ restore: alternate, outcome: waiting(1) }), '1 file(s) wait as <name>.TMP — stop the application, then Apply'],
    ['a restore to the Replica that left 1,200 files', restoreJob({ outcome: waiting(1200) }), '1,200 file(s) wait as <name>.TMP — stop the application, then Apply'],
    ['a restore whose pending files were applied', restoreJob({ restore: toMaster }), undefined],
    ['a restore to the Master with no outcome recorded', restoreJob({ restore: toMaster, outcome: null }), undefined],
    ['a restore running again', restoreJob({ ...running, outcome: waiting(3) }), undefined],
    ['a restore whose last run failed', restoreJob({ ...failed, outcome: waiting(3) }), undefined],
  ])('%s: Apply pending restore is enabled only with files waiting (%j)', (_name, job, note) => {
    expect(pendingNote(job)).toBe(note);
    expect(canApplyPending(job)).toBe(note !== undefined);
  });
});
