import type { Migration } from './migration';

/**
 * Restore jobs join backups in the one Job Queue (and so in the Activity Log). SQLite cannot
 * change a CHECK in place, so `backup_jobs` is rebuilt: `kind` admits 'restore', a restore
 * job has no device group but a `restore_spec` (JSON: RestoreSpecSchema, never a password).
 * References from runs and job scenarios are checked once the new table has taken the old
 * one's name and ids (rebuildsReferencedTable). A run records where a restore wrote
 * (`restore_outcome`), which "send to Master" and the pending list use later.
 */
export const restoreJobsMigration: Migration = {
  version: 1008,
  name: 'restore jobs',
  rebuildsReferencedTable: true,
  up(db) {
    db.exec(`
      CREATE TABLE backup_jobs_new (
        id               INTEGER PRIMARY KEY AUTOINCREMENT,
        name             TEXT NOT NULL,
        description      TEXT NOT NULL DEFAULT '',
        kind             TEXT NOT NULL CHECK (kind IN ('backup', 'restore')),
        device_group_id  INTEGER REFERENCES device_groups (id),
        media_pool       TEXT,
        options          TEXT NOT NULL,
        schedule         TEXT NOT NULL,
        restore_spec     TEXT,
        status           TEXT NOT NULL CHECK (status IN ('Ready', 'Active', 'Hold', 'Done')),
        next_run_at      TEXT,
        active_run_id    INTEGER,
        owner            TEXT NOT NULL,
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        deleted_at       TEXT,
        CHECK (status <> 'Ready' OR next_run_at IS NOT NULL),
        CHECK ((status = 'Active') = (active_run_id IS NOT NULL)),
        CHECK (kind <> 'backup' OR device_group_id IS NOT NULL),
        CHECK (kind <> 'restore' OR restore_spec IS NOT NULL)
      );
      INSERT INTO backup_jobs_new (id, name, description, kind, device_group_id, media_pool, options, schedule, status, next_run_at,
          active_run_id, owner, created_at, updated_at, deleted_at)
        SELECT id, name, description, kind, device_group_id, media_pool, options, schedule, status, next_run_at,
          active_run_id, owner, created_at, updated_at, deleted_at FROM backup_jobs;
      DROP TABLE backup_jobs;
      ALTER TABLE backup_jobs_new RENAME TO backup_jobs;
      CREATE INDEX backup_jobs_due ON backup_jobs (status, next_run_at);
      ALTER TABLE backup_job_runs ADD COLUMN restore_outcome TEXT;
    `);
  },
};
