import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { withoutUndefined } from '../../util/without-undefined';
import type { Clock } from '../../clock';
import type { ActivityLog, ActivityType } from './activity-log';
import type { Devices } from './devices';
import { JobRuns, type RunOutcome } from './job-runs';
import {
  BackupJobDraftSchema,
  BackupJobOptionsSchema,
  BackupJobSchema,
  QueueJobSchema,
  ScheduleSchema,
  type BackupJob,
  type BackupJobOptions,
  type QueueJob,
  type BackupJobDraft,
  type JobRun,
  type JobState,
  type RunResult,
} from './job-model';
import { canDelete, holdState, initialState, modifiedState, releaseState, runNowState, stateAfterRun, type Transition } from './job-transitions';
import { refuse } from './refusals';
import type { RegisteredScenarios } from './registered-scenarios';
import { RestoreJobDraftSchema, type RestoreJobDraft } from '../../restore/restore-model';
import { UserError } from '../../messages/user-error';
import { describeSchedule, localDateTime } from './schedule';

/**
 * What Modify may change. Every field is optional and has NO default: a field left out keeps
 * its value (a draft's defaults would silently reset it); `options` are merged field by field
 * over the job's.
 */
export const BackupJobChangesSchema = z
  .object({
    name: BackupJobDraftSchema.shape.name,
    description: BackupJobDraftSchema.shape.description.unwrap(),
    scenarioIds: BackupJobDraftSchema.shape.scenarioIds,
    deviceGroupId: BackupJobDraftSchema.shape.deviceGroupId,
    mediaPool: BackupJobDraftSchema.shape.mediaPool.unwrap(),
    options: z.object(Object.fromEntries(Object.entries(BackupJobOptionsSchema.shape).map(([key, field]) => [key, field.unwrap().optional()])) as OptionChanges),
    schedule: BackupJobDraftSchema.shape.schedule,
  })
  .partial();

type OptionChanges = { [K in keyof typeof BackupJobOptionsSchema.shape]: z.ZodOptional<ReturnType<(typeof BackupJobOptionsSchema.shape)[K]['unwrap']>> };
export type BackupJobChanges = z.input<typeof BackupJobChangesSchema>;

interface JobRow {
  id: number;
  name: string;
  description: string;
  kind: string;
  device_group_id: number | null;
  restore_spec: string | null;
  media_pool: string | null;
  options: string;
  schedule: string;
  status: string;
  next_run_at: string | null;
  active_run_id: number | null;
  owner: string;
  created_at: string;
  updated_at: string;
}

/**
 * The Job Queue (Job Status Manager): backup jobs with their schedule and status, persisted
 * so the queue survives restarts. The scheduler asks `claimNextDue` for work; the executor
 * reports the end with `finish`. Every change is an Activity Log entry.
 */
export class BackupJobs {
  readonly runs: JobRuns;

  constructor(
    private readonly db: Database,
    private readonly scenarios: RegisteredScenarios,
    private readonly devices: Devices,
    private readonly activity: ActivityLog,
    private readonly clock: Clock,
  ) {
    this.runs = new JobRuns(db, clock);
  }

