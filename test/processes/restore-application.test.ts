import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rootSubdirectory } from '../../engine/replication/root-mapping';
import { DEFAULT_REPLICATION_OPTIONS } from '../../engine/scenario/options';
import { tempDir } from '../helpers/temp-dir';
import { ok, understudy, useConsoleHosts } from './helpers/console-hosts';
import { waitForConvergence } from './helpers/tree-compare';

const { connect } = useConsoleHosts();
const STEP = { timeout: 60_000, interval: 250 };

describe('restoring a SQL Server scenario while its application runs', () => {
  it('writes beside the live files as <name>.TMP, says a restart is required, and swaps them in once the application is stopped', async () => {
    const dataDir = tempDir();
    const { client } = await connect(dataDir);
    const root = tempDir('understudy-sql-');
    const target = tempDir('understudy-target-');
    const running = path.join(tempDir(), 'sqlservr.running');
    fs.writeFileSync(path.join(root, 'Payroll.mdf'), 'database v1');
    fs.writeFileSync(path.join(root, 'Payroll_log.ldf'), 'log v1');
    const scenario = await ok(client.invoke('scenario.create', { name: 'Payroll SQL', type: 'SQLServer', master: { host: 'localhost', roots: [root] }, replicas: [{ host: 'localhost', target }] }));
    await ok(client.invoke('scenario.set-options', { id: scenario.id, options: { ...DEFAULT_REPLICATION_OPTIONS, backupEnabled: true, appRunningCommand: `test -f '${running}'` } }));
    await ok(client.invoke('scenario.run', { id: scenario.id, credentials: [] }));
    await waitForConvergence(root, path.join(target, ...rootSubdirectory(root)));
    await expect.poll(async () => JSON.stringify(await ok(client.invoke('scenario.live', { id: scenario.id }))), STEP).toContain('"replicating"');
    const backup = await ok(client.invoke('backup.now', { id: scenario.id }));
    await expect.poll(async () => (await ok(client.invoke('backup.jobs', {}))).find((job) => job.id === backup.id)?.lastRun?.result, STEP).toBe('succeeded');
    const sessions = await ok(client.invoke('backup.sessions', { scenarioId: scenario.id }));
    expect(sessions.map((session) => session.entity).sort()).toEqual(['Database Payroll']);

    fs.writeFileSync(path.join(root, 'Payroll.mdf'), 'database v2 (damaged by a bad update)');
    fs.writeFileSync(running, '');
    const spec = { scenarioId: scenario.id, items: sessions.map((session) => ({ session: session.number, path: null })), destination: { kind: 'original' as const, to: 'master' as const } };
    const partial = await client.invoke('restore.submit', { draft: { spec: { ...spec, items: [{ session: sessions[0]?.number ?? 0, path: path.join(root, 'Payroll.mdf') }] } }, credentials: [] });
    expect(partial.ok ? 'queued' : partial.error.code, 'SQL Server restores only as a whole').toBe('E3382');

    const job = await ok(client.invoke('restore.submit', { draft: { spec }, credentials: [] }));
    await expect.poll(async () => (await ok(client.invoke('backup.jobs', {}))).find((queued) => queued.id === job.id)?.lastRun?.result, STEP).toBe('succeeded');
    expect((await ok(client.invoke('scenario.get', { id: scenario.id }))).status.state, 'the restore stopped the scenario').toBe('stopped');
    expect(fs.readFileSync(path.join(root, 'Payroll.mdf'), 'utf8'), 'the live file is untouched while the application runs').toBe('database v2 (damaged by a bad update)');
    expect(fs.readFileSync(path.join(root, 'Payroll.mdf.TMP'), 'utf8')).toBe('database v1');
    const runId = (await ok(client.invoke('backup.jobs', {}))).find((queued) => queued.id === job.id)?.lastRun?.id ?? 0;
    const messages = (await ok(client.invoke('backup.activity-entries', { runId }))).map((entry) => entry.message).join('\n');
    expect(messages).toContain('Restart required to complete the restore');
    expect(messages).toContain(`understudy apply-restore ${job.id}`);

    const refused = understudy(dataDir, 'apply-restore', String(job.id));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('E3384');
    expect(fs.readFileSync(path.join(root, 'Payroll.mdf'), 'utf8')).toBe('database v2 (damaged by a bad update)');

    fs.rmSync(running);
    const applied = understudy(dataDir, 'apply-restore', String(job.id));
    expect(applied.stderr).toBe('');
    expect(applied.stdout).toContain('file(s) swapped in');
    expect(fs.readFileSync(path.join(root, 'Payroll.mdf'), 'utf8')).toBe('database v1');
    expect(fs.existsSync(path.join(root, 'Payroll.mdf.TMP'))).toBe(false);
    expect(understudy(dataDir, 'apply-restore', String(job.id)).stderr, 'applied once').toContain('E3386');
  });
});
