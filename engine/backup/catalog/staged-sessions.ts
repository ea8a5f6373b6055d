import type { Database } from 'better-sqlite3';
import type { Clock } from '../../clock';
import type { Sessions } from './sessions';

export interface StagedSession {
  readonly session: number;
  readonly runId: number;
  readonly finalGroupId: number;
  readonly mediaPool: string | null;
  readonly stagingPath: string;
  readonly migrateAt: string;
  readonly state: 'pending' | 'migrated' | 'failed';
  readonly error: string | null;
}

interface Row {
  session: number;
  run_id: number;
  final_group_id: number;
  media_pool: string | null;
  staging_path: string;
  migrate_at: string;
  state: StagedSession['state'];
  error: string | null;
}

/** Sessions written to a staging device group and where they go next (staging-migration.ts moves them). */
export class StagedSessions {
  constructor(
    private readonly db: Database,
    private readonly sessions: Sessions,
    private readonly clock: Clock,
  ) {}

  note(entry: { session: number; runId: number; finalGroupId: number; mediaPool: string | null; stagingPath: string; migrateAfterHours: number }): void {
    const now = this.clock.now();
    const migrateAt = new Date(now.getTime() + entry.migrateAfterHours * 3_600_000);
    this.db
      .prepare(
        `INSERT INTO staged_sessions (session, run_id, final_group_id, media_pool, staging_path, migrate_at, state, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)`,
      )
      .run(entry.session, entry.runId, entry.finalGroupId, entry.mediaPool, entry.stagingPath, migrateAt.toISOString(), now.toISOString());
  }

  /** Pending sessions whose time has come, oldest first. */
  due(): StagedSession[] {
    return (this.db.prepare(`SELECT * FROM staged_sessions WHERE state = 'pending' AND migrate_at <= ? ORDER BY session`).all(this.clock.now().toISOString()) as Row[]).map(toStaged);
  }

  /** Migrated sessions whose staging copy is still to be removed (the process stopped in between). */
  leftovers(): StagedSession[] {
    return (this.db.prepare(`SELECT * FROM staged_sessions WHERE state = 'migrated' AND staging_removed = 0 ORDER BY session`).all() as Row[]).map(toStaged);
  }

  get(session: number): StagedSession | undefined {
    const row = this.db.prepare('SELECT * FROM staged_sessions WHERE session = ?').get(session) as Row | undefined;
    return row ? toStaged(row) : undefined;
  }

  /** The session now lives at `place`: relocated and marked in one transaction, so the catalog never points at a half-moved session. */
  markMigrated(session: number, place: { devicePath: string; mediaId: string }): void {
    this.db.transaction(() => {
      this.sessions.relocate(session, place);
      this.db.prepare(`UPDATE staged_sessions SET state = 'migrated', error = NULL, updated_at = ? WHERE session = ?`).run(this.clock.now().toISOString(), session);
    })();
  }

  markStagingRemoved(session: number): void {
    this.db.prepare('UPDATE staged_sessions SET staging_removed = 1, updated_at = ? WHERE session = ?').run(this.clock.now().toISOString(), session);
  }

  markFailed(session: number, error: string): void {
    this.db.prepare(`UPDATE staged_sessions SET state = 'failed', error = ?, updated_at = ? WHERE session = ?`).run(error, this.clock.now().toISOString(), session);
  }
}

function toStaged(row: Row): StagedSession {
  return {
    session: row.session,
    runId: row.run_id,
    finalGroupId: row.final_group_id,
    mediaPool: row.media_pool,
    stagingPath: row.staging_path,
    migrateAt: row.migrate_at,
    state: row.state,
    error: row.error,
  };
}
