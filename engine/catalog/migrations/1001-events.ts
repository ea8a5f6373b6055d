import type { Migration } from './migration';

/** The Events pane's history, newest read first, filtered by scenario. */
export const eventsMigration: Migration = {
  version: 1001,
  name: 'events',
  up(db) {
    db.exec(`
      CREATE TABLE events (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        time         TEXT NOT NULL,
        host         TEXT NOT NULL,
        severity     TEXT NOT NULL,
        scenario_id  TEXT,
        code         TEXT,
        text         TEXT NOT NULL
      );
      CREATE INDEX events_by_scenario ON events (scenario_id, id);
    `);
  },
};
