import Driver from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackupCatalog } from '../../../engine/backup/catalog/backup-catalog';
import { migrate } from '../../../engine/catalog/migrate';
import { migrations } from '../../../engine/catalog/migrations';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir';
import path from 'node:path';

afterEach(removeTempDirs);

describe('migration 1008 (restore jobs)', () => {
  it('keeps the jobs, runs and scenarios of a catalog written before it, with their ids and foreign keys', () => {
    const db = new Driver(path.join(tempDir(), 'catalog.db'));
    try {
      db.pragma('foreign_keys = ON');
      migrate(db, migrations.filter((migration) => migration.version < 1008));
      const clock = { now: () => new Date('2026-11-20T08:00:00.000Z') };
      const before = createBackupCatalog(db, clock);
      before.scenarios.register({
        id: 'sc1',
        name: 'Files',
        type: 'FileServer',
        master: { host: 'fs01', port: 25000, roots: ['/srv'] },
        replicas: [{ id: 'r1', host: 'dr01', port: 25000, target: '/replica' }],
        entities: [{ name: 'Volume /srv', masterPaths: ['/srv'] }],
        mode: 'suspend',
      });
      const group = before.devices.createGroup('Disks');
      const job = before.jobs.create({ name: 'Nightly', scenarioIds: ['sc1'], deviceGroupId: group.id, schedule: { kind: 'daily', time: '22:00' }, owner: 'ann' });
      const other = before.jobs.create({ name: 'Once', scenarioIds: ['sc1'], deviceGroupId: group.id, schedule: { kind: 'once', at: '2026-11-20T07:00:00.000Z' }, owner: 'ann' });
      const claimed = before.jobs.claimNextDue();
      expect(claimed?.job.id).toBe(other.id);

      migrate(db, migrations);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const after = createBackupCatalog(db, clock);
      expect(after.jobs.list().map((queued) => [queued.id, queued.kind, queued.name, queued.state.status])).toEqual([
        [job.id, 'backup', 'Nightly', 'Ready'],
        [other.id, 'backup', 'Once', 'Active'],
      ]);
      expect(after.jobs.runs.require(claimed?.run.id ?? 0).jobId).toBe(other.id);
      const restore = after.jobs.createRestore({ spec: { scenarioId: 'sc1', items: [{ session: 1, path: null }], destination: { kind: 'original' } } });
      expect(restore).toMatchObject({ kind: 'restore', name: 'Restore Files', scenarios: [{ id: 'sc1', name: 'Files' }] });
      expect(restore.id).toBeGreaterThan(other.id);
    } finally {
      db.close();
    }
  });
});
