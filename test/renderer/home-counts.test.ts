import { describe, expect, it } from 'vitest';
import type { LiveScenario } from '../../electron/api/contract';
import { homeCounts, nextStep } from '../../renderer/src/windows/home/home-counts';
import { backupJob, restoreJob } from './job-fixtures';
import { errorInfo, link, scenario } from './live-fixtures';

const RUNNING = { state: 'running', since: '2026-11-26T09:00:00.000Z' } as const;

describe('Home counts', () => {
  it('counts scenarios by the state the Scenario pane reads (synchronizing is running, every stop reason is stopped)', () => {
    const scenarios = [
      scenario('a', RUNNING),
      scenario('b', RUNNING),
      scenario('c', RUNNING),
      scenario('d', RUNNING),
      scenario('e', { state: 'stopped', reason: 'created' }),
      scenario('f', { state: 'stopped', reason: 'user' }),
    ];
    const live: Record<string, LiveScenario> = {
      a: { state: 'running', links: [link()], roots: [] },
      b: { state: 'running', links: [link({ state: 'synchronizing' })], roots: [] },
      c: { state: 'problem', links: [link({ state: 'disconnected' })], roots: [] },
      d: { state: 'not-authorized', error: errorInfo('AE0459', 'bad credentials') },
    };
    const counts = homeCounts(scenarios, live, undefined);
    expect(counts.scenarios).toBe(6);
    expect(counts.byState).toEqual({ Running: 2, Problem: 1, 'Not Authorized': 1, Stopped: 2 });
    expect(counts.jobs).toBeUndefined();
  });

  it('counts jobs by queue status, and backup and restore jobs apart', () => {
    const jobs = [
      backupJob({ id: 1 }),
      backupJob({ id: 2, state: { status: 'Active', runId: 4 } }),
      backupJob({ id: 3, state: { status: 'Hold', nextRunAt: null } }),
      backupJob({ id: 4, state: { status: 'Ready', nextRunAt: '2026-11-27T10:00:00.000Z' } }),
      restoreJob(),
    ];
    const counts = homeCounts([], {}, jobs);
    expect(counts.jobs).toEqual({ Ready: 2, Active: 1, Hold: 1, Done: 1 });
    expect([counts.backupJobs, counts.restoreJobs]).toEqual([4, 1]);
    expect(homeCounts([], {}, []).jobs).toEqual({ Ready: 0, Active: 0, Hold: 0, Done: 0 });
  });

  it.each([
    ['create', [], [], 'create'],
    ['run', [scenario('a', { state: 'stopped', reason: 'created' })], [], 'run'],
    ['back up', [scenario('a', RUNNING)], [], 'back-up'],
    ['restore', [scenario('a', RUNNING)], [backupJob()], 'restore'],
    ['watch', [scenario('a', RUNNING)], [backupJob(), restoreJob()], 'watch'],
    ['restore, even once the scenario was stopped again after its backup', [scenario('a', { state: 'stopped', reason: 'user' })], [backupJob()], 'restore'],
  ] as const)('suggests the next step: %s', (_name, scenarios, jobs, step) => {
    expect(nextStep(homeCounts(scenarios, {}, jobs))).toBe(step);
  });
});
