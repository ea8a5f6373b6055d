import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupService } from '../../../engine/backup/backup-service';
import { createBackupCatalog } from '../../../engine/backup/catalog/backup-catalog';
import { registrationOf } from '../../../engine/backup/catalog/registration';
import { openCatalog } from '../../../engine/catalog/open-catalog';
import { boot, type Booted } from '../../../electron/boot';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir';

let booted: Booted | undefined;

afterEach(async () => {
  await booted?.shutdown();
  booted = undefined;
  removeTempDirs();
});

describe('the backup job scheduler', () => {
  it('runs a daily job at its time each day and never a job on hold; a stopped scenario fails its run with AE0465', async () => {
    const dataDir = tempDir();
    booted = await boot({ dataDir, shell: 'console', version: '1', enginePort: 0, engineBind: '127.0.0.1' });
    const scenario = booted.engine.scenarios.create({ name: 'Payroll', type: 'FileServer', master: { host: 'localhost', roots: [path.join(dataDir, 'master')] }, replicas: [{ host: 'localhost', target: path.join(dataDir, 'replica') }] });
    let now = new Date(2026, 10, 26, 1, 0);
    const db = openCatalog(dataDir);
    const catalog = createBackupCatalog(db, { now: () => now });
    const service = new BackupService(catalog, booted.replication.control, { defaultDeviceDir: path.join(dataDir, 'backups') });
    catalog.scenarios.register(registrationOf(scenario));
    const group = await service.defaultGroup();
    const draft = { scenarioIds: [scenario.id], deviceGroupId: group.id, schedule: { kind: 'daily' as const, time: '02:00' }, owner: 'test' };
    const daily = service.submit({ ...draft, name: 'Nightly' });
    const held = service.submit({ ...draft, name: 'Held', hold: true });
    const runsOf = (id: number) => catalog.jobs.runs.forJob(id, { limit: 100 });
    const at = async (moment: Date): Promise<void> => {
      now = moment;
      await service.tick();
      await service.idle();
    };

    await at(new Date(2026, 10, 26, 1, 59));
    expect(runsOf(daily.id)).toHaveLength(0);
    await at(new Date(2026, 10, 26, 2, 0, 30));
    expect(runsOf(daily.id)).toHaveLength(1);
    await at(new Date(2026, 10, 26, 23, 0));
    expect(runsOf(daily.id), 'once a day').toHaveLength(1);
    await at(new Date(2026, 10, 27, 2, 1));
    expect(runsOf(daily.id)).toHaveLength(2);
    expect(runsOf(held.id), 'a held job never runs').toHaveLength(0);

    const job = catalog.jobs.requireJob(daily.id);
    expect(job.state).toEqual({ status: 'Ready', nextRunAt: new Date(2026, 10, 28, 2, 0).toISOString() });
    expect(job.lastRun?.result).toBe('failed');
    const child = catalog.jobs.runs.children(job.lastRun?.id ?? 0)[0];
    expect(child?.errorCode).toBe('AE0465');
    await service.close();
    db.close();
  });
});
