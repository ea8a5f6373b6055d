import type { Migration } from './migration';

/**
 * Disk staging (Backup Manager → Staging): a job writes its sessions to a staging device group
 * first; each session then migrates to the job's destination group once `migrate_at` has come.
 * Until then (and if migrating fails) the session stays restorable where it was written.
 */
export const stagedSessionsMigration: Migration = {
  version: 1010,
  name: 'staged sessions',
  up(db) {
    db.exec(`
      CREATE TABLE staged_sessions (
        session          INTEGER PRIMARY KEY REFERENCES backup_sessions (number),
        run_id           INTEGER NOT NULL REFERENCES backup_job_runs (id),
        final_group_id   INTEGER NOT NULL REFERENCES device_groups (id),
        media_pool       TEXT,
        staging_path     TEXT NOT NULL,            -- the staging device folder the session was written to
        migrate_at       TEXT NOT NULL,            -- ISO UTC
        state            TEXT NOT NULL CHECK (state IN ('pending', 'migrated', 'failed')),
        staging_removed  INTEGER NOT NULL DEFAULT 0 CHECK (staging_removed IN (0, 1)),
        error            TEXT,
        updated_at       TEXT NOT NULL
      );
      CREATE INDEX staged_sessions_due ON staged_sessions (state, migrate_at);
    `);
  },
};
