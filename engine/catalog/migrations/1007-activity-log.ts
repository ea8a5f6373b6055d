import type { Migration } from './migration';

/** The Job Status Manager's Activity Log: every operation, grouped by job run. */
export const activityLogMigration: Migration = {
  version: 1007,
  name: 'activity log',
  up(db) {
    db.exec(`
      CREATE TABLE activity_log (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        time           TEXT NOT NULL,
        type           TEXT NOT NULL CHECK (type IN ('Information', 'Warning', 'Error')),
        run_id         INTEGER REFERENCES backup_job_runs (id),   -- NULL: not part of a job (registration, devices)
        session        INTEGER,                                   -- backup_sessions.number, when about one session
        message        TEXT NOT NULL,
        code           TEXT,                                      -- catalogued message code (E/W/AE/AW)
        scenario_name  TEXT                                       -- copied: it must read the same after a rename
      );
      CREATE INDEX activity_log_by_run ON activity_log (run_id, id);
      CREATE INDEX activity_log_by_run_type ON activity_log (run_id, type);
    `);
  },
};
