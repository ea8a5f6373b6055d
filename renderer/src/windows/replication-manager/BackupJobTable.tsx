import type { ReactElement } from 'react';
import { formatInstant, jobStatusLabel, type BackupJob, type JobAction } from './backup-jobs';
import { JobActionButtons } from './JobActionButtons';

interface BackupJobTableProps {
  jobs: readonly BackupJob[];
  selectedJobId: number | undefined;
  onSelect(jobId: number): void;
  onAction(job: BackupJob, action: JobAction): void;
}

/** The scenario's backup jobs, newest first; selecting a row shows its last run's Activity Log. */
export function BackupJobTable({ jobs, selectedJobId, onSelect, onAction }: BackupJobTableProps): ReactElement {
  if (jobs.length === 0) return <p className="empty">No backup jobs include this scenario. Use "Back up now" while it runs.</p>;
  return (
    <table className="grid backup-job-table" aria-label="Backup jobs">
      <thead>
        <tr>
          <th scope="col">Job</th>
          <th scope="col">Status</th>
          <th scope="col">Last run finished</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <tr key={job.id} aria-selected={job.id === selectedJobId} onClick={() => onSelect(job.id)} className={job.id === selectedJobId ? 'selected' : undefined}>
            <td>
              <button type="button" className="link" aria-label={`Select job ${job.name}`} onClick={() => onSelect(job.id)}>
                {job.name}
              </button>
            </td>
            <td>{jobStatusLabel(job)}</td>
            <td>{formatInstant(job.lastRun?.finishedAt)}</td>
            <td>
              <JobActionButtons job={job} onAction={(action) => onAction(job, action)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
