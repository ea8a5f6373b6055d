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
      // Written as the code of that time wrote it: today's stores know later columns.
      const at = '2026-11-20T07:00:00.000Z';
      db.prepare(`INSERT INTO registered_scenarios (id, name, type, master_host, master_port, master_roots, mode, registered_at, updated_at) VALUES ('sc1', 'Files', 'FileServer', 'fs01', 25000, '["/srv"]', 'suspend', ?, ?)`).run(at, at);
      db.prepare(`INSERT INTO registered_scenario_replicas VALUES ('sc1', 0, 'r1', 'dr01', 25000, '/replica')`).run();
      db.prepare(`INSERT INTO registered_scenario_entities VALUES ('sc1', 0, 'Volume /srv', '["/srv"]')`).run();
      const group = Number(db.prepare(`INSERT INTO device_groups (name, created_at) VALUES ('Disks', ?)`).run(at).lastInsertRowid);
      const insertJob = db.prepare(
        `INSERT INTO backup_jobs (name, kind, device_group_id, options, schedule, status, next_run_at, active_run_id, owner, created_at, updated_at)
         VALUES (?, 'backup', ?, '{}', ?, ?, ?, ?, 'ann', ?, ?)`,
      );
      const job = { id: Number(insertJob.run('Nightly', group, '{"kind":"daily","time":"22:00"}', 'Ready', '2026-11-20T22:00:00.000Z', null, at, at).lastInsertRowid) };
      const other = { id: Number(insertJob.run('Once', group, `{"kind":"once","at":"${at}"}`, 'Ready', at, null, at, at).lastInsertRowid) };
      for (const id of [job.id, other.id]) db.prepare(`INSERT INTO backup_job_scenarios VALUES (?, 0, 'sc1')`).run(id);
      const runId = Number(db.prepare('INSERT INTO backup_job_runs (job_id, started_at) VALUES (?, ?)').run(other.id, at).lastInsertRowid);
      db.prepare(`UPDATE backup_jobs SET status = 'Active', next_run_at = NULL, active_run_id = ? WHERE id = ?`).run(runId, other.id);
      const claimed = { run: { id: runId } };

      migrate(db, migrations);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const after = createBackupCatalog(db, clock);
      expect(after.jobs.list().map((queued) => [queued.id, queued.kind, queued.name, queued.state.status])).toEqual([
        [job.id, 'backup', 'Nightly', 'Ready'],
        [other.id, 'backup', 'Once', 'Active'],
      ]);
      expect(after.jobs.runs.require(claimed.run.id).jobId).toBe(other.id);
      const restore = after.jobs.createRestore({ spec: { scenarioId: 'sc1', items: [{ session: 1, path: null }], destination: { kind: 'original' } } });
      expect(restore).toMatchObject({ kind: 'restore', name: 'Restore Files', scenarios: [{ id: 'sc1', name: 'Files' }] });
      expect(restore.id).toBeGreaterThan(other.id);
    } finally {
      db.close();
    }
  });
});
