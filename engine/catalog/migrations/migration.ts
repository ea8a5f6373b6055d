import type { Database } from 'better-sqlite3';

/** A numbered schema step, applied once inside a transaction and recorded in `schema_migrations`. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /**
   * Rebuilds a table others reference (SQLite's 12-step ALTER procedure): run with foreign
   * keys off, so dropping the old table neither cascades nor counts violations; the keys are
   * checked as a whole (foreign_key_check) before the migration commits.
   */
  readonly rebuildsReferencedTable?: boolean;
  up(db: Database): void;
}
