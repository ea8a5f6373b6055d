import type { IconName } from '../../components/icon-paths';
import { formatInstant, type QueueJob } from '../replication-manager/backup-jobs';

export type JobStatus = QueueJob['state']['status'];

/** The Job Queue's order: newest job first. */
export function queueOrder(jobs: readonly QueueJob[]): QueueJob[] {
  return [...jobs].sort((a, b) => b.id - a.id);
}

/** The Type column: "Backup" or "Restore". */
export function jobTypeLabel(job: Pick<QueueJob, 'kind'>): string {
  return job.kind === 'backup' ? 'Backup' : 'Restore';
}

/** The Scenarios column: the scenario names in the job's order, "—" for none. */
export function scenarioNames(job: Pick<QueueJob, 'scenarios'>): string {
  return job.scenarios.length === 0 ? '—' : job.scenarios.map((scenario) => scenario.name).join(', ');
}

/** The Next run column: when a ready or held job would run; "—" when it runs now or not again. */
export function nextRunLabel(job: Pick<QueueJob, 'state'>): string {
  const state = job.state;
  if (state.status === 'Ready' || state.status === 'Hold') return formatInstant(state.nextRunAt);
  return state.status === 'Active' ? 'Running' : '—';
}

/** The Last result column: the last run's result, "running" while it has none yet, "—" when never run. */
export function lastResultLabel(job: Pick<QueueJob, 'lastRun'>): string {
  if (!job.lastRun) return '—';
  return job.lastRun.result ?? 'running';
}

/** The icon beside each status: waiting, running, held, finished. */
export const STATUS_ICONS: Readonly<Record<JobStatus, IconName>> = {
  Ready: 'history',
  Active: 'running',
  Hold: 'pause',
  Done: 'shield',
};
