import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { ok, useConsoleHosts } from './helpers/console-hosts';
import { pollUntil } from './helpers/protection-client';
import { jobEnd, replicatingScenario, submitRestore, told, treeState } from './helpers/restore-client';

const { connect, forget } = useConsoleHosts();

const partials = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith('.partial')) : []);

describe('a backup server killed while it migrates a staged session', () => {
  it('copies it again at restart, moves it once, and the session restores from its destination', async () => {
    const dataDir = tempDir();
    const first = await connect(dataDir);
    const stagingDir = path.join(tempDir('understudy-staging-'), 'sessions');
    const staging = await ok(first.client.invoke('backup.add-disk-device', { group: 'Staging', name: 'Fast disk', path: stagingDir }));
    const destination = (await ok(first.client.invoke('backup.devices', {}))).find((group) => group.name === 'Default');
    const destinationDir = destination?.devices[0]?.path ?? '';
    if (!destination) throw new Error('no Default group');
    // 256 MiB that does not compress: the copy to the destination takes long enough to be cut.
    const { scenario, root } = await replicatingScenario(first.client, 'Archive', { 'big/archive.bin': [randomBytes(256 * 1024 * 1024), 1_600_000_001] });

    const job = await ok(
      first.client.invoke('backup.submit', {
        draft: {
          name: 'Staged archive',
          scenarioIds: [scenario.id],
          deviceGroupId: destination.id,
          options: { compression: 'none', staging: { deviceGroupId: staging.id, migrateAfterHours: 0 } },
          schedule: { kind: 'once', at: new Date().toISOString() },
          owner: 'test',
        },
      }),
    );
    const seen = await pollUntil('the migration copying', async () => partials(destinationDir), (names) => names.length > 0, 120_000);
    first.client.close();
    first.host.child.kill('SIGKILL');
    await new Promise((resolve) => first.host.child.once('exit', resolve));
    forget(first.host);
    expect(seen.length, 'killed mid-copy').toBeGreaterThan(0);

    const second = await connect(dataDir);
    const end = await jobEnd(second.client, job.id, 60_000);
    expect(end.result, told(end)).toBe('succeeded');
    const session = await pollUntil(
      'the session migrated after the restart',
      async () => (await ok(second.client.invoke('backup.sessions', { scenarioId: scenario.id })))[0],
      (candidate) => candidate?.devicePath === destinationDir,
      60_000,
    );
    if (!session || session.state !== 'complete') throw new Error('no complete session');
    expect(partials(destinationDir), 'no half copy left').toEqual([]);
    await pollUntil('the staging copy removed', async () => fs.readdirSync(stagingDir).filter((name) => name.startsWith(session.archiveFile)), (names) => names.length === 0, 10_000);
    expect(fs.statSync(path.join(destinationDir, session.archiveFile)).size).toBe(session.archiveSize);
    const entries = await ok(second.client.invoke('backup.activity-entries', { runId: end.job.lastRun?.id ?? 0 }));
    expect(entries.filter((entry) => /migrated from staging/.test(entry.message)), 'moved once').toHaveLength(1);

    const folder = tempDir('understudy-staged-crash-restore-');
    const restore = await ok(submitRestore(second.client, { scenarioId: scenario.id, items: [{ session: session.number, path: null }], destination: { kind: 'alternate', host: 'localhost', folder } }));
    const restored = await jobEnd(second.client, restore.id, 120_000);
    expect(restored.result, told(restored)).toBe('succeeded');
    expect(await treeState(path.join(folder, ...root.split('/').filter(Boolean)))).toEqual(await treeState(root));
  });
});
