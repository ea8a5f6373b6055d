import type { ReactElement } from 'react';
import type { QueueJob } from '../replication-manager/backup-jobs';
import { progressLabel, type JobProgress } from './job-queue';

/** An Active job's progress: a bar once the job knows its total, with throughput and time left. */
export function JobProgressBar({ job, progress }: { job: QueueJob; progress: JobProgress | undefined }): ReactElement | null {
  if (!progress) return null;
  const label = progressLabel(progress);
  return (
    <div className="job-progress">
      <progress aria-label={`Progress of job ${job.name}`} value={progress.bytesDone} max={progress.bytesTotal ?? undefined} />
      <span aria-live="off">{label}</span>
    </div>
  );
}
