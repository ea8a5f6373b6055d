import { markLabel } from './restore-selection';
import type { QueueJob, RestoreJob } from './restore-types';

/** The restore jobs of the queue, newest first (backup.jobs lists backup and restore jobs). */
export function restoreJobs(jobs: readonly QueueJob[]): RestoreJob[] {
  return jobs.filter((job): job is RestoreJob => job.kind === 'restore').sort((a, b) => b.id - a.id);
}

/** A restore written to the Replica's original location reaches the Master only by sending it back (reverse synchronization). */
export function canSendToMaster(job: RestoreJob): boolean {
  const destination = job.restore.destination;
  return job.state.status === 'Done' && job.lastRun?.result === 'succeeded' && destination.kind === 'original' && destination.to === 'replica';
}

/** Files restored beside a running application wait as <name>.TMP: only a finished restore to an original location can have some. */
export function canApplyPending(job: RestoreJob): boolean {
  return job.state.status === 'Done' && job.lastRun?.result !== null && job.lastRun !== null && job.restore.destination.kind === 'original';
}

/** What the job restores, in one line: "Session 3 (whole session)", or the first item and how many more. */
export function restoreItemsLabel(job: RestoreJob): string {
  const [first, ...rest] = job.restore.items;
  if (!first) return '—';
  return rest.length === 0 ? markLabel(first) : `${markLabel(first)} and ${rest.length} more`;
}
