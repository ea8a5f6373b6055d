import { EventEmitter } from 'node:events';
import type { Database, Statement } from 'better-sqlite3';
import { z } from 'zod';
import type { Clock } from '../../clock';
import { catalogue, type MessageCode } from '../../messages/catalogue';
import type { ErrorInfo } from '../../messages/error-info';
import { UserError } from '../../messages/user-error';
import { RunResultSchema } from './job-model';

export const ActivityTypeSchema = z.enum(['Information', 'Warning', 'Error']);
export type ActivityType = z.infer<typeof ActivityTypeSchema>;

export const ActivityEntrySchema = z.object({
  id: z.number().int(),
  time: z.string(),
  type: ActivityTypeSchema,
  runId: z.number().int().nullable(),
  session: z.number().int().nullable(),
  message: z.string(),
  code: z.string().nullable(),
  scenarioName: z.string().nullable(),
});
export type ActivityEntry = z.infer<typeof ActivityEntrySchema>;

export interface NewActivity {
  type: ActivityType;
  message: string;
  runId?: number | null | undefined;
  session?: number | null | undefined;
  code?: string | null | undefined;
  scenarioName?: string | null | undefined;
}

/** One job run as the Activity Log's group header, with its child runs (multistreaming). */
export const ActivityGroupSchema = z.object({
  runId: z.number().int(),
  jobId: z.number().int(),
  jobName: z.string(),
  scenarioName: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  result: RunResultSchema.nullable(),
  errors: z.number().int(),
  warnings: z.number().int(),
  information: z.number().int(),
});
export type ActivityGroup = z.infer<typeof ActivityGroupSchema> & { children: ActivityGroup[] };

export interface EntriesQuery {
  /** A job run's entries, or null for those outside any job (registrations, devices). */
  runId: number | null;
  limit: number;
  offset?: number;
  /** Also the entries of the run's child runs, interleaved in time order. */
  withChildren?: boolean;
}

interface EntryRow {
  id: number;
  time: string;
  type: string;
  run_id: number | null;
  session: number | null;
  message: string;
  code: string | null;
  scenario_name: string | null;
}

interface GroupRow {
  id: number;
  job_id: number;
  job_name: string;
  scenario_name: string | null;
  started_at: string;
  finished_at: string | null;
  result: string | null;
  errors: number;
  warnings: number;
  information: number;
}

const GROUP_COLUMNS = `
  r.id, r.job_id, j.name AS job_name, s.name AS scenario_name, r.started_at, r.finished_at, r.result,
  (SELECT count(*) FROM activity_log a WHERE a.run_id = r.id AND a.type = 'Error') AS errors,
  (SELECT count(*) FROM activity_log a WHERE a.run_id = r.id AND a.type = 'Warning') AS warnings,
  (SELECT count(*) FROM activity_log a WHERE a.run_id = r.id AND a.type = 'Information') AS information
  FROM backup_job_runs r
  JOIN backup_jobs j ON j.id = r.job_id
  LEFT JOIN registered_scenarios s ON s.id = r.scenario_id`;

/** The Job Status Manager's Activity Log: append-only, read grouped by job run, page by page. */
export class ActivityLog {
  private readonly emitter = new EventEmitter();
  private readonly insert: Statement;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {
    this.insert = db.prepare(
      `INSERT INTO activity_log (time, type, run_id, session, message, code, scenario_name)
       VALUES (@time, @type, @runId, @session, @message, @code, @scenarioName)`,
    );
  }

  append(entry: NewActivity): ActivityEntry {
    const row = {
      time: this.clock.now().toISOString(),
      type: entry.type,
      runId: entry.runId ?? null,
      session: entry.session ?? null,
      message: entry.message,
      code: entry.code ?? null,
      scenarioName: entry.scenarioName ?? null,
    };
    const id = Number(this.insert.run(row).lastInsertRowid);
    const appended: ActivityEntry = { id, ...row };
    this.emitter.emit('entry', appended);
    return appended;
  }