  create(input: BackupJobDraft): BackupJob {
    const draft = BackupJobDraftSchema.parse(input);
    const scenarios = draft.scenarioIds.map((id) => this.scenarios.require(id));
    this.devices.requireGroup(draft.deviceGroupId);
    this.requireStaging(draft.options, draft.deviceGroupId);
    const now = this.clock.now();
    const state = initialState(draft.schedule, now, draft.hold);
    const id = this.db.transaction(() => {
      const jobId = Number(
        this.db
          .prepare(
            `INSERT INTO backup_jobs (name, description, kind, device_group_id, media_pool, options, schedule, status, next_run_at, owner, created_at, updated_at)
             VALUES (?, ?, 'backup', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            draft.name,
            draft.description,
            draft.deviceGroupId,
            draft.mediaPool,
            JSON.stringify(draft.options),
            JSON.stringify(draft.schedule),
            state.status,
            'nextRunAt' in state ? state.nextRunAt : null,
            draft.owner,
            now.toISOString(),
            now.toISOString(),
          ).lastInsertRowid,
      );
      this.writeScenarios(jobId, draft.scenarioIds);
      return jobId;
    })();
    this.log('Information', id, `submitted by ${draft.owner} for ${scenarios.map((s) => `"${s.name}"`).join(', ')}, ${describeSchedule(draft.schedule)}${draft.hold ? ', on hold' : ''}`);
    return BackupJobSchema.parse(this.requireJob(id));
  }

  /** A restore job (Restore Manager → Submit Job): once, now or at `at`; the scenario named by its spec. */
  createRestore(input: RestoreJobDraft): QueueJob {
    const draft = RestoreJobDraftSchema.parse(input);
    // A removed scenario's sessions stay restorable under its name.
    const scenario = this.scenarios.get(draft.spec.scenarioId) ?? this.scenarios.require(draft.spec.scenarioId);
    const now = this.clock.now();
    const schedule = { kind: 'once' as const, at: draft.at ?? now.toISOString() };
    const state = initialState(schedule, now, false);
    const name = draft.name ?? `Restore ${scenario.name}`;
    const id = this.db.transaction(() => {
      const jobId = Number(
        this.db
          .prepare(
            `INSERT INTO backup_jobs (name, kind, options, schedule, restore_spec, status, next_run_at, owner, created_at, updated_at)
             VALUES (?, 'restore', '{}', ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(name, JSON.stringify(schedule), JSON.stringify(draft.spec), state.status, 'nextRunAt' in state ? state.nextRunAt : null, draft.owner, now.toISOString(), now.toISOString())
          .lastInsertRowid,
      );
      this.writeScenarios(jobId, [scenario.id]);
      return jobId;
    })();
    this.log('Information', id, `submitted by ${draft.owner}: restore of "${scenario.name}", ${describeSchedule(schedule)}`);
    return this.requireJob(id);
  }

  get(id: number): QueueJob | undefined {
    const row = this.db.prepare('SELECT * FROM backup_jobs WHERE id = ? AND deleted_at IS NULL').get(id) as JobRow | undefined;
    return row ? this.toJob(row) : undefined;
  }

  requireJob(id: number): QueueJob {
    const job = this.get(id);
    if (!job) throw refuse({ kind: 'job-not-found', jobId: id });
    return job;
  }

  /** The queue in job number order. */
  list(): QueueJob[] {
    return (this.db.prepare('SELECT * FROM backup_jobs WHERE deleted_at IS NULL ORDER BY id').all() as JobRow[]).map((row) => this.toJob(row));
  }

  modify(id: number, input: BackupJobChanges): BackupJob {
    const changes = BackupJobChangesSchema.parse(input);
    const job = this.requireJob(id);
    if (job.kind !== 'backup') throw new UserError('E3382', `job ${id} is a restore job: delete it and submit the restore again`);
    const scenarioIds = changes.scenarioIds ?? job.scenarios.map((scenario) => scenario.id);
    if (changes.scenarioIds) for (const scenarioId of changes.scenarioIds) this.scenarios.require(scenarioId);
    if (changes.deviceGroupId !== undefined) this.devices.requireGroup(changes.deviceGroupId);
    const options = BackupJobOptionsSchema.parse({ ...job.options, ...withoutUndefined(changes.options ?? {}) });
    this.requireStaging(options, changes.deviceGroupId ?? job.deviceGroupId);
    const schedule = changes.schedule ?? job.schedule;
    const state = this.allowed(job, modifiedState(job.state, schedule, this.clock.now()), 'modify');
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE backup_jobs SET name = ?, description = ?, device_group_id = ?, media_pool = ?, options = ?, schedule = ?, updated_at = ?
           WHERE id = ?`,
        )
        .run(
          changes.name ?? job.name,
          changes.description ?? job.description,
          changes.deviceGroupId ?? job.deviceGroupId,
          changes.mediaPool === undefined ? job.mediaPool : changes.mediaPool,
          JSON.stringify(options),
          JSON.stringify(schedule),
          this.clock.now().toISOString(),
          id,
        );
      this.writeScenarios(id, scenarioIds);
      this.writeState(id, state);
    })();
    this.log('Information', id, `modified (${describeSchedule(schedule)})`);
    return BackupJobSchema.parse(this.requireJob(id));
  }

  hold(id: number): QueueJob {
    const job = this.requireJob(id);
    this.writeState(id, this.allowed(job, holdState(job.state), 'hold'));
    this.log('Information', id, 'put on hold');
    return this.requireJob(id);
  }

  release(id: number): QueueJob {
    const job = this.requireJob(id);
    const state = this.allowed(job, releaseState(job.state, job.schedule, this.clock.now()), 'release');
    this.writeState(id, state);
    this.log('Information', id, `released${state.status === 'Ready' ? `, next run ${localDateTime(new Date(state.nextRunAt))}` : ''}`);
    return this.requireJob(id);
  }

  /** Due at once; the scheduler starts it on its next look at the queue. */
  runNow(id: number): QueueJob {
    const job = this.requireJob(id);
    this.writeState(id, this.allowed(job, runNowState(job.state, this.clock.now()), 'run'));
    this.log('Information', id, 'to run now');
    return this.requireJob(id);
  }

  /** Leaves the queue; its runs and Activity Log entries stay (the row is kept, marked deleted). */
  delete(id: number): void {
    const job = this.requireJob(id);
    if (!canDelete(job.state)) throw refuse({ kind: 'job-active', jobId: id, jobName: job.name, action: 'delete' });
    this.db.prepare('UPDATE backup_jobs SET deleted_at = ?, updated_at = ? WHERE id = ?').run(this.clock.now().toISOString(), this.clock.now().toISOString(), id);
    this.log('Information', id, 'deleted');
  }

  /**
   * The Ready job due longest ago, made Active with a new run, in one transaction so two
   * schedulers cannot both start it. Undefined when nothing is due.
   */
  claimNextDue(): { job: QueueJob; run: JobRun } | undefined {
    const now = this.clock.now();
    const claimed = this.db.transaction(() => {
      const id = this.db
        .prepare(
          `SELECT id FROM backup_jobs WHERE status = 'Ready' AND deleted_at IS NULL AND next_run_at <= ?
           ORDER BY next_run_at, id LIMIT 1`,
        )
        .pluck()
        .get(now.toISOString()) as number | undefined;
      if (id === undefined) return undefined;
      const run = this.runs.startTopLevel(id);
      this.writeState(id, { status: 'Active', runId: run.id });
      return run;
    })();
    if (!claimed) return undefined;
    const job = this.requireJob(claimed.jobId);
    this.log('Information', job.id, `started (run ${claimed.id})`, claimed.id);
    return { job, run: claimed };
  }

  /**
   * Ends a job's top-level run and moves the job on: a repeating job to Ready at its next
   * time, a one-time job to Done. Child runs end through `runs.finish`.
   */
  finish(runId: number, outcome: RunOutcome): { job: QueueJob; run: JobRun } {
    const before = this.runs.require(runId);
    if (before.parentRunId !== null) throw new Error(`run ${runId} is a child run: end it with runs.finish`);
    const now = this.clock.now();
    const { run, state } = this.db.transaction(() => {
      const finished = this.runs.finish(runId, outcome);
      const row = this.db.prepare('SELECT * FROM backup_jobs WHERE id = ?').get(finished.jobId) as JobRow;
      const job = this.toJob(row);
      const next = job.state.status === 'Active' && job.state.runId === runId ? stateAfterRun(job.schedule, now) : job.state;
      this.writeState(job.id, next);
      return { run: finished, state: next };
    })();
    const [type, words] = RESULT_WORDS[outcome.result];
    const detail = outcome.result === 'failed' || outcome.result === 'incomplete' ? (outcome.errorMessage ? `: ${outcome.errorMessage}` : '') : '';
    this.log(type, run.jobId, `${words}${detail}`, runId, outcome.errorCode ?? null);
    if (state.status === 'Ready') this.log('Information', run.jobId, `next run ${localDateTime(new Date(state.nextRunAt))}`, runId);
    return { job: this.requireJob(run.jobId), run };
  }

  /** A staging group must exist and be another group than the destination (its sessions migrate from one to the other). */
  private requireStaging(options: BackupJobOptions, deviceGroupId: number): void {
    if (!options.staging) return;
    this.devices.requireGroup(options.staging.deviceGroupId);
    if (options.staging.deviceGroupId === deviceGroupId) throw new UserError('E3377', 'the staging device group must differ from the destination device group');
  }

  private allowed(job: QueueJob, transition: Transition, action: string): JobState {
    if (transition.ok) return transition.state;
    throw refuse({ kind: transition.refusal === 'active' ? 'job-active' : 'job-done', jobId: job.id, jobName: job.name, action });
  }

  private writeState(id: number, state: JobState): void {
    this.db
      .prepare('UPDATE backup_jobs SET status = ?, next_run_at = ?, active_run_id = ?, updated_at = ? WHERE id = ?')
      .run(
        state.status,
        state.status === 'Ready' || state.status === 'Hold' ? state.nextRunAt : null,
        state.status === 'Active' ? state.runId : null,
        this.clock.now().toISOString(),
        id,
      );
  }

  private writeScenarios(jobId: number, scenarioIds: readonly string[]): void {
    this.db.prepare('DELETE FROM backup_job_scenarios WHERE job_id = ?').run(jobId);
    const insert = this.db.prepare('INSERT INTO backup_job_scenarios (job_id, position, scenario_id) VALUES (?, ?, ?)');
    scenarioIds.forEach((scenarioId, position) => insert.run(jobId, position, scenarioId));
  }

  private log(type: ActivityType, jobId: number, what: string, runId: number | null = null, code: string | null = null): void {
    const name = this.db.prepare('SELECT name FROM backup_jobs WHERE id = ?').pluck().get(jobId) as string | undefined;
    this.activity.append({ type, runId, code, message: `Job ${jobId} "${name ?? '?'}" ${what}` });
  }

  private toJob(row: JobRow): QueueJob {
    const scenarios = this.db
      .prepare(
        `SELECT s.id, s.name FROM backup_job_scenarios j JOIN registered_scenarios s ON s.id = j.scenario_id
         WHERE j.job_id = ? ORDER BY j.position`,
      )
      .all(row.id);
    const lastRun = this.db
      .prepare(
        'SELECT id, result, finished_at AS finishedAt, error_code AS errorCode, error_message AS errorMessage FROM backup_job_runs WHERE job_id = ? AND parent_run_id IS NULL ORDER BY id DESC LIMIT 1',
      )
      .get(row.id);
    const state =
      row.status === 'Active'
        ? { status: row.status, runId: row.active_run_id }
        : row.status === 'Done'
          ? { status: row.status }
          : { status: row.status, nextRunAt: row.next_run_at };
    const kindFields =
      row.kind === 'restore'
        ? { kind: row.kind, restore: JSON.parse(row.restore_spec ?? 'null') as unknown, outcome: this.runs.lastRestoreOutcome(row.id) ?? null }
        : { kind: row.kind, deviceGroupId: row.device_group_id, mediaPool: row.media_pool, options: BackupJobOptionsSchema.parse(JSON.parse(row.options)) };
    return QueueJobSchema.parse({
      id: row.id,
      name: row.name,
      description: row.description,
      ...kindFields,
      scenarios,
      schedule: ScheduleSchema.parse(JSON.parse(row.schedule)),
      state,
      owner: row.owner,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      lastRun: lastRun ?? null,
    });
  }
}

const RESULT_WORDS: Record<RunResult, [ActivityType, string]> = {
  succeeded: ['Information', 'completed successfully'],
  incomplete: ['Warning', 'incomplete'],
  failed: ['Error', 'failed'],
  canceled: ['Warning', 'canceled by user'],
};
