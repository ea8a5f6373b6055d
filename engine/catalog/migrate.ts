import type { Database } from 'better-sqlite3';
import { UserError } from '../messages/user-error';
import type { Migration } from './migrations/migration';

export interface AppliedMigration {
  version: number;
  name: string;
  appliedAt: string;
}

/** Applies each migration not yet recorded, in order, each in its own transaction. Returns what it applied. */
export function migrate(db: Database, migrations: readonly Migration[], now: () => Date = () => new Date()): AppliedMigration[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const known = new Set(migrations.map((migration) => migration.version));
  const recorded = db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[];
  const unknown = recorded.filter((version) => !known.has(version));
  if (unknown.length > 0) throw new UserError('E1005', `unknown migration(s) ${unknown.join(', ')}`);

  const done = new Set(recorded);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied: AppliedMigration[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(migration.version)) continue;
    const appliedAt = now().toISOString();
    const keysWereOn = db.pragma('foreign_keys', { simple: true }) === 1;
    if (migration.rebuildsReferencedTable) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        migration.up(db);
        const broken = migration.rebuildsReferencedTable ? (db.pragma('foreign_key_check') as unknown[]) : [];
        if (broken.length > 0) throw new Error(`migration ${migration.version} would break references between tables: ${JSON.stringify(broken)}`);
        record.run(migration.version, migration.name, appliedAt);
      })();
    } finally {
      if (migration.rebuildsReferencedTable && keysWereOn) db.pragma('foreign_keys = ON');
    }
    applied.push({ version: migration.version, name: migration.name, appliedAt });
  }
  return applied;
}

export function appliedMigrations(db: Database): AppliedMigration[] {
  return db
    .prepare('SELECT version, name, applied_at AS appliedAt FROM schema_migrations ORDER BY version')
    .all() as AppliedMigration[];
}
