import type { ReactElement } from 'react';
import { JOB_ACTIONS, jobActionAllowed, type JobAction, type QueueJob } from './backup-jobs';

/** A job row's actions (Run now, Hold, Release, Stop, Delete), each enabled as the job's state allows; a click does not select the row. */
export function JobActionButtons({ job, onAction }: { job: QueueJob; onAction(action: JobAction): void }): ReactElement {
  return (
    <div className="row-actions">
      {JOB_ACTIONS.map(({ action, label }) => (
        <button
          key={action}
          type="button"
          className="link"
          aria-label={`${label} job ${job.name}`}
          disabled={!jobActionAllowed(job, action)}
          onClick={(event) => {
            event.stopPropagation();
            onAction(action);
          }}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
