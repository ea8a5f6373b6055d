import { useState, type ReactElement } from 'react';
import type { Result } from '../../../../electron/api/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/Icon';
import { jobStatusLabel, type BackupJob, type JobAction, type QueueJob } from '../replication-manager/backup-jobs';
import { JobActionButtons } from '../replication-manager/JobActionButtons';
import { JobProgressBar } from './JobProgressBar';
import { modifyRefusal } from './job-modify-form';
import { jobTypeLabel, lastResultLabel, nextRunLabel, queueOrder, scenarioNames, STATUS_ICONS, type JobProgress } from './job-queue';
import { ModifyJobDialog } from './ModifyJobDialog';

interface JobQueueTableProps {
  jobs: readonly QueueJob[];
  /** How far each Active job is, by job ID. */
  progress: Readonly<Record<number, JobProgress>>;
  /** Why failed runs failed, by run ID. */
  onAction(job: QueueJob, action: JobAction): Promise<unknown>;
  /** Deletes after the confirmation; its error stays in the dialog. */
  onDelete(job: QueueJob): Promise<Result<unknown>>;
}

/** The Job Queue: every backup and restore job, newest first, with its state and the actions it accepts. */
export function JobQueueTable({ jobs, progress, onAction, onDelete }: JobQueueTableProps): ReactElement {
  const [deleting, setDeleting] = useState<QueueJob | undefined>();
  const [modifying, setModifying] = useState<BackupJob | undefined>();
  if (jobs.length === 0) return <p className="empty">The job queue is empty. Back up a running scenario or submit a restore to add a job.</p>;
  return (
    <div className="pane-body">
      <table className="grid job-queue-table" aria-label="Job queue">
        <thead>
          <tr>
            <th scope="col">Job</th>
            <th scope="col">Type</th>
            <th scope="col">Scenarios</th>
            <th scope="col">Status</th>
            <th scope="col">Next run</th>
            <th scope="col">Last result</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {queueOrder(jobs).map((job) => (
            <tr key={job.id}>
              <td>
                <span className="job-id">{job.id}</span> {job.name}
              </td>
              <td>{jobTypeLabel(job)}</td>
              <td>{scenarioNames(job)}</td>
              <td className={`job-status job-status-${job.state.status.toLowerCase()}`}>
                <Icon name={STATUS_ICONS[job.state.status]} /> {jobStatusLabel(job)}
                {job.state.status === 'Active' && <JobProgressBar job={job} progress={progress[job.id]} />}
              </td>
              <td>{nextRunLabel(job)}</td>
              <td className={['job-last-result', job.lastRun?.result && `run-${job.lastRun.result}`].filter(Boolean).join(' ')}>
                {lastResultLabel(job)}
              </td>
              <td>
                <JobActionButtons
                  job={job}
                  onAction={(action) => (action === 'delete' ? setDeleting(job) : void onAction(job, action))}
                  modify={{ refusal: modifyRefusal(job), onModify: () => job.kind === 'backup' && setModifying(job) }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {modifying && <ModifyJobDialog job={modifying} onClose={() => setModifying(undefined)} />}
      {deleting && (
        <ConfirmDialog title="Delete job" confirmLabel="Delete" action={() => onDelete(deleting)} onClose={() => setDeleting(undefined)}>
          <p>
            Delete job {deleting.id} “{deleting.name}” from the queue? Its sessions and Activity Log stay in the catalog.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
