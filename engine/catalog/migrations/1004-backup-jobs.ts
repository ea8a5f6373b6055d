import type { Migration } from './migration';

/**
 * The Job Queue and the runs of its jobs. Job and run ids are AUTOINCREMENT so a number seen
 * in an old Activity Log never names a newer job; deleted jobs keep their row (`deleted_at`)
 * for the same reason.
 */
export const backupJobsMigration: Migration = {
  version: 1004,
  name: 'backup jobs and runs',
  up(db) {
    db.exec(`
      CREATE TABLE backup_jobs (
        id               INTEGER PRIMARY KEY AUTOINCREMENT,
        name             TEXT NOT NULL,
        description      TEXT NOT NULL DEFAULT '',
        kind             TEXT NOT NULL CHECK (kind IN ('backup')),
        device_group_id  INTEGER NOT NULL REFERENCES device_groups (id),
        media_pool       TEXT,
        options          TEXT NOT NULL,           -- JSON: BackupJobOptionsSchema (never a password)
        schedule         TEXT NOT NULL,           -- JSON: ScheduleSchema
        status           TEXT NOT NULL CHECK (status IN ('Ready', 'Active', 'Hold', 'Done')),
        next_run_at      TEXT,                    -- ISO UTC; due when <= now and status is Ready
        active_run_id    INTEGER,
        owner            TEXT NOT NULL,
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        deleted_at       TEXT,
        CHECK (status <> 'Ready' OR next_run_at IS NOT NULL),
        CHECK ((status = 'Active') = (active_run_id IS NOT NULL))
      );
      CREATE INDEX backup_jobs_due ON backup_jobs (status, next_run_at);
      CREATE TABLE backup_job_scenarios (
        job_id       INTEGER NOT NULL REFERENCES backup_jobs (id) ON DELETE CASCADE,
        position     INTEGER NOT NULL,
        scenario_id  TEXT NOT NULL REFERENCES registered_scenarios (id),
        PRIMARY KEY (job_id, position)
      );
      CREATE INDEX backup_job_scenarios_by_scenario ON backup_job_scenarios (scenario_id);
      -- A run of a job; with multistreaming each scenario runs as a child run of the job's run.
      CREATE TABLE backup_job_runs (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        job_id         INTEGER NOT NULL REFERENCES backup_jobs (id),
        parent_run_id  INTEGER REFERENCES backup_job_runs (id),
        scenario_id    TEXT REFERENCES registered_scenarios (id),
        started_at     TEXT NOT NULL,
        finished_at    TEXT,
        result         TEXT CHECK (result IN ('succeeded', 'failed', 'canceled', 'incomplete')),
        files          INTEGER NOT NULL DEFAULT 0,
        directories    INTEGER NOT NULL DEFAULT 0,
        bytes          INTEGER NOT NULL DEFAULT 0,
        error_code     TEXT,
        error_message  TEXT,
        CHECK ((finished_at IS NULL) = (result IS NULL))
      );
      CREATE INDEX backup_job_runs_by_job ON backup_job_runs (job_id, id);
      CREATE INDEX backup_job_runs_by_parent ON backup_job_runs (parent_run_id) WHERE parent_run_id IS NOT NULL;
      CREATE INDEX backup_job_runs_unfinished ON backup_job_runs (id) WHERE finished_at IS NULL;
    `);
  },
};
