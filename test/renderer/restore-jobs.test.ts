import { describe, expect, it } from 'vitest';
import { canApplyPending, canSendToMaster, restoreItemsLabel, restoreJobs } from '../../renderer/src/windows/restore-manager/restore-jobs';
import type { QueueJob, RestoreJob } from '../../renderer/src/windows/restore-manager/restore-types';
import { restoreJob } from './restore-fixtures';

const backupJob: QueueJob = {
  id: 8,
  name: 'Back up Payroll now',
  description: '',
  kind: 'backup',
  scenarios: [{ id: 's1', name: 'Payroll' }],
  deviceGroupId: 1,
  mediaPool: null,
  options: { compression: 'gzip', encryption: false, virusScan: false, timeoutSeconds: 180, snapshot: 'release' },
  schedule: { kind: 'once', at: '2026-11-26T10:00:00.000Z' },
  state: { status: 'Done' },
  owner: 'admin',
  createdAt: '2026-11-26T10:00:00.000Z',
  updatedAt: '2026-11-26T10:00:00.000Z',
  lastRun: null,
};

describe('the Restore jobs table', () => {
  it('lists the restore jobs of the queue only, newest first', () => {
    expect(restoreJobs([restoreJob({ id: 2 }), backupJob, restoreJob({ id: 5 })]).map((job) => job.id)).toEqual([5, 2]);
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

  it.each<[string, RestoreJob, boolean]>([
    ['a succeeded restore to the Replica', restoreJob(), true],
    ['a failed restore to the Replica', restoreJob({ lastRun: { id: 9, result: 'failed', finishedAt: null } }), false],
    ['a restore to the Replica still running', restoreJob({ state: { status: 'Active', runId: 9 } }), false],
    ['a restore to the Master', restoreJob({ restore: toMaster }), false],
    ['a restore to another folder', restoreJob({ restore: alternate }), false],
  ])('%s can be sent to the Master: %s', (_name, job, allowed) => {
    expect(canSendToMaster(job)).toBe(allowed);
  });

  it.each<[string, RestoreJob, boolean]>([
    ['a finished restore to an original location', restoreJob({ restore: toMaster }), true],
    ['a restore not run yet', restoreJob({ state: { status: 'Ready', nextRunAt: '2026-11-26T10:00:00.000Z' }, lastRun: null }), false],
    ['a restore to another folder', restoreJob({ restore: alternate }), false],
  ])('%s may have pending files to apply: %s', (_name, job, allowed) => {
    expect(canApplyPending(job)).toBe(allowed);
  });
});
