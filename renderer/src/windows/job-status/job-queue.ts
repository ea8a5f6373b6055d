import type { IconName } from '../../components/icon-paths';
import type { ChannelResponse } from '../../../../electron/api/contract';
import { formatInstant, type QueueJob } from '../replication-manager/backup-jobs';

export type JobProgress = ChannelResponse<'backup.progress'>[number];

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

/**
 * The Last result column: the last run's result, "running" while it has none yet, "—" when
 * never run; a failed or incomplete run with its code and message:
 * "failed — E3387: The Replication Manager on dr01 took control…".
 */
export function lastResultLabel(job: Pick<QueueJob, 'lastRun'>): string {
  const run = job.lastRun;
  if (!run) return '—';
  if (run.result === null) return 'running';
  if ((run.result !== 'failed' && run.result !== 'incomplete') || (run.errorCode === null && run.errorMessage === null)) return run.result;
  const reason = run.errorCode && run.errorMessage ? `${run.errorCode}: ${run.errorMessage}` : (run.errorCode ?? run.errorMessage ?? '');
  return `${run.result} — ${reason}`;
}

/** The icon beside each status: waiting, running, held, finished. */
export const STATUS_ICONS: Readonly<Record<JobStatus, IconName>> = {
  Ready: 'history',
  Active: 'running',
  Hold: 'pause',
  Done: 'shield',
};

/** The progress bar's text: "43% · 34.2 MB/s · 0:12 left", or the throughput alone while the total is unknown. */
export function progressLabel(progress: Pick<JobProgress, 'bytesDone' | 'bytesTotal' | 'bytesPerSecond' | 'etaSeconds'>): string {
  const rate = `${(progress.bytesPerSecond / 1e6).toFixed(1)} MB/s`;
  if (progress.bytesTotal === null || progress.bytesTotal === 0) return `${(progress.bytesDone / 1e6).toFixed(1)} MB · ${rate}`;
  const percent = Math.min(100, Math.floor((progress.bytesDone * 100) / progress.bytesTotal));
  const left = progress.etaSeconds === null ? '' : ` · ${clock(progress.etaSeconds)} left`;
  return `${percent}% · ${rate}${left}`;
}

/** Seconds as "m:ss" or "h:mm:ss". */
function clock(seconds: number): string {
  const whole = Math.ceil(seconds);
  const pad = (value: number): string => String(value).padStart(2, '0');
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor(whole / 60) % 60;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(whole % 60)}` : `${minutes}:${pad(whole % 60)}`;
}
