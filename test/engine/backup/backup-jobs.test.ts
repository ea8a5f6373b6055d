import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupService } from '../../../engine/backup/backup-service';
import type { BackupJob } from '../../../engine/backup/catalog/job-model';
import { DEFAULT_REPLICATION_OPTIONS, type ReplicationOptions } from '../../../engine/scenario/options';
import { boot, type Booted } from '../../../electron/boot';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir';

let booted: Booted | undefined;
const mounts: string[] = [];

afterEach(async () => {
  await booted?.shutdown();
  booted = undefined;
  for (const mount of mounts.splice(0)) execFileSync('umount', [mount]);
  removeTempDirs();
});

/** A running, replicating scenario on this host's engine, with a 4 MiB file to back up. */
async function replicatingScenario(options: Partial<ReplicationOptions> = {}, type: 'FileServer' | 'SQLServer' = 'FileServer', files: Record<string, Buffer> = { 'data.mdf': randomBytes(4 * 1024 * 1024) }) {
  const dataDir = tempDir();
  booted = await boot({ dataDir, shell: 'console', version: '1', enginePort: 0, engineBind: '127.0.0.1' });
  const root = path.join(dataDir, 'master');
  fs.mkdirSync(root);
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(root, name), content);
  const { engine, replication } = booted;
  const created = engine.scenarios.create({ name: 'Payroll', type, master: { host: 'localhost', roots: [root] }, replicas: [{ host: 'localhost', target: path.join(dataDir, 'replica') }] });
  engine.scenarios.setOptions(created.id, { ...DEFAULT_REPLICATION_OPTIONS, backupEnabled: true, ...options });
  const scenario = await replication.control.run(created.id, []);
  replication.backup.register(scenario);
  await expect.poll(async () => {
    const live = await replication.control.live(scenario.id);
    return live.state === 'running' && live.links[0]?.state;
  }, { timeout: 20_000, interval: 100 }).toBe('replicating');
  return { dataDir, scenario, catalog: engine.backupCatalog, backup: replication.backup };
}

function failureOf(catalog: Booted['engine']['backupCatalog'], job: BackupJob): { code: string | null; message: string | null } {
  const run = catalog.jobs.requireJob(job.id).lastRun;
  const child = catalog.jobs.runs.children(run?.id ?? 0)[0];
  return { code: child?.errorCode ?? null, message: child?.errorMessage ?? null };
}

