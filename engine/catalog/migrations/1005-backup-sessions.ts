import type { Migration } from './migration';

/**
 * One session per entity per backup. A session is restorable only once it is 'complete', and
 * the CHECKs make 'complete' impossible without the archive's size and checksum, so a
 * half-written session cannot pass for a good one even if code forgets to look.
 */
export const backupSessionsMigration: Migration = {
  version: 1005,
  name: 'backup sessions',
  up(db) {
    db.exec(`
      CREATE TABLE backup_sessions (
        number          INTEGER PRIMARY KEY AUTOINCREMENT,  -- the session number users see; never reused
        run_id          INTEGER NOT NULL REFERENCES backup_job_runs (id),
        scenario_id     TEXT NOT NULL REFERENCES registered_scenarios (id),
        master_host     TEXT NOT NULL,            -- files are catalogued under the Master, not the Replica read
        entity          TEXT NOT NULL,
        media_id        TEXT NOT NULL REFERENCES media (id),
        device_path     TEXT NOT NULL,
        archive_file    TEXT NOT NULL,            -- relative to device_path
        archive_offset  INTEGER NOT NULL DEFAULT 0,
        archive_size    INTEGER,
        files           INTEGER NOT NULL DEFAULT 0,
        directories     INTEGER NOT NULL DEFAULT 0,
        bytes           INTEGER NOT NULL DEFAULT 0,
        compression     TEXT NOT NULL CHECK (compression IN ('gzip', 'none')),
        encrypted       INTEGER NOT NULL CHECK (encrypted IN (0, 1)),
        kdf             TEXT,                     -- e.g. 'scrypt N=131072 r=8 p=1'; the password is never stored
        kdf_salt        BLOB,
        key_check       BLOB,                     -- tells a wrong password from a damaged archive
        sha256          TEXT,                     -- of the archive bytes, hex
        state           TEXT NOT NULL CHECK (state IN ('writing', 'complete', 'failed')),
        failure         TEXT,
        started_at      TEXT NOT NULL,
        finished_at     TEXT,
        CHECK (encrypted = 0 OR (kdf IS NOT NULL AND kdf_salt IS NOT NULL AND key_check IS NOT NULL)),
        CHECK (state <> 'complete' OR (sha256 IS NOT NULL AND archive_size IS NOT NULL AND finished_at IS NOT NULL)),
        CHECK (state <> 'failed' OR (failure IS NOT NULL AND finished_at IS NOT NULL))
      );
      CREATE INDEX backup_sessions_by_run ON backup_sessions (run_id);
      CREATE INDEX backup_sessions_by_scenario ON backup_sessions (scenario_id, entity, number);
      CREATE INDEX backup_sessions_by_media ON backup_sessions (media_id, number);
      CREATE INDEX backup_sessions_writing ON backup_sessions (number) WHERE state = 'writing';
    `);
  },
};