  /** A user-facing error as an Error entry with its code (details come from the catalogue by code). */
  appendError(error: unknown, context: Omit<NewActivity, 'type' | 'message' | 'code'> = {}): ActivityEntry {
    const info = error instanceof UserError ? error.toInfo() : new UserError('E1099', error instanceof Error ? error.message : String(error)).toInfo();
    return this.append({ ...context, type: info.code.startsWith('W') || info.code.startsWith('AW') ? 'Warning' : 'Error', message: info.message, code: info.code });
  }

  /** In time order, as the log reads within a group. */
  entries(query: EntriesQuery): ActivityEntry[] {
    const rows = (
      query.runId === null
        ? this.db.prepare('SELECT * FROM activity_log WHERE run_id IS NULL ORDER BY id LIMIT ? OFFSET ?').all(query.limit, query.offset ?? 0)
        : query.withChildren
          ? this.db
              .prepare(
                `SELECT * FROM activity_log
                 WHERE run_id = @runId OR run_id IN (SELECT id FROM backup_job_runs WHERE parent_run_id = @runId)
                 ORDER BY id LIMIT @limit OFFSET @offset`,
              )
              .all({ runId: query.runId, limit: query.limit, offset: query.offset ?? 0 })
          : this.db.prepare('SELECT * FROM activity_log WHERE run_id = ? ORDER BY id LIMIT ? OFFSET ?').all(query.runId, query.limit, query.offset ?? 0)
    ) as EntryRow[];
    return rows.map(toEntry);
  }

  /** Top-level job runs, newest first, each with its child runs and Error/Warning/Information counts. */
  groups(page: { limit: number; offset?: number }): ActivityGroup[] {
    const parents = this.db
      .prepare(`SELECT ${GROUP_COLUMNS} WHERE r.parent_run_id IS NULL ORDER BY r.id DESC LIMIT ? OFFSET ?`)
      .all(page.limit, page.offset ?? 0) as GroupRow[];
    const children = this.db.prepare(`SELECT ${GROUP_COLUMNS} WHERE r.parent_run_id = ? ORDER BY r.id`);
    return parents.map((parent) => ({ ...toGroup(parent), children: (children.all(parent.id) as GroupRow[]).map((child) => ({ ...toGroup(child), children: [] })) }));
  }

  /** Error and Warning counts of a run and its child runs, for the job summary. */
  problemCounts(runId: number): { errors: number; warnings: number } {
    const row = this.db
      .prepare(
        `SELECT count(*) FILTER (WHERE type = 'Error') AS errors, count(*) FILTER (WHERE type = 'Warning') AS warnings
         FROM activity_log WHERE run_id = @runId OR run_id IN (SELECT id FROM backup_job_runs WHERE parent_run_id = @runId)`,
      )
      .get({ runId }) as { errors: number; warnings: number };
    return { errors: row.errors, warnings: row.warnings };
  }

  onEntry(listener: (entry: ActivityEntry) => void): () => void {
    this.emitter.on('entry', listener);
    return () => this.emitter.off('entry', listener);
  }
}

/** What double-clicking an entry shows: its message with the code's module, reason and action. */
export function detailsOf(entry: ActivityEntry): ErrorInfo | undefined {
  if (entry.code === null || !Object.hasOwn(catalogue, entry.code)) return undefined;
  const definition = catalogue[entry.code as MessageCode];
  return { code: entry.code, module: definition.module, message: entry.message, reason: definition.reason, action: definition.action };
}

function toEntry(row: EntryRow): ActivityEntry {
  return ActivityEntrySchema.parse({
    id: row.id,
    time: row.time,
    type: row.type,
    runId: row.run_id,
    session: row.session,
    message: row.message,
    code: row.code,
    scenarioName: row.scenario_name,
  });
}

function toGroup(row: GroupRow): Omit<ActivityGroup, 'children'> {
  return ActivityGroupSchema.parse({
    runId: row.id,
    jobId: row.job_id,
    jobName: row.job_name,
    scenarioName: row.scenario_name,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    result: row.result,
    errors: row.errors,
    warnings: row.warnings,
    information: row.information,
  });
}
