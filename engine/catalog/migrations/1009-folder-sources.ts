import type { Migration } from './migration';

/**
 * Ordinary sources (Backup Manager → Source → Folders): a folder on any connected host's engine,
 * backed up as it is (no Replica, no snapshot). Kept in registered_scenarios with no Replica
 * rows, so sessions, the file catalog and the Restore Manager treat it like a scenario's volume.
 */
export const folderSourcesMigration: Migration = {
  version: 1009,
  name: 'folder sources',
  up(db) {
    db.exec(`ALTER TABLE registered_scenarios ADD COLUMN source TEXT NOT NULL DEFAULT 'scenario' CHECK (source IN ('scenario', 'folder'))`);
  },
};
