import type { ReactElement } from 'react';
import { formatInstant, jobStatusLabel } from '../replication-manager/backup-jobs';
import { describeDestination } from './restore-destination';
import { restoreItemsLabel } from './restore-jobs';
import type { RestoreJob } from './restore-types';

interface RestoreJobTableProps {
  jobs: readonly RestoreJob[];
  selectedJobId: number | undefined;
  onSelect(jobId: number): void;
}

/** The restore jobs of the Job Queue, newest first; choosing one shows its last run's Activity Log. */
export function RestoreJobTable({ jobs, selectedJobId, onSelect }: RestoreJobTableProps): ReactElement {
  if (jobs.length === 0) return <p className="empty">No restore jobs yet: mark what to restore, then Start.</p>;
  return (
    <table className="grid backup-job-table restore-job-table" aria-label="Restore jobs">
      <thead>
        <tr>
          <th scope="col">Job</th>
          <th scope="col">Status</th>
          <th scope="col">Restores</th>
          <th scope="col">Destination</th>
          <th scope="col">Last run finished</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <tr key={job.id} aria-selected={job.id === selectedJobId} className={job.id === selectedJobId ? 'selected' : undefined} onClick={() => onSelect(job.id)}>
            <td>
              <button type="button" className="link" aria-label={`Select job ${job.name}`} onClick={() => onSelect(job.id)}>
                {job.id}: {job.name}
              </button>
            </td>
            <td>{jobStatusLabel(job)}</td>
            <td title={restoreItemsLabel(job)}>{restoreItemsLabel(job)}</td>
            <td>{describeDestination(job.restore.destination)}</td>
            <td>{formatInstant(job.lastRun?.finishedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
