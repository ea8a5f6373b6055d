import { describe, expect, it } from 'vitest';
import { jobTypeLabel, lastResultLabel, nextRunLabel, queueOrder, scenarioNames, STATUS_ICONS } from '../../renderer/src/windows/job-status/job-queue';
import { formatInstant } from '../../renderer/src/windows/replication-manager/backup-jobs';
import { backupJob, restoreJob } from './job-fixtures';

const AT = '2026-11-26T10:00:00.000Z';

describe('the Job Queue', () => {
  it('lists backup and restore jobs together, newest first', () => {
    expect(queueOrder([backupJob({ id: 2 }), restoreJob({ id: 7 }), backupJob({ id: 5 })]).map((job) => job.id)).toEqual([7, 5, 2]);
  });

  it('names each job type and its scenarios in the job order', () => {
    expect(jobTypeLabel(backupJob())).toBe('Backup');
    expect(jobTypeLabel(restoreJob())).toBe('Restore');
    expect(scenarioNames(backupJob({ scenarios: [{ id: 'a', name: 'Mail' }, { id: 'b', name: 'Finance' }] }))).toBe('Mail, Finance');
    expect(scenarioNames(backupJob({ scenarios: [] }))).toBe('—');
  });

  it.each<[string, Parameters<typeof backupJob>[0], string]>([
    ['a ready job runs at its next time', { state: { status: 'Ready', nextRunAt: AT } }, formatInstant(AT)],
    ['a held job keeps the time it would have run', { state: { status: 'Hold', nextRunAt: AT } }, formatInstant(AT)],
    ['a held job without a time shows none', { state: { status: 'Hold', nextRunAt: null } }, '—'],
    ['an active job is running', { state: { status: 'Active', runId: 3 } }, 'Running'],
    ['a done job has no next run', { state: { status: 'Done' } }, '—'],
  ])('Next run: %s', (_name, patch, label) => {
    expect(nextRunLabel(backupJob(patch))).toBe(label);
  });

  it('shows the last result, "running" while the run has none and "—" before any run', () => {
    expect(lastResultLabel(backupJob())).toBe('—');
    expect(lastResultLabel(backupJob({ lastRun: { id: 1, result: null, finishedAt: null } }))).toBe('running');
    expect(lastResultLabel(backupJob({ lastRun: { id: 1, result: 'failed', finishedAt: AT } }))).toBe('failed');
  });

  it('gives every status its own icon', () => {
    expect(new Set(Object.values(STATUS_ICONS)).size).toBe(4);
  });
});
