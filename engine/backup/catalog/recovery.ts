import type { ActivityLog } from './activity-log';
import type { BackupJobs } from './jobs';
import type { Sessions } from './sessions';

/** Why work cut short by a stop is failed, in the Activity Log's words. */
export const INTERRUPTED =
  'Understudy stopped while the job was running (the engine or the application was closed or crashed)';

export interface RecoveryReport {
  /** Top-level runs failed, with their job's status afterwards. */
  jobs: { jobId: number; runId: number; status: string }[];
  childRuns: number[];
  sessions: number[];
}

/**
 * Run once at start-up, before the scheduler claims anything: every run still open and every
 * session still 'writing' belongs to a process that is gone. Their sessions fail (so no
 * half-written session is ever restorable), their runs fail with a clear message, and their
 * jobs move on as after any failed run: a repeating job to its next time, a one-time job to
 * Done. Each job gets an Error entry saying so.
 */
export function recoverInterruptedJobs(stores: { jobs: BackupJobs; sessions: Sessions; activity: ActivityLog }): RecoveryReport {
  const sessions = stores.sessions.failInterrupted(INTERRUPTED);
  for (const session of sessions) {
    const runId = stores.sessions.get(session)?.runId ?? null;
    stores.activity.append({ type: 'Error', runId, session, message: `Session ${session} was not completed and is not restorable: ${INTERRUPTED}` });
  }
  const unfinished = stores.jobs.runs.unfinished();
  const childRuns: number[] = [];
  for (const child of unfinished.filter((run) => run.parentRunId !== null)) {
    stores.jobs.runs.finish(child.id, { result: 'failed', errorMessage: INTERRUPTED });
    childRuns.push(child.id);
  }
  const jobs: RecoveryReport['jobs'] = [];
  for (const run of unfinished.filter((candidate) => candidate.parentRunId === null)) {
    const { job } = stores.jobs.finish(run.id, { result: 'failed', errorMessage: INTERRUPTED });
    jobs.push({ jobId: job.id, runId: run.id, status: job.state.status });
  }
  return { jobs, childRuns, sessions };
}
