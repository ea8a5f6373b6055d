import { describe, expect, it } from 'vitest';
import { jobTypeLabel, lastResultLabel, nextRunLabel, queueOrder, scenarioNames, STATUS_ICONS, progressLabel } from '../../renderer/src/windows/job-status/job-queue';
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
    expect(lastResultLabel(backupJob({ lastRun: { id: 1, result: null, finishedAt: null, errorCode: null, errorMessage: null } }))).toBe('running');
    expect(lastResultLabel(backupJob({ lastRun: { id: 1, result: 'failed', finishedAt: AT, errorCode: null, errorMessage: null } }))).toBe('failed');
  });

  it('tells why the last run failed: its code and message', () => {
    const ended = (result: 'failed' | 'incomplete' | 'canceled', errorCode: string | null, errorMessage: string | null) => backupJob({ lastRun: { id: 5, result, finishedAt: AT, errorCode, errorMessage } });
    const tookControl = 'The Replication Manager on dr01 took control of the scenario while job 1 "Nightly" was backing it up';
    expect(lastResultLabel(ended('failed', 'E3387', tookControl))).toBe(`failed — E3387: ${tookControl}`);
    expect(lastResultLabel(ended('failed', 'AE0465', null))).toBe('failed — AE0465');
    expect(lastResultLabel(ended('failed', null, null))).toBe('failed');
    expect(lastResultLabel(ended('incomplete', 'AE0461', 'snapshot kept'))).toBe('incomplete — AE0461: snapshot kept');
    expect(lastResultLabel(ended('canceled', null, 'canceled by the user'))).toBe('canceled');
  });

  it('gives every status its own icon', () => {
    expect(new Set(Object.values(STATUS_ICONS)).size).toBe(4);
  });
});

describe('the progress bar text of an Active job', () => {
  it.each([
    ['halfway with time left', { bytesDone: 50e6, bytesTotal: 100e6, bytesPerSecond: 34.2e6, etaSeconds: 12.3 }, '50% · 34.2 MB/s · 0:13 left'],
    ['long jobs show hours', { bytesDone: 1e9, bytesTotal: 100e9, bytesPerSecond: 20e6, etaSeconds: 4950 }, '1% · 20.0 MB/s · 1:22:30 left'],
    ['no total known yet', { bytesDone: 5e6, bytesTotal: null, bytesPerSecond: 1e6, etaSeconds: null }, '5.0 MB · 1.0 MB/s'],
    ['nothing moved yet', { bytesDone: 0, bytesTotal: 100e6, bytesPerSecond: 0, etaSeconds: null }, '0% · 0.0 MB/s'],
    ['more than expected never shows over 100%', { bytesDone: 120, bytesTotal: 100, bytesPerSecond: 0, etaSeconds: 0 }, '100% · 0.0 MB/s · 0:00 left'],
  ])('%s', (_name, progress, text) => {
    expect(progressLabel(progress)).toBe(text);
  });
});
