import type { Database } from 'better-sqlite3';

/** A numbered schema step, applied once inside a transaction and recorded in `schema_migrations`. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}
