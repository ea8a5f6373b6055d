import type { ChannelResponse } from '../../../../electron/api/contract';
import { formatDateTime } from './format';

/** Every job of the Job Queue: backup and restore jobs, told apart by `kind`. */
export type QueueJob = ChannelResponse<'backup.jobs'>[number];
export type BackupJob = Extract<QueueJob, { kind: 'backup' }>;
export type ActivityEntry = ChannelResponse<'backup.activity-entries'>[number];
export type JobAction = 'run-now' | 'hold' | 'release' | 'cancel' | 'delete';

/** The Job Queue's row actions, in the order the buttons show. */
export const JOB_ACTIONS: ReadonlyArray<{ action: JobAction; label: string }> = [
  { action: 'run-now', label: 'Run now' },
  { action: 'hold', label: 'Hold' },
  { action: 'release', label: 'Release' },
  { action: 'cancel', label: 'Stop' },
  { action: 'delete', label: 'Delete' },
];

/** The jobs that back up the scenario, newest first (its restore jobs belong to the Restore Manager). */
export function jobsOfScenario(jobs: readonly QueueJob[], scenarioId: string): BackupJob[] {
  return jobs
    .filter((job): job is BackupJob => job.kind === 'backup' && job.scenarios.some((scenario) => scenario.id === scenarioId))
    .sort((a, b) => b.id - a.id);
}

/** The queue status, with the last run's result when there is one: "Done — succeeded". */
export function jobStatusLabel(job: Pick<QueueJob, 'state' | 'lastRun'>): string {
  const result = job.lastRun?.result;
  return result ? `${job.state.status} — ${result}` : job.state.status;
}

/** An ISO instant as "YYYY-MM-DD HH:MM:SS" local time; "—" for none or an unreadable one. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? formatDateTime(ms) : '—';
}

/** Which actions a job in this state accepts: an active job can only be stopped; a held job is released, not held again. */
export function jobActionAllowed(job: Pick<QueueJob, 'state'>, action: JobAction): boolean {
  const status = job.state.status;
  switch (action) {
    case 'hold':
      return status === 'Ready';
    case 'release':
      return status === 'Hold';
    case 'cancel':
      return status === 'Active';
    case 'run-now':
    case 'delete':
      return status !== 'Active';
  }
}

/** An Activity Log message with its message code, when it has one: "AE0469: …". */
export function entryMessage(entry: Pick<ActivityEntry, 'message' | 'code'>): string {
  return entry.code ? `${entry.code}: ${entry.message}` : entry.message;
}
