import { useEffect, useRef, useState } from 'react';
import type { ErrorInfo } from '../../../../electron/api/contract';
import { api } from '../../api/api';
import type { Schedule, SchedulePreview } from './backup-types';
import { buildSchedule, startsAtSubmission, type ScheduleForm } from './schedule-form';

/** What the Schedule tab and Submit Job say about when the job runs. */
export type Preview =
  /** Run now, or every N hours from the submission: known only at Submit. */
  | { state: 'at-submission' }
  /** The form does not make a schedule yet (a field is blank or wrong). */
  | { state: 'incomplete' }
  | { state: 'loading' }
  /** `passed`: a one-time run whose time is already past when asked (it runs as soon as submitted). */
  | { state: 'loaded'; value: SchedulePreview; passed: boolean }
  | { state: 'failed'; error: ErrorInfo };

/**
 * Asks the backup server when a job with this schedule would first run and how the queue
 * describes it (backup.schedule-preview): the server's local-time rules decide, so the window
 * does not compute them again. Asked again only when the schedule changes.
 */
export function useSchedulePreview(form: ScheduleForm): Preview {
  const built = startsAtSubmission(form) ? undefined : buildSchedule(form, new Date());
  const question = built?.ok ? JSON.stringify(built.schedule) : undefined;
  const [answer, setAnswer] = useState<{ question: string; preview: Preview }>();
  // The schedule is a new object at every render; the effect reads the latest and runs per question.
  const latest = useRef<Schedule | undefined>(undefined);
  useEffect(() => {
    latest.current = built?.ok ? built.schedule : undefined;
  });
  useEffect(() => {
    const schedule = latest.current;
    if (question === undefined || schedule === undefined) return;
    let shown = true;
    void api.invoke('backup.schedule-preview', { schedule }).then((result) => {
      if (shown) setAnswer({ question, preview: result.ok ? { state: 'loaded', value: result.value, passed: Date.parse(result.value.firstRunAt) < Date.now() } : { state: 'failed', error: result.error } });
    });
    return () => {
      shown = false;
    };
  }, [question]);
  if (startsAtSubmission(form)) return { state: 'at-submission' };
  if (question === undefined) return { state: 'incomplete' };
  return answer?.question === question ? answer.preview : { state: 'loading' };
}
