import path from 'node:path';
import Driver, { type Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { appliedMigrations, migrate } from '../../../engine/catalog/migrate';
import type { Migration } from '../../../engine/catalog/migrations/migration';
import { migrations } from '../../../engine/catalog/migrations';
import { openCatalog } from '../../../engine/catalog/open-catalog';
import { UserError } from '../../../engine/messages/user-error';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir';

const open: Database[] = [];

function openFile(file: string): Database {
  const db = new Driver(file);
  open.push(db);
  return db;
}

function tableNames(db: Database): string[] {
  return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
}

function createTable(version: number, table: string, log?: number[]): Migration {
  return {
    version,
    name: `create ${table}`,
    up(db) {
      log?.push(version);
      db.exec(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY)`);
    },
  };
}

afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  removeTempDirs();
});

describe('migrate', () => {
  it('applies each migration once and records it in schema_migrations', () => {
    const file = path.join(tempDir(), 'catalog.db');
    const ran: number[] = [];
    const steps = [createTable(1, 'alpha', ran), createTable(2, 'beta', ran)];
    const fixed = new Date('2024-05-06T07:08:09.000Z');

    const db = openFile(file);
    const first = migrate(db, steps, () => fixed);
    expect(first).toEqual([
      { version: 1, name: 'create alpha', appliedAt: '2024-05-06T07:08:09.000Z' },
      { version: 2, name: 'create beta', appliedAt: '2024-05-06T07:08:09.000Z' },
    ]);
    db.close();

    const reopened = openFile(file);
    expect(migrate(reopened, steps)).toEqual([]);
    expect(ran).toEqual([1, 2]);
    expect(appliedMigrations(reopened)).toEqual(first);
    expect(tableNames(reopened)).toEqual(['alpha', 'beta', 'schema_migrations']);
  });

  it('applies only the migrations added since the catalog was last opened', () => {
    const file = path.join(tempDir(), 'catalog.db');
    const ran: number[] = [];
    migrate(openFile(file), [createTable(1, 'alpha', ran)]);
    const db = openFile(file);
    const applied = migrate(db, [createTable(1, 'alpha', ran), createTable(2, 'beta', ran)]);
    expect(applied.map((migration) => migration.version)).toEqual([2]);
    expect(ran).toEqual([1, 2]);
    expect(appliedMigrations(db).map((migration) => migration.version)).toEqual([1, 2]);
  });

  it('applies migrations in version order even when they are listed out of order', () => {
    const ran: number[] = [];
    // 1002 depends on the table 1001 creates: it fails if run first.
    const addColumn: Migration = {
      version: 1002,
      name: 'add colour',
      up(db) {
        ran.push(1002);
        db.exec('ALTER TABLE beta ADD COLUMN colour TEXT');
      },
    };
    const db = openFile(path.join(tempDir(), 'catalog.db'));
    const applied = migrate(db, [addColumn, createTable(1000, 'alpha', ran), createTable(1001, 'beta', ran)]);
    expect(ran).toEqual([1000, 1001, 1002]);
    expect(applied.map((migration) => migration.version)).toEqual([1000, 1001, 1002]);
    expect(appliedMigrations(db).map((migration) => migration.name)).toEqual(['create alpha', 'create beta', 'add colour']);
  });

  it('a migration that throws is rolled back completely, is not recorded, and its error propagates', () => {
    const file = path.join(tempDir(), 'catalog.db');
    const broken: Migration = {
      version: 2,
      name: 'half done',
      up(db) {
        db.exec('CREATE TABLE half (id INTEGER PRIMARY KEY)');
        db.exec('INSERT INTO half (id) VALUES (1)');
        throw new Error('step two failed');
      },
    };
    const later = createTable(3, 'gamma');
    const db = openFile(file);
    expect(() => migrate(db, [createTable(1, 'alpha'), broken, later])).toThrow('step two failed');

    expect(tableNames(db)).toEqual(['alpha', 'schema_migrations']);
    expect(appliedMigrations(db).map((migration) => migration.version)).toEqual([1]);
    expect(db.inTransaction).toBe(false);
    db.close();

    // The same holds on disk, and fixing the migration lets it apply on the next open.
    const reopened = openFile(file);
    expect(tableNames(reopened)).toEqual(['alpha', 'schema_migrations']);
    const applied = migrate(reopened, [createTable(1, 'alpha'), createTable(2, 'half'), later]);
    expect(applied.map((migration) => migration.version)).toEqual([2, 3]);
    expect(tableNames(reopened)).toEqual(['alpha', 'gamma', 'half', 'schema_migrations']);
  });

  it('a catalog holding a migration this build does not know is refused with E1005 and left untouched', () => {
    const file = path.join(tempDir(), 'catalog.db');
    migrate(openFile(file), [createTable(1, 'alpha'), createTable(2, 'beta'), createTable(7, 'future')]);

    const db = openFile(file);
    const ran: number[] = [];
    let thrown: unknown;
    try {
      migrate(db, [createTable(1, 'alpha', ran), createTable(2, 'beta', ran), createTable(3, 'gamma', ran)]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UserError);
    expect((thrown as UserError).code).toBe('E1005');
    expect((thrown as UserError).message).toContain('7');
    expect(ran).toEqual([]);
    expect(tableNames(db)).not.toContain('gamma');
  });

  it('openCatalog refuses a catalog written by a newer build with E1005', () => {
    const dir = tempDir();
    const db = openCatalog(dir);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(99999, 'from the future', new Date().toISOString());
    db.close();

    let thrown: unknown;
    try {
      open.push(openCatalog(dir));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UserError);
    expect((thrown as UserError).code).toBe('E1005');
    expect((thrown as UserError).message).toContain('99999');
  });
});

describe('openCatalog', () => {
  it('creates a WAL-mode catalog with the scenarios and events tables and every migration recorded', () => {
    const dir = path.join(tempDir(), 'nested', 'data');
    const db = openCatalog(dir);
    open.push(db);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['events', 'scenarios', 'schema_migrations']));
    expect(appliedMigrations(db).map((migration) => migration.version)).toEqual(migrations.map((migration) => migration.version).sort((a, b) => a - b));
    expect(db.name).toBe(path.join(dir, 'catalog.db'));
  });

  it('opening the same folder twice applies nothing the second time', () => {
    const dir = tempDir();
    const first = openCatalog(dir);
    const recorded = appliedMigrations(first);
    first.close();

    const second = openCatalog(dir);
    open.push(second);
    expect(appliedMigrations(second)).toEqual(recorded);
    expect(migrate(second, migrations)).toEqual([]);
    // The WAL setting is persistent in the file itself.
    const plain = openFile(path.join(dir, 'catalog.db'));
    expect(plain.pragma('journal_mode', { simple: true })).toBe('wal');
  });
});
