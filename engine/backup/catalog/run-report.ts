import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { JobRunSchema, RunResultSchema } from './job-model';

/** Reports → "Backup and restore activity": one row per finished or running job run, with filters. */
export const RunReportQuerySchema = z.object({
  kind: z.enum(['backup', 'restore']).optional(),
  result: RunResultSchema.optional(),
  /** Runs started at or after / before these instants (ISO). */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.number().int().min(1).max(10_000).default(500),
  offset: z.number().int().min(0).default(0),
});
export type RunReportQuery = z.output<typeof RunReportQuerySchema>;

export const RunReportRowSchema = JobRunSchema.pick({ startedAt: true, finishedAt: true, result: true, files: true, directories: true, bytes: true, errorCode: true, errorMessage: true }).extend({
  runId: z.number().int(),
  jobId: z.number().int(),
  jobName: z.string(),
  kind: z.enum(['backup', 'restore']),
  /** The job's scenarios in its order, comma-separated. */
  scenarios: z.string(),
  /** Bytes per second over the run's elapsed time; null while it runs or when it took no time. */
  throughput: z.number().nullable(),
});
export type RunReportRow = z.infer<typeof RunReportRowSchema>;

interface Row {
  run_id: number;
  job_id: number;
  job_name: string;
  kind: 'backup' | 'restore';
  scenarios: string | null;
  started_at: string;
  finished_at: string | null;
  result: RunReportRow['result'];
  files: number;
  directories: number;
  bytes: number;
  error_code: string | null;
  error_message: string | null;
}

const SQL = `
SELECT r.id AS run_id, j.id AS job_id, j.name AS job_name, j.kind,
       (SELECT group_concat(name, ', ') FROM (
          SELECT s.name FROM backup_job_scenarios js JOIN registered_scenarios s ON s.id = js.scenario_id
          WHERE js.job_id = j.id ORDER BY js.position)) AS scenarios,
       r.started_at, r.finished_at, r.result, r.files, r.directories, r.bytes, r.error_code, r.error_message
FROM backup_job_runs r JOIN backup_jobs j ON j.id = r.job_id
WHERE r.parent_run_id IS NULL
  AND (@kind IS NULL OR j.kind = @kind)
  AND (@result IS NULL OR r.result = @result)
  AND (@from IS NULL OR r.started_at >= @from)
  AND (@to IS NULL OR r.started_at < @to)
ORDER BY r.id DESC LIMIT @limit OFFSET @offset`;

/** Top-level runs newest first; instants are stored as ISO UTC, so the range compares as text once normalised. */
export function runReport(db: Database, query: RunReportQuery): RunReportRow[] {
  const rows = db.prepare(SQL).all({
    kind: query.kind ?? null,
    result: query.result ?? null,
    from: query.from ? new Date(query.from).toISOString() : null,
    to: query.to ? new Date(query.to).toISOString() : null,
    limit: query.limit,
    offset: query.offset,
  }) as Row[];
  return rows.map((row) => {
    const elapsedMs = row.finished_at ? new Date(row.finished_at).getTime() - new Date(row.started_at).getTime() : 0;
    return {
      runId: row.run_id,
      jobId: row.job_id,
      jobName: row.job_name,
      kind: row.kind,
      scenarios: row.scenarios ?? '',
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      result: row.result,
      files: row.files,
      directories: row.directories,
      bytes: row.bytes,
      errorCode: row.error_code,
      errorMessage: row.error_message,
      throughput: elapsedMs > 0 ? row.bytes / (elapsedMs / 1000) : null,
    };
  });
}
