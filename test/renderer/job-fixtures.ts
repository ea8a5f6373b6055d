import type { BackupJob } from '../../renderer/src/windows/replication-manager/backup-jobs';
import type { RestoreJob } from '../../renderer/src/windows/restore-manager/restore-types';

const AT = '2026-11-26T10:00:00.000Z';

/** What every job of the queue carries, whatever its kind. */
const QUEUED = { description: '', schedule: { kind: 'once', at: AT }, owner: 'admin', createdAt: AT, updatedAt: AT } as const;

/** A backup job of the Job Queue, ready and never run; `patch` changes any of it. */
export function backupJob(patch: Partial<BackupJob> = {}): BackupJob {
  return {
    id: 1,
    name: 'Back up Finance now',
    ...QUEUED,
    kind: 'backup',
    scenarios: [{ id: 's1', name: 'Finance' }],
    deviceGroupId: 1,
    mediaPool: null,
    options: { compression: 'gzip', encryption: false, virusScan: false, timeoutSeconds: 180, snapshot: 'release', multistreaming: true, verification: 'none', staging: null },
    state: { status: 'Ready', nextRunAt: AT },
    lastRun: null,
    ...patch,
  };
}

/** A restore job of a whole session to the Replica that ran and succeeded, nothing left pending; `patch` changes any of it. */
export function restoreJob(patch: Partial<RestoreJob> = {}): RestoreJob {
  return {
    id: 7,
    name: 'Restore Payroll',
    ...QUEUED,
    kind: 'restore',
    scenarios: [{ id: 's1', name: 'Payroll' }],
    state: { status: 'Done' },
    lastRun: { id: 9, result: 'succeeded', finishedAt: '2026-11-26T10:02:00.000Z', errorCode: null, errorMessage: null },
    outcome: { host: 'localhost', targets: [{ root: '/replica/srv/payroll', paths: [''] }], pending: null },
    restore: {
      scenarioId: 's1',
      items: [{ session: 3, path: null }],
      destination: { kind: 'original', to: 'replica' },
      options: { continueIfNotStopped: false, timeoutSeconds: 180 },
    },
    ...patch,
  };
}
