import { afterEach, describe, expect, it } from 'vitest';
import { appliedMigrations } from '../../../../engine/catalog/migrate';
import { openCatalog } from '../../../../engine/catalog/open-catalog';
import { removeTempDirs, tempDir } from '../../../helpers/temp-dir';
import { closeTestCatalogs, openTestCatalog } from './catalog-fixture';

afterEach(() => {
  closeTestCatalogs();
  removeTempDirs();
});

describe('backup catalog migrations', () => {
  it('create the backup tables and indexes once, recorded as 1002–1007', () => {
    const dir = tempDir();
    const { db } = openTestCatalog(undefined, dir);
    const versions = appliedMigrations(db).map((migration) => migration.version);
    expect(versions).toEqual(expect.arrayContaining([1002, 1003, 1004, 1005, 1006, 1007]));
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    expect(names).toEqual(
      expect.arrayContaining([
        'registered_scenarios',
        'registered_scenario_replicas',
        'registered_scenario_entities',
        'device_groups',
        'devices',
        'media',
        'backup_jobs',
        'backup_job_scenarios',
        'backup_job_runs',
        'backup_sessions',
        'catalog_paths',
        'catalog_names',
        'catalog_name_trigrams',
        'catalog_files',
        'catalog_files_by_name',
        'catalog_dir_sessions',
        'activity_log',
      ]),
    );
    closeTestCatalogs();
    const reopened = openCatalog(dir);
    try {
      expect(appliedMigrations(reopened).map((migration) => migration.version)).toEqual(versions);
    } finally {
      reopened.close();
    }
  });

  it('the file catalog rows are clustered by session, directory and name (WITHOUT ROWID)', () => {
    const { db } = openTestCatalog();
    const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'catalog_files'").pluck().get() as string;
    expect(sql).toMatch(/PRIMARY KEY \(session, dir_id, name_id\)\s*\) WITHOUT ROWID/);
  });
});
