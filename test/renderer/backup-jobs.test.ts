import { describe, expect, it } from 'vitest';
import {
  entryMessage,
  formatInstant,
  jobActionAllowed,
  jobStatusLabel,
  jobsOfScenario,
  type BackupJob,
  type JobAction,
} from '../../renderer/src/windows/replication-manager/backup-jobs';
import { backupJob } from './job-fixtures';

const local = (hours: number, minutes: number, seconds: number): string => new Date(2026, 10, 26, hours, minutes, seconds).toISOString();

describe('the jobs listed in the Backups tab', () => {
  it('are those including the scenario, newest first', () => {
    const jobs = [backupJob({ id: 1 }), backupJob({ id: 2, scenarios: [{ id: 's2', name: 'Mail' }] }), backupJob({ id: 3, scenarios: [{ id: 's2', name: 'Mail' }, { id: 's1', name: 'Finance' }] })];
    expect(jobsOfScenario(jobs, 's1').map((candidate) => candidate.id)).toEqual([3, 1]);
    expect(jobsOfScenario(jobs, 'none')).toEqual([]);
  });
});

describe('a backup job status', () => {
  it.each<[string, Partial<BackupJob>, string]>([
    ['ready, never run', {}, 'Ready'],
    ['active', { state: { status: 'Active', runId: 7 }, lastRun: { id: 7, result: null, finishedAt: null, errorCode: null, errorMessage: null } }, 'Active'],
    ['done and succeeded', { state: { status: 'Done' }, lastRun: { id: 7, result: 'succeeded', finishedAt: local(10, 1, 2), errorCode: null, errorMessage: null } }, 'Done — succeeded'],
    ['held after a failed run', { state: { status: 'Hold', nextRunAt: null }, lastRun: { id: 7, result: 'failed', finishedAt: local(10, 1, 2), errorCode: null, errorMessage: null } }, 'Hold — failed'],
  ])('reads %s as "%s"', (_name, patch, label) => {
    expect(jobStatusLabel(backupJob(patch))).toBe(label);
  });
});

describe('the job actions', () => {
  const states: Record<string, BackupJob['state']> = {
    Ready: { status: 'Ready', nextRunAt: '2026-11-26T10:00:00.000Z' },
    Active: { status: 'Active', runId: 1 },
    Hold: { status: 'Hold', nextRunAt: null },
    Done: { status: 'Done' },
  };
  it.each<[string, JobAction[]]>([
    ['Ready', ['run-now', 'hold', 'delete']],
    ['Active', ['cancel']],
    ['Hold', ['run-now', 'release', 'delete']],
    ['Done', ['run-now', 'delete']],
  ])('a %s job accepts %j', (status, allowed) => {
    const all: JobAction[] = ['run-now', 'hold', 'release', 'cancel', 'delete'];
    const state = states[status];
    if (!state) throw new Error(status);
    expect(all.filter((action) => jobActionAllowed({ state }, action))).toEqual(allowed);
  });
});

describe('times and messages', () => {
  it.each<[string | null | undefined, string]>([
    [local(10, 1, 2), '2026-11-26 10:01:02'],
    [null, '—'],
    [undefined, '—'],
    ['not a time', '—'],
  ])('formats %j as %s', (iso, text) => {
    expect(formatInstant(iso)).toBe(text);
  });

  it.each<[string | null, string]>([
    [null, 'Session 3 written'],
    ['AE0469', 'AE0469: Session 3 written'],
  ])('prefixes the code %j', (code, text) => {
    expect(entryMessage({ message: 'Session 3 written', code })).toBe(text);
  });
});
