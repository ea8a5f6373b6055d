import type { Migration } from './migration';

/**
 * The backup catalog's record of the scenarios it may back up (Backup Manager, Source tab).
 * Separate from `scenarios` (the Replication Manager's own definitions): a backup server keeps
 * what a scenario looked like when it was registered, and keeps it after the scenario is
 * removed (`removed_at`), because its sessions still name it.
 */
export const registeredScenariosMigration: Migration = {
  version: 1002,
  name: 'registered scenarios',
  up(db) {
    db.exec(`
      CREATE TABLE registered_scenarios (
        id             TEXT PRIMARY KEY,
        name           TEXT NOT NULL,
        type           TEXT NOT NULL CHECK (type IN ('FileServer', 'SQLServer', 'Exchange')),
        master_host    TEXT NOT NULL,
        master_port    INTEGER NOT NULL,
        master_roots   TEXT NOT NULL,             -- JSON array of the Master's root directories
        mode           TEXT NOT NULL CHECK (mode IN ('assured-recovery', 'suspend', 'none')),  -- how a consistent snapshot is taken
        registered_at  TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        removed_at     TEXT                       -- set when unregistered; NULL while registered
      );
      CREATE TABLE registered_scenario_replicas (
        scenario_id  TEXT NOT NULL REFERENCES registered_scenarios (id) ON DELETE CASCADE,
        position     INTEGER NOT NULL,
        replica_id   TEXT NOT NULL,
        host         TEXT NOT NULL,
        port         INTEGER NOT NULL,
        target       TEXT NOT NULL,
        PRIMARY KEY (scenario_id, position)
      );
      -- FileServer: one per Master volume/root; SQLServer: one per database; Exchange: one per storage group.
      CREATE TABLE registered_scenario_entities (
        scenario_id   TEXT NOT NULL REFERENCES registered_scenarios (id) ON DELETE CASCADE,
        position      INTEGER NOT NULL,
        name          TEXT NOT NULL,
        master_paths  TEXT NOT NULL,              -- JSON array of the Master paths the entity covers
        PRIMARY KEY (scenario_id, position),
        UNIQUE (scenario_id, name)
      );
    `);
  },
};
