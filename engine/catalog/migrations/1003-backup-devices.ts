import type { Migration } from './migration';

/** Where backups are written: disk devices (folders) in device groups, and the media on them. */
export const backupDevicesMigration: Migration = {
  version: 1003,
  name: 'backup devices and media',
  up(db) {
    db.exec(`
      CREATE TABLE device_groups (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
        created_at  TEXT NOT NULL
      );
      CREATE TABLE devices (
        id              INTEGER PRIMARY KEY,
        group_id        INTEGER NOT NULL REFERENCES device_groups (id),
        name            TEXT NOT NULL UNIQUE COLLATE NOCASE,
        kind            TEXT NOT NULL CHECK (kind IN ('disk')),
        path            TEXT NOT NULL UNIQUE,     -- the folder media are created in
        capacity_bytes  INTEGER,                  -- optional quota the administrator set
        created_at      TEXT NOT NULL
      );
      CREATE INDEX devices_by_group ON devices (group_id);
      -- A media is named for the local day it was created and its number that day
      -- (BACKUP-2026-11-26-0001); (day, sequence) is what makes the name unique.
      CREATE TABLE media (
        id          TEXT PRIMARY KEY,             -- random UUID, printed in the Activity Log
        name        TEXT NOT NULL UNIQUE,
        day         TEXT NOT NULL,
        sequence    INTEGER NOT NULL,
        pool        TEXT,
        group_id    INTEGER NOT NULL REFERENCES device_groups (id),
        device_id   INTEGER NOT NULL REFERENCES devices (id),
        created_at  TEXT NOT NULL,
        UNIQUE (day, sequence)
      );
      CREATE INDEX media_by_group ON media (group_id);
      CREATE INDEX media_by_device ON media (device_id);
    `);
  },
};
