import type { Database } from 'better-sqlite3';
import type { Clock } from '../../clock';
import { JobRunSchema, type JobRun, type RunResult } from './job-model';
import { refuse } from './refusals';
import { RestoreOutcomeSchema, type RestoreOutcome } from '../../restore/restore-model';

export interface RunOutcome {
  result: RunResult;
  files?: number;
  directories?: number;
  bytes?: number;
  errorCode?: string | null;
  errorMessage?: string | null;
}

interface RunRow {
  id: number;
  job_id: number;
  parent_run_id: number | null;
  scenario_id: string | null;
  started_at: string;
  finished_at: string | null;
  result: string | null;
  files: number;
  directories: number;
  bytes: number;
  error_code: string | null;
  error_message: string | null;
}

/**
 * The runs of jobs: one per time a job runs, plus one child run per scenario when a job backs
 * up several scenarios in parallel (multistreaming). BackupJobs starts and ends top-level runs
 * (they move the job through the queue); the executor starts and ends child runs here.
 */
export class JobRuns {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Used by BackupJobs.claimNextDue inside its transaction. */
  startTopLevel(jobId: number): JobRun {
    const id = Number(
      this.db.prepare('INSERT INTO backup_job_runs (job_id, started_at) VALUES (?, ?)').run(jobId, this.clock.now().toISOString()).lastInsertRowid,
    );
    return this.require(id);
  }

  startChild(parentRunId: number, scenarioId: string): JobRun {
    const parent = this.require(parentRunId);
    if (parent.finishedAt !== null) throw refuse({ kind: 'run-finished', runId: parentRunId });
    const id = Number(
      this.db
        .prepare('INSERT INTO backup_job_runs (job_id, parent_run_id, scenario_id, started_at) VALUES (?, ?, ?, ?)')
        .run(parent.jobId, parentRunId, scenarioId, this.clock.now().toISOString()).lastInsertRowid,
    );
    return this.require(id);
  }

  /** Where a restore run wrote (restore-model.ts RestoreOutcome), for "send to Master" and the pending list. */
  setRestoreOutcome(runId: number, outcome: RestoreOutcome): void {
    this.db.prepare('UPDATE backup_job_runs SET restore_outcome = ? WHERE id = ?').run(JSON.stringify(outcome), runId);
  }

  /** The last restore outcome recorded for a job's runs, if any. */
  lastRestoreOutcome(jobId: number): RestoreOutcome | undefined {
    return this.lastRestoreRun(jobId)?.outcome;
  }

  /** The pending <name>.TMP files of a job's last restore were swapped in: nothing waits any more. */
  clearRestorePending(jobId: number): void {
    const last = this.lastRestoreRun(jobId);
    if (last) this.setRestoreOutcome(last.runId, { ...last.outcome, pending: null });
  }

  private lastRestoreRun(jobId: number): { runId: number; outcome: RestoreOutcome } | undefined {
    const row = this.db.prepare('SELECT id, restore_outcome FROM backup_job_runs WHERE job_id = ? AND restore_outcome IS NOT NULL ORDER BY id DESC LIMIT 1').get(jobId) as
      | { id: number; restore_outcome: string }
      | undefined;
    return row ? { runId: row.id, outcome: RestoreOutcomeSchema.parse(JSON.parse(row.restore_outcome)) } : undefined;
  }

  /** Records how a run ended; a run ends once. */
  finish(runId: number, outcome: RunOutcome): JobRun {
    const changed = this.db
      .prepare(
        `UPDATE backup_job_runs SET finished_at = @now, result = @result, files = @files, directories = @directories, bytes = @bytes,
           error_code = @errorCode, error_message = @errorMessage
         WHERE id = @runId AND finished_at IS NULL`,
      )
      .run({
        runId,
        now: this.clock.now().toISOString(),
        result: outcome.result,
        files: outcome.files ?? 0,
        directories: outcome.directories ?? 0,
        bytes: outcome.bytes ?? 0,
        errorCode: outcome.errorCode ?? null,
        errorMessage: outcome.errorMessage ?? null,
      }).changes;
    if (changed === 0) throw this.get(runId) ? refuse({ kind: 'run-finished', runId }) : refuse({ kind: 'run-not-found', runId });
    return this.require(runId);
  }

  get(id: number): JobRun | undefined {
    const row = this.db.prepare('SELECT * FROM backup_job_runs WHERE id = ?').get(id) as RunRow | undefined;
    return row ? toRun(row) : undefined;
  }

  require(id: number): JobRun {
    const run = this.get(id);
    if (!run) throw refuse({ kind: 'run-not-found', runId: id });
    return run;
  }

  children(parentRunId: number): JobRun[] {
    return (this.db.prepare('SELECT * FROM backup_job_runs WHERE parent_run_id = ? ORDER BY id').all(parentRunId) as RunRow[]).map(toRun);
  }

  /** Newest first. */
  forJob(jobId: number, page: { limit: number; offset?: number }): JobRun[] {
    return (
      this.db
        .prepare('SELECT * FROM backup_job_runs WHERE job_id = ? AND parent_run_id IS NULL ORDER BY id DESC LIMIT ? OFFSET ?')
        .all(jobId, page.limit, page.offset ?? 0) as RunRow[]
    ).map(toRun);
  }

  /** Runs with no end recorded: after a restart, these were cut short by it. */
  unfinished(): JobRun[] {
    return (this.db.prepare('SELECT * FROM backup_job_runs WHERE finished_at IS NULL ORDER BY id').all() as RunRow[]).map(toRun);
  }
}

function toRun(row: RunRow): JobRun {
  return JobRunSchema.parse({
    id: row.id,
    jobId: row.job_id,
    parentRunId: row.parent_run_id,
    scenarioId: row.scenario_id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    result: row.result,
    files: row.files,
    directories: row.directories,
    bytes: row.bytes,
    errorCode: row.error_code,
    errorMessage: row.error_message,
  });
}
