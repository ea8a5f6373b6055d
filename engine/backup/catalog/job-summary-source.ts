import type { Database } from 'better-sqlite3';
import type { Clock } from '../../clock';
import type { ActivityLog } from './activity-log';
import type { JobRuns } from './job-runs';
import type { JobRun, RunResult } from './job-model';
import { RestoreSpecSchema, type RestoreSpec } from '../../restore/restore-model';
import { buildJobSummary, type JobSummary, type JobSummaryInput } from './job-summary';
import type { MediaStore } from './media';
import { refuse } from './refusals';
import type { RegisteredScenarios } from './registered-scenarios';
import type { Sessions } from './sessions';

export interface SummarySources {
  db: Database;
  runs: JobRuns;
  sessions: Sessions;
  media: MediaStore;
  scenarios: RegisteredScenarios;
  activity: ActivityLog;
  clock: Clock;
}

/**
 * Gathers what a job's summary needs from the catalog. A node (scenario) ended as its child
 * run did; without child runs, by its sessions: none is missed, all complete follows the run,
 * some failed is incomplete. Volumes are the entities the scenario had registered plus any
 * other entity a session was written for.
 */
export function loadJobSummaryInput(sources: SummarySources, runId: number): JobSummaryInput {
  const run = sources.runs.require(runId);
  if (run.parentRunId !== null) throw new Error(`run ${runId} is a child run: summarize its parent ${run.parentRunId}`);
  const job = sources.db
    .prepare(
      `SELECT j.name, j.kind, j.restore_spec, g.name AS device_group FROM backup_jobs j LEFT JOIN device_groups g ON g.id = j.device_group_id WHERE j.id = ?`,
    )
    .get(run.jobId) as { name: string; kind: string; restore_spec: string | null; device_group: string | null } | undefined;
  if (!job) throw refuse({ kind: 'job-not-found', jobId: run.jobId });
  if (job.kind === 'restore') return restoreSummaryInput(sources, run, job.name, RestoreSpecSchema.parse(JSON.parse(job.restore_spec ?? 'null')));
  const scenarioIds = sources.db.prepare('SELECT scenario_id FROM backup_job_scenarios WHERE job_id = ? ORDER BY position').pluck().all(run.jobId) as string[];
  const children = sources.runs.children(runId);
  const sessions = sources.sessions.forRun(runId);

  const nodes: JobSummaryInput['nodes'] = [];
  const volumes: JobSummaryInput['volumes'] = [];
  for (const scenarioId of scenarioIds) {
    const scenario = safely(() => sources.scenarios.get(scenarioId));
    const name = scenario?.name ?? scenarioId;
    const own = sessions.filter((session) => session.scenarioId === scenarioId);
    const child = children.find((candidate) => candidate.scenarioId === scenarioId);
    nodes.push({ name, result: child?.result ?? nodeResultFromSessions(own, run.result) });
    const entities = [...new Set([...(scenario?.entities.map((entity) => entity.name) ?? []), ...own.map((session) => session.entity)])];
    for (const entity of entities) {
      const written = own.filter((session) => session.entity === entity);
      const state = written.some((session) => session.state === 'complete') ? 'complete' : written.length > 0 ? 'incomplete' : 'missed';
      volumes.push({ scenarioName: name, entity, state });
    }
  }

  const mediaIds = [...new Set(sessions.map((session) => session.mediaId))];
  return {
    jobId: run.jobId,
    jobName: job.name,
    jobType: 'Backup',
    run: { id: run.id, startedAt: run.startedAt, finishedAt: run.finishedAt, result: run.result },
    now: sources.clock.now(),
    nodes,
    volumes,
    sessions: sessions.map((session) => ({
      number: session.number,
      state: session.state,
      ...(session.state === 'complete' ? session.counts : { files: 0, directories: 0, bytes: 0 }),
    })),
    media: mediaIds.flatMap((id) => {
      const media = sources.media.get(id);
      return media ? [{ name: media.name, id: media.id, pool: media.pool }] : [];
    }),
    deviceGroup: job.device_group,
    ...sources.activity.problemCounts(runId),
  };
}

/**
 * A restore run: its one node is the scenario restored, its sessions those it read, its
 * volumes their entities, and its totals what it wrote at the destination.
 */
function restoreSummaryInput(sources: SummarySources, run: JobRun, jobName: string, spec: RestoreSpec): JobSummaryInput {
  const read = [...new Set(spec.items.map((item) => item.session))].flatMap((number) => sources.sessions.get(number) ?? []);
  const succeeded = run.result === 'succeeded';
  const scenarioName = safely(() => sources.scenarios.get(spec.scenarioId))?.name ?? spec.scenarioId;
  const mediaIds = [...new Set(read.map((session) => session.mediaId))];
  return {
    jobId: run.jobId,
    jobName,
    jobType: 'Restore',
    totals: { files: run.files, directories: run.directories, bytes: run.bytes },
    run: { id: run.id, startedAt: run.startedAt, finishedAt: run.finishedAt, result: run.result },
    now: sources.clock.now(),
    nodes: [{ name: scenarioName, result: run.result ?? 'failed' }],
    volumes: [...new Set(read.map((session) => session.entity))].map((entity) => ({ scenarioName, entity, state: succeeded ? 'complete' : 'incomplete' })),
    sessions: read.map((session) => ({ number: session.number, state: succeeded ? 'complete' : 'failed', files: 0, directories: 0, bytes: 0 })),
    media: mediaIds.flatMap((id) => {
      const media = sources.media.get(id);
      return media ? [{ name: media.name, id: media.id, pool: media.pool }] : [];
    }),
    deviceGroup: null,
    ...sources.activity.problemCounts(run.id),
  };
}

/** Builds the summary and appends it to the run's Activity Log group, one line per entry. */
export function appendJobSummary(sources: SummarySources, runId: number): JobSummary {
  const summary = buildJobSummary(loadJobSummaryInput(sources, runId));
  for (const line of summary.lines) sources.activity.append({ type: 'Information', runId, message: line });
  return summary;
}

function nodeResultFromSessions(sessions: readonly { state: string }[], runResult: RunResult | null): RunResult | 'missed' {
  if (sessions.length === 0) return 'missed';
  if (sessions.every((session) => session.state === 'complete')) return runResult ?? 'succeeded';
  return sessions.some((session) => session.state === 'complete') ? 'incomplete' : 'failed';
}

function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
