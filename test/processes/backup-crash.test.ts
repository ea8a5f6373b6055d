import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rootSubdirectory } from '../../engine/replication/root-mapping';
import { DEFAULT_REPLICATION_OPTIONS } from '../../engine/scenario/options';
import { tempDir } from '../helpers/temp-dir';
import { ok, understudy, useConsoleHosts } from './helpers/console-hosts';
import { pollUntil } from './helpers/protection-client';
import { waitForConvergence } from './helpers/tree-compare';

const { connect, forget } = useConsoleHosts();

function partialFiles(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith('.partial')) : [];
}

describe('a backup server killed in the middle of a backup', () => {
  it('marks the job failed at restart, lists no half session, and the next backup works', async () => {
    const dataDir = tempDir();
    const devices = path.join(dataDir, 'backups');
    const root = tempDir('understudy-root-');
    // Incompressible data: gzip keeps the backup busy for seconds.
    const chunk = Buffer.alloc(1024 * 1024);
    const handle = fs.openSync(path.join(root, 'data.mdf'), 'w');
    for (let i = 0; i < 256; i += 1) fs.writeSync(handle, chunk.map(() => Math.floor(Math.random() * 256)));
    fs.closeSync(handle);
    const target = tempDir('understudy-target-');

    const first = await connect(dataDir);
    const scenario = await ok(first.client.invoke('scenario.create', { name: 'Database', type: 'FileServer', master: { host: 'localhost', roots: [root] }, replicas: [{ host: 'localhost', target }] }));
    await ok(first.client.invoke('scenario.set-options', { id: scenario.id, options: { ...DEFAULT_REPLICATION_OPTIONS, backupEnabled: true } }));
    await ok(first.client.invoke('scenario.run', { id: scenario.id, credentials: [] }));
    await waitForConvergence(root, path.join(target, ...rootSubdirectory(root)));
    await pollUntil('replicating', () => ok(first.client.invoke('scenario.live', { id: scenario.id })), (live) => live.state === 'running' && 'links' in live && live.links[0]?.state === 'replicating');

    const job = await ok(first.client.invoke('backup.now', { id: scenario.id }));
    await pollUntil('a session being written', async () => partialFiles(devices), (names) => names.length > 0, 30_000);
    first.client.close();
    first.host.child.kill('SIGKILL');
    await new Promise((resolve) => first.host.child.once('exit', resolve));
    forget(first.host);

    const second = await connect(dataDir);
    try {
      const failed = (await ok(second.client.invoke('backup.jobs', {}))).find((candidate) => candidate.id === job.id);
      expect(failed?.state.status).toBe('Done');
      expect(failed?.lastRun?.result).toBe('failed');
      expect(await ok(second.client.invoke('backup.sessions', { scenarioId: scenario.id })), 'no half session is restorable').toEqual([]);
      await pollUntil('the half-written files removed', async () => partialFiles(devices), (names) => names.length === 0, 10_000);
      const entries = await ok(second.client.invoke('backup.activity-entries', { runId: failed?.lastRun?.id ?? 0 }));
      expect(entries.some((entry) => entry.type === 'Error' && /interrupted|stopped/i.test(entry.message)), JSON.stringify(entries)).toBe(true);

      const again = understudy(dataDir, 'run', 'Database');
      expect(again.status === 0 || again.stderr.includes('running'), again.stderr).toBe(true);
      await pollUntil('replicating again', () => ok(second.client.invoke('scenario.live', { id: scenario.id })), (live) => live.state === 'running' && 'links' in live && live.links[0]?.state === 'replicating', 60_000);
      const retry = await ok(second.client.invoke('backup.now', { id: scenario.id }));
      await pollUntil('the next backup', async () => (await ok(second.client.invoke('backup.jobs', {}))).find((candidate) => candidate.id === retry.id)?.lastRun?.result, (result) => result === 'succeeded' || result === 'failed', 120_000);
      expect((await ok(second.client.invoke('backup.jobs', {}))).find((candidate) => candidate.id === retry.id)?.lastRun?.result).toBe('succeeded');
      expect(await ok(second.client.invoke('backup.sessions', { scenarioId: scenario.id }))).toHaveLength(1);
    } finally {
      second.client.close();
    }
  }, 240_000);
});