describe('backup jobs on this host\'s engine: entities, warnings, and each error provoked for real', () => {
  it('a full device fails the session (AE0458, nothing half-written left, nothing restorable)', async (context) => {
    const { dataDir, scenario, catalog, backup } = await replicatingScenario();
    const small = path.join(dataDir, 'small-device');
    fs.mkdirSync(small);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', small], { stdio: 'ignore' });
    } catch {
      context.skip('skipped: this host cannot mount a small tmpfs device');
    }
    mounts.push(small);
    const group = catalog.devices.createGroup('Small');
    catalog.devices.addDiskDevice({ groupId: group.id, name: 'Tiny disk', path: small });
    const job = backup.submit({ name: 'To the tiny disk', scenarioIds: [scenario.id], deviceGroupId: group.id, options: { compression: 'none' }, schedule: { kind: 'once', at: new Date().toISOString() }, owner: 'test' });
    await backup.tick();
    await backup.idle();
    const failure = failureOf(catalog, job);
    expect(failure.code).toBe('AE0458');
    expect(failure.message).toContain('ENOSPC');
    expect(catalog.sessions.restorable({ scenarioId: scenario.id, limit: 10 })).toEqual([]);
    expect(fs.readdirSync(small)).toEqual([]);
  });

  it('a second job on a scenario another job holds gets AE0470', async () => {
    const { scenario, catalog, backup } = await replicatingScenario();
    const group = await backup.defaultGroup();
    const draft = { scenarioIds: [scenario.id], deviceGroupId: group.id, schedule: { kind: 'once' as const, at: new Date().toISOString() }, owner: 'test' };
    const first = backup.submit({ ...draft, name: 'First' });
    const second = backup.submit({ ...draft, name: 'Second' });
    await backup.tick();
    await backup.idle();
    const results = [first, second].map((job) => catalog.jobs.requireJob(job.id).lastRun?.result);
    expect(results.sort()).toEqual(['failed', 'succeeded']);
    expect([failureOf(catalog, first).code, failureOf(catalog, second).code]).toContain('AE0470');
  });

  it('an Assured Recovery test that outlasts the job timeout gives AE0469', async () => {
    const { scenario, catalog, backup } = await replicatingScenario({ arEnabled: true, arVerifyCommand: 'sleep 4' });
    const group = await backup.defaultGroup();
    const job = backup.submit({ name: 'Impatient', scenarioIds: [scenario.id], deviceGroupId: group.id, options: { timeoutSeconds: 1 }, schedule: { kind: 'once', at: new Date().toISOString() }, owner: 'test' });
    await backup.tick();
    await backup.idle();
    expect(failureOf(catalog, job).code).toBe('AE0469');
    // The test itself goes on on the Replica until its command ends; the engine is shut down after it.
    const protection = booted?.replication.protection;
    await expect.poll(async () => (await protection?.status(scenario.id, scenario.replicas))?.[0]?.ar?.state, { timeout: 15_000, interval: 200 }).toBe('idle');
  });

  it('stopping a running job records Job Canceled, fails and removes its session', async () => {
    const { dataDir, scenario, catalog, backup } = await replicatingScenario();
    fs.writeFileSync(path.join(dataDir, 'master', 'big.bin'), randomBytes(48 * 1024 * 1024));
    const { replication } = booted ?? {};
    await expect.poll(async () => (await replication?.control.live(scenario.id))?.state === 'running' && fs.existsSync(path.join(dataDir, 'replica', ...path.relative('/', path.join(dataDir, 'master', 'big.bin')).split(path.sep))), { timeout: 30_000 }).toBe(true);
    const group = await backup.defaultGroup();
    const device = group.devices[0]?.path ?? '';
    const job = backup.submit({ name: 'Stopped', scenarioIds: [scenario.id], deviceGroupId: group.id, options: { compression: 'gzip' }, schedule: { kind: 'once', at: new Date().toISOString() }, owner: 'test' });
    await backup.tick();
    await expect.poll(() => fs.readdirSync(device).some((name) => name.endsWith('.partial')), { timeout: 20_000, interval: 20 }).toBe(true);
    backup.cancel(job.id);
    await backup.idle();
    const run = catalog.jobs.requireJob(job.id).lastRun;
    expect(run?.result).toBe('canceled');
    expect(catalog.activity.entries({ runId: run?.id ?? 0, limit: 100, withChildren: true }).map((entry) => entry.message)).toContainEqual(expect.stringContaining('Job Canceled'));
    expect(catalog.sessions.restorable({ scenarioId: scenario.id, limit: 10 })).toEqual([]);
    expect(fs.readdirSync(device)).toEqual([]);
    expect(() => backup.cancel(job.id)).toThrow(expect.objectContaining({ code: 'E3376' }));
  });

  it('a virus found in a backed-up file is a Virus detected warning naming the file; the backup still succeeds', async (context) => {
    const clamscan = spawnSync('clamscan', ['--version'], { encoding: 'utf8' });
    if (clamscan.status !== 0) context.skip('skipped: ClamAV (clamscan) is not installed');
    const { dataDir, scenario, catalog } = await replicatingScenario();
    const master = path.join(dataDir, 'master');
    // The EICAR test file, and a signature database of our own for it (no download needed).
    const eicar = String.raw`X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*`;
    const database = path.join(dataDir, 'test.ndb');
    fs.writeFileSync(database, `Understudy.Test.EICAR:0:*:${Buffer.from(eicar).toString('hex')}\n`);
    fs.writeFileSync(path.join(master, 'invoice.pdf.exe'), eicar);
    const { replication } = booted ?? {};
    await expect.poll(() => fs.existsSync(path.join(dataDir, 'replica', path.relative('/', master), 'invoice.pdf.exe')), { timeout: 20_000 }).toBe(true);
    const control = replication?.control;
    if (!control) throw new Error('not booted');
    const scanning = new BackupService(catalog, control, { defaultDeviceDir: path.join(dataDir, 'scanned'), scanner: { command: 'clamscan', args: ['-d', database] } });
    const group = await scanning.defaultGroup();
    const job = scanning.submit({ name: 'Scanned', scenarioIds: [scenario.id], deviceGroupId: group.id, options: { virusScan: true }, schedule: { kind: 'once', at: new Date().toISOString() }, owner: 'test' });
    await scanning.tick();
    await scanning.idle();
    const run = catalog.jobs.requireJob(job.id).lastRun;
    expect(run?.result).toBe('succeeded');
    const warnings = catalog.activity.entries({ runId: run?.id ?? 0, limit: 100, withChildren: true }).filter((entry) => entry.code === 'W3380');
    expect(warnings).toEqual([expect.objectContaining({ type: 'Warning', message: expect.stringContaining(`Understudy.Test.EICAR.UNOFFICIAL in ${path.join(master, 'invoice.pdf.exe')}`) })]);
    await scanning.close();
  });

  it('a manager without engine credentials for the scenario\'s hosts (e.g. after a restart: they live in memory only) gets AE0459', async () => {
    const dataDir = tempDir();
    booted = await boot({ dataDir, shell: 'console', version: '1', enginePort: 0, engineBind: '127.0.0.1' });
    const { engine, replication } = booted;
    const scenario = engine.scenarios.create({ name: 'Branch', type: 'FileServer', master: { host: 'branch-fs01.invalid', roots: ['/srv/share'] }, replicas: [{ host: 'localhost', target: path.join(dataDir, 'replica') }] });
    engine.scenarios.setStatus(scenario.id, { state: 'running', since: new Date().toISOString() });
    const job = await replication.backup.backupNow(scenario.id);
    await replication.backup.tick();
    await replication.backup.idle();
    expect(failureOf(engine.backupCatalog, job).code).toBe('AE0459');
  });

  it('a SQLServer scenario is backed up one session per database (plus the volume for other files), and the databases join its registration', async () => {
    const files = { 'Payroll.mdf': randomBytes(300_000), 'Payroll_log.ldf': randomBytes(100_000), 'HR.mdf': randomBytes(50_000), 'readme.txt': Buffer.from('notes') };
    const { scenario, catalog, backup } = await replicatingScenario({}, 'SQLServer', files);
    const job = await backup.backupNow(scenario.id);
    await backup.tick();
    await backup.idle();
    expect(catalog.jobs.requireJob(job.id).lastRun?.result).toBe('succeeded');
    const sessions = catalog.sessions.restorable({ scenarioId: scenario.id, limit: 10 });
    const root = scenario.master.roots[0] ?? '';
    expect(sessions.map((session) => [session.entity, session.state === 'complete' ? session.counts.files : -1]).sort()).toEqual([
      ['Database HR', 1],
      ['Database Payroll', 2],
      [`Volume ${root}`, 1],
    ]);
    expect(catalog.scenarios.get(scenario.id)?.entities).toContainEqual({ name: 'Database Payroll', masterPaths: [path.join(root, 'Payroll.mdf'), path.join(root, 'Payroll_log.ldf')] });
  });
});
