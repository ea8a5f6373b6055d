import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { ok, useConsoleHosts } from './helpers/console-hosts';
import { pollUntil } from './helpers/protection-client';
import { T0, jobEnd, replicatingScenario, submitRestore, told, treeState } from './helpers/restore-client';

const { connect } = useConsoleHosts();

describe('disk staging', () => {
  it('writes the sessions to the staging group, migrates them to the destination group when due, and restores from where they are', async () => {
    const { client } = await connect(tempDir());
    const relative = await client.invoke('backup.add-disk-device', { group: 'Staging', name: 'Fast disk', path: 'staging' });
    expect(relative.ok ? 'added' : relative.error.code).toBe('E3390');
    const blocked = tempDir('understudy-blocked-');
    fs.writeFileSync(path.join(blocked, 'file'), 'a file where the folder would go');
    const underFile = await client.invoke('backup.add-disk-device', { group: 'Staging', name: 'Fast disk', path: path.join(blocked, 'file', 'sessions') });
    expect(underFile.ok ? 'added' : underFile.error.code).toBe('E3390');

    const stagingDir = path.join(tempDir('understudy-staging-'), 'sessions');
    const staging = await ok(client.invoke('backup.add-disk-device', { group: 'Staging', name: 'Fast disk', path: stagingDir }));
    expect(staging.devices.map((device) => device.path)).toEqual([stagingDir]);
    const destination = (await ok(client.invoke('backup.devices', {}))).find((group) => group.name === 'Default');
    if (!destination) throw new Error('no Default group');
    const destinationDir = destination.devices[0]?.path ?? '';

    const { scenario, root } = await replicatingScenario(client, 'Designs', { 'cad/a.dwg': ['drawing a', T0 + 1], 'cad/b.dwg': ['drawing b', T0 + 2] });
    const draft = (name: string, migrateAfterHours: number) => ({
      name,
      scenarioIds: [scenario.id],
      deviceGroupId: destination.id,
      mediaPool: 'Monthly',
      options: { staging: { deviceGroupId: staging.id, migrateAfterHours } },
      schedule: { kind: 'once' as const, at: new Date().toISOString() },
      owner: 'test',
    });
    const same = await client.invoke('backup.submit', { draft: { ...draft('Same group', 0), options: { staging: { deviceGroupId: destination.id, migrateAfterHours: 0 } } } });
    expect(same.ok ? 'queued' : same.error.code).toBe('E3377');

    const now = await ok(client.invoke('backup.submit', { draft: draft('Staged, migrated at once', 0) }));
    const end = await jobEnd(client, now.id, 90_000);
    expect(end.result, told(end)).toBe('succeeded');
    expect(end.entries.map((entry) => entry.message)).toContainEqual(expect.stringMatching(new RegExp(`written to the staging device ${stagingDir}; it migrates to device group "Default" now$`)));
    const migrated = await pollUntil(
      'the session migrated',
      async () => (await ok(client.invoke('backup.sessions', { scenarioId: scenario.id })))[0],
      (session) => session?.devicePath === destinationDir,
      30_000,
    );
    if (!migrated || migrated.state !== 'complete') throw new Error('no complete session');
    await pollUntil('nothing left on staging', async () => fs.readdirSync(stagingDir).filter((name) => name.startsWith(migrated.archiveFile)), (names) => names.length === 0, 10_000);
    expect(fs.existsSync(path.join(destinationDir, migrated.archiveFile))).toBe(true);
    const media = (await ok(client.invoke('restore.media', {}))).find((entry) => entry.id === migrated.mediaId);
    expect(media?.pool).toBe('Monthly');

    const later = await ok(client.invoke('backup.submit', { draft: draft('Staged, migrated tomorrow', 24) }));
    expect((await jobEnd(client, later.id, 90_000)).result).toBe('succeeded');
    const [waiting] = await ok(client.invoke('backup.sessions', { scenarioId: scenario.id }));
    if (!waiting || waiting.state !== 'complete') throw new Error('no second session');
    expect(waiting.devicePath, 'waits on the staging group').toBe(stagingDir);

    for (const session of [migrated, waiting]) {
      const folder = tempDir('understudy-staged-restore-');
      const job = await ok(submitRestore(client, { scenarioId: scenario.id, items: [{ session: session.number, path: null }], destination: { kind: 'alternate', host: 'localhost', folder } }));
      const restored = await jobEnd(client, job.id);
      expect(restored.result, told(restored)).toBe('succeeded');
      expect(await treeState(path.join(folder, ...root.split('/').filter(Boolean)))).toEqual(await treeState(root));
    }
  });
});
