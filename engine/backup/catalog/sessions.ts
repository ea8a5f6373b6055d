import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { Clock } from '../../clock';
import { refuse } from './refusals';

const EncryptionSchema = z.object({
  /** How the key is derived, e.g. "scrypt log2N=15 r=8 p=1"; the password itself is never stored. */
  kdf: z.string().min(1).max(200),
  salt: z.instanceof(Uint8Array),
  /** Derived from the password beside the key: a wrong password is told apart from a damaged archive (E3372). */
  keyCheck: z.instanceof(Uint8Array),
});

const SessionCommonSchema = z.object({
  number: z.number().int(),
  runId: z.number().int(),
  scenarioId: z.string(),
  masterHost: z.string(),
  entity: z.string(),
  mediaId: z.string(),
  devicePath: z.string(),
  archiveFile: z.string(),
  archiveOffset: z.number().int(),
  compression: z.enum(['gzip', 'none']),
  encryption: EncryptionSchema.nullable(),
  startedAt: z.string(),
});

const CountsSchema = z.object({ files: z.number().int().min(0), directories: z.number().int().min(0), bytes: z.number().int().min(0) });

/** A session's life: being written, complete (restorable), or failed (never restorable). */
export const SessionSchema = z.discriminatedUnion('state', [
  SessionCommonSchema.extend({ state: z.literal('writing') }),
  SessionCommonSchema.extend({
    state: z.literal('complete'),
    finishedAt: z.string(),
    archiveSize: z.number().int(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    counts: CountsSchema,
  }),
  SessionCommonSchema.extend({ state: z.literal('failed'), finishedAt: z.string(), failure: z.string() }),
]);
export type Session = z.infer<typeof SessionSchema>;
export type CompleteSession = Extract<Session, { state: 'complete' }>;

export interface NewSession {
  runId: number;
  scenarioId: string;
  masterHost: string;
  entity: string;
  mediaId: string;
  devicePath: string;
  /** The archive's name relative to the device; a function when the name contains the session number. */
  archiveFile: string | ((session: number) => string);
  archiveOffset?: number;
  compression: 'gzip' | 'none';
  encryption: z.infer<typeof EncryptionSchema> | null;
}

export const CompletionSchema = CountsSchema.extend({
  archiveSize: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 as 64 lower-case hex digits'),
});
export type Completion = z.infer<typeof CompletionSchema>;

interface SessionRow {
  number: number;
  run_id: number;
  scenario_id: string;
  master_host: string;
  entity: string;
  media_id: string;
  device_path: string;
  archive_file: string;
  archive_offset: number;
  archive_size: number | null;
  files: number;
  directories: number;
  bytes: number;
  compression: string;
  encrypted: number;
  kdf: string | null;
  kdf_salt: Buffer | null;
  key_check: Buffer | null;
  sha256: string | null;
  state: string;
  failure: string | null;
  started_at: string;
  finished_at: string | null;
}

export interface RestorableQuery {
  scenarioId?: string;
  entity?: string;
  mediaId?: string;
  limit: number;
  offset?: number;
}

/**
 * Backup sessions: begun as 'writing' before the first byte reaches the device, then
 * 'complete' with the archive's size and checksum, or 'failed'. Only complete sessions are
 * restorable; a session cut short by a crash stays 'writing' until recovery fails it.
 */
export class Sessions {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  begin(session: NewSession): Session {
    return this.db.transaction(() => {
      const number = Number(
        this.db
          .prepare(
            `INSERT INTO backup_sessions (run_id, scenario_id, master_host, entity, media_id, device_path, archive_file, archive_offset,
               compression, encrypted, kdf, kdf_salt, key_check, state, started_at)
             VALUES (@runId, @scenarioId, @masterHost, @entity, @mediaId, @devicePath, '', @archiveOffset,
               @compression, @encrypted, @kdf, @salt, @keyCheck, 'writing', @now)`,
          )
          .run({
            runId: session.runId,
            scenarioId: session.scenarioId,
            masterHost: session.masterHost,
            entity: session.entity,
            mediaId: session.mediaId,
            devicePath: session.devicePath,
            archiveOffset: session.archiveOffset ?? 0,
            compression: session.compression,
            encrypted: session.encryption ? 1 : 0,
            kdf: session.encryption?.kdf ?? null,
            salt: session.encryption ? Buffer.from(session.encryption.salt) : null,
            keyCheck: session.encryption ? Buffer.from(session.encryption.keyCheck) : null,
            now: this.clock.now().toISOString(),
          }).lastInsertRowid,
      );
      const archiveFile = typeof session.archiveFile === 'function' ? session.archiveFile(number) : session.archiveFile;
      this.db.prepare('UPDATE backup_sessions SET archive_file = ? WHERE number = ?').run(archiveFile, number);
      return this.require(number);
    })();
  }

  complete(number: number, completion: Completion): CompleteSession {
    const done = CompletionSchema.parse(completion);
    this.db.transaction(() => {
      this.requireWriting(number);
      this.db
        .prepare(
          `UPDATE backup_sessions SET state = 'complete', archive_size = @archiveSize, sha256 = @sha256, files = @files,
             directories = @directories, bytes = @bytes, finished_at = @now WHERE number = @number`,
        )
        .run({ ...done, number, now: this.clock.now().toISOString() });
    })();
    const session = this.require(number);
    if (session.state !== 'complete') throw new Error(`session ${number} did not complete`);
    return session;
  }

  fail(number: number, failure: string): Session {
    this.db.transaction(() => {
      this.requireWriting(number);
      this.db
        .prepare(`UPDATE backup_sessions SET state = 'failed', failure = ?, finished_at = ? WHERE number = ?`)
        .run(failure, this.clock.now().toISOString(), number);
    })();
    return this.require(number);
  }

  /** At start-up: sessions still 'writing' were cut short by the stop; they fail with `failure`. Returns their numbers. */
  failInterrupted(failure: string): number[] {
    return this.db.transaction(() => {
      const numbers = this.db.prepare(`SELECT number FROM backup_sessions WHERE state = 'writing' ORDER BY number`).pluck().all() as number[];
      this.db
        .prepare(`UPDATE backup_sessions SET state = 'failed', failure = ?, finished_at = ? WHERE state = 'writing'`)
        .run(failure, this.clock.now().toISOString());
      return numbers;
    })();
  }

  get(number: number): Session | undefined {
    const row = this.db.prepare('SELECT * FROM backup_sessions WHERE number = ?').get(number) as SessionRow | undefined;
    return row ? toSession(row) : undefined;
  }

  require(number: number): Session {
    const session = this.get(number);
    if (!session) throw refuse({ kind: 'session-not-found', session: number });
    return session;
  }

  /** Complete sessions only, newest first (Restore Manager → by Session). */
  restorable(query: RestorableQuery): CompleteSession[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM backup_sessions
         WHERE state = 'complete' AND (@scenarioId IS NULL OR scenario_id = @scenarioId)
           AND (@entity IS NULL OR entity = @entity) AND (@mediaId IS NULL OR media_id = @mediaId)
         ORDER BY number DESC LIMIT @limit OFFSET @offset`,
      )
      .all({ scenarioId: query.scenarioId ?? null, entity: query.entity ?? null, mediaId: query.mediaId ?? null, limit: query.limit, offset: query.offset ?? 0 }) as SessionRow[];
    return rows.map(toSession).filter((session): session is CompleteSession => session.state === 'complete');
  }

  /** A complete session whose files were moved to another device folder (staging migration). */
  relocate(number: number, place: { devicePath: string; mediaId: string }): void {
    const changed = this.db.prepare(`UPDATE backup_sessions SET device_path = ?, media_id = ? WHERE number = ? AND state = 'complete'`).run(place.devicePath, place.mediaId, number).changes;
    if (changed !== 1) throw refuse({ kind: 'session-not-found', session: number });
  }

  /** Every session of a run and its child runs, whatever its state (job summary, Activity Log). */
  forRun(runId: number): Session[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM backup_sessions WHERE run_id = @runId OR run_id IN (SELECT id FROM backup_job_runs WHERE parent_run_id = @runId)
         ORDER BY number`,
      )
      .all({ runId }) as SessionRow[];
    return rows.map(toSession);
  }

  private requireWriting(number: number): void {
    const state = this.db.prepare('SELECT state FROM backup_sessions WHERE number = ?').pluck().get(number) as string | undefined;
    if (state === undefined) throw refuse({ kind: 'session-not-found', session: number });
    if (state !== 'writing') throw refuse({ kind: 'session-not-writing', session: number, state });
  }
}

function toSession(row: SessionRow): Session {
  const common = {
    number: row.number,
    runId: row.run_id,
    scenarioId: row.scenario_id,
    masterHost: row.master_host,
    entity: row.entity,
    mediaId: row.media_id,
    devicePath: row.device_path,
    archiveFile: row.archive_file,
    archiveOffset: row.archive_offset,
    compression: row.compression,
    encryption: row.encrypted ? { kdf: row.kdf, salt: row.kdf_salt, keyCheck: row.key_check } : null,
    startedAt: row.started_at,
  };
  switch (row.state) {
    case 'complete':
      return SessionSchema.parse({
        ...common,
        state: 'complete',
        finishedAt: row.finished_at,
        archiveSize: row.archive_size,
        sha256: row.sha256,
        counts: { files: row.files, directories: row.directories, bytes: row.bytes },
      });
    case 'failed':
      return SessionSchema.parse({ ...common, state: 'failed', finishedAt: row.finished_at, failure: row.failure });
    default:
      return SessionSchema.parse({ ...common, state: row.state });
  }
}
