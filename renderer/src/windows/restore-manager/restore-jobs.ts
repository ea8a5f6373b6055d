import { formatCount } from '../replication-manager/format';
import { markLabel } from './restore-selection';
import type { QueueJob, RestoreJob } from './restore-types';

/** The restore jobs of the queue, newest first (backup.jobs lists backup and restore jobs). */
export function restoreJobs(jobs: readonly QueueJob[]): RestoreJob[] {
  return jobs.filter((job): job is RestoreJob => job.kind === 'restore').sort((a, b) => b.id - a.id);
}

/** What the job's last run wrote, while it is what the engine follows up: that run succeeded and no other is running. */
function lastOutcome(job: RestoreJob): RestoreJob['outcome'] {
  return job.state.status !== 'Active' && job.lastRun?.result === 'succeeded' ? job.outcome : null;
}

/** A restore written to the Replica's original location reaches the Master only by sending it back (reverse synchronization). */
export function canSendToMaster(job: RestoreJob): boolean {
  const destination = job.restore.destination;
  return lastOutcome(job) !== null && destination.kind === 'original' && destination.to === 'replica';
}

/** How many restored files wait as <name>.TMP beside a running application (0 when none). */
export function pendingFiles(job: RestoreJob): number {
  return lastOutcome(job)?.pending?.files ?? 0;
}

/** Apply pending restore swaps those files in; once it has, the job's outcome no longer has any pending. */
export function canApplyPending(job: RestoreJob): boolean {
  return lastOutcome(job)?.pending != null;
}

/** The job details' line while files wait; undefined when none do. */
export function pendingNote(job: RestoreJob): string | undefined {
  if (!canApplyPending(job)) return undefined;
  return `${formatCount(pendingFiles(job))} file(s) wait as <name>.TMP — stop the application, then Apply`;
}

/** What the job restores, in one line: "Session 3 (whole session)", or the first item and how many more. */
export function restoreItemsLabel(job: RestoreJob): string {
  const [first, ...rest] = job.restore.items;
  if (!first) return '—';
  return rest.length === 0 ? markLabel(first) : `${markLabel(first)} and ${rest.length} more`;
}
