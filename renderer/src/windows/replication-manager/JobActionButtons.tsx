import type { ReactElement } from 'react';
import { JOB_ACTIONS, jobActionAllowed, type JobAction, type QueueJob } from './backup-jobs';

/** The Modify action where a list offers it (the Job Queue): why it is refused, if it is, and what it opens. */
export interface ModifyAction {
  /** Undefined when the job can be modified; else the disabled button's tooltip. */
  refusal: string | undefined;
  onModify(): void;
}

interface JobActionButtonsProps {
  job: QueueJob;
  onAction(action: JobAction): void;
  modify?: ModifyAction;
}

/**
 * A job row's actions (Run now, Hold, Release, Stop, Modify where offered, Delete), each
 * enabled as the job's state allows; a click does not select the row.
 */
export function JobActionButtons({ job, onAction, modify }: JobActionButtonsProps): ReactElement {
  const button = (key: string, label: string, disabled: boolean, onClick: () => void, title?: string): ReactElement => (
    <button
      key={key}
      type="button"
      className="link"
      aria-label={`${label} job ${job.name}`}
      title={title}
      disabled={disabled}
      onClick={(event) => {
        event.stopPropagation();
        onClick();
      }}
    >
      {label}
    </button>
  );
  return (
    <div className="row-actions">
      {JOB_ACTIONS.map(({ action, label }) => [
        action === 'delete' && modify ? button('modify', 'Modify', modify.refusal !== undefined, modify.onModify, modify.refusal) : null,
        button(action, label, !jobActionAllowed(job, action), () => onAction(action)),
      ])}
    </div>
  );
}
