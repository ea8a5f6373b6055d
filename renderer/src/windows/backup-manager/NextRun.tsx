import type { ReactElement } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatInstant } from '../replication-manager/backup-jobs';
import type { ScheduleForm } from './schedule-form';
import { useSchedulePreview } from './use-schedule-preview';

/** "Next run: 2026-11-27 22:00:00" and how the queue will describe the schedule, as the backup server computes them. */
export function NextRun({ form }: { form: ScheduleForm }): ReactElement {
  const preview = useSchedulePreview(form);
  switch (preview.state) {
    case 'at-submission':
      return (
        <p className="next-run" aria-live="polite">
          Next run: {form.run === 'now' ? 'as soon as the job is submitted' : `when the job is submitted, then every ${form.hours.trim()} hours`}
        </p>
      );
    case 'incomplete':
      return (
        <p className="next-run muted" aria-live="polite">
          Next run: complete the schedule above
        </p>
      );
    case 'loading':
      return (
        <p className="next-run muted" aria-live="polite">
          Next run: …
        </p>
      );
    case 'failed':
      return <ErrorBanner error={preview.error} />;
    case 'loaded':
      return (
        <div className="next-run" aria-live="polite">
          <p>
            Next run: {formatInstant(preview.value.firstRunAt)}
            {preview.passed && ' — this time has passed: the job runs as soon as it is submitted'}
          </p>
          <p className="muted">Schedule: {preview.value.description}</p>
        </div>
      );
  }
}
