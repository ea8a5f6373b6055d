import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { ok, useConsoleHosts } from './helpers/console-hosts';
import { T0, jobEnd, placeFile, replicatingScenario, submitRestore, told, treeState } from './helpers/restore-client';

const { connect } = useConsoleHosts();

describe('a folder as an ordinary backup source', () => {
  it('is added when its host answers and it exists, backs up live beside a scenario in one job, and restores to its folder or elsewhere', async () => {
    const { client } = await connect(tempDir());
    const folder = tempDir('understudy-folder-source-');
    placeFile(folder, 'contracts/2026/acme.pdf', 'acme contract', T0 + 5);
    placeFile(folder, 'contracts/2026/globex.pdf', 'globex contract', T0 + 6);
    placeFile(folder, 'readme.txt', 'shared folder', T0 + 7);

    const missing = await client.invoke('backup.add-folder', { host: 'localhost', path: path.join(folder, 'no-such-folder') });
    expect(missing.ok ? 'added' : missing.error.code).toBe('E3389');
    const relative = await client.invoke('backup.add-folder', { host: 'localhost', path: 'contracts' });
    expect(relative.ok ? 'added' : relative.error.code).toBe('E3389');

    const source = await ok(client.invoke('backup.add-folder', { host: 'localhost', path: folder }));
    expect(source).toMatchObject({ source: 'folder', name: `${folder} on localhost`, master: 'localhost', replicas: [], roots: [folder], mode: 'none' });
    expect(await ok(client.invoke('backup.add-folder', { host: 'localhost', path: folder })), 'adding it again returns the same source').toMatchObject({ id: source.id });
    expect(await ok(client.invoke('backup.job-hosts', { scenarioIds: [source.id] }))).toEqual([
      { scenarioId: source.id, scenarioName: source.name, role: 'Source', host: 'localhost', needsCredentials: false, storedUser: null },
    ]);
    expect(await ok(client.invoke('backup.source-entities', { scenarioId: source.id, credentials: [] }))).toEqual([{ name: `Volume ${folder}`, masterPaths: [folder] }]);

    const { scenario } = await replicatingScenario(client, 'Orders', { 'orders/1.csv': ['order 1', T0 + 1] });
    const group = (await ok(client.invoke('backup.devices', {})))[0];
    if (!group) throw new Error('no device group');
    const job = await ok(
      client.invoke('backup.submit', {
        draft: { name: 'Orders and contracts', scenarioIds: [scenario.id, source.id], deviceGroupId: group.id, schedule: { kind: 'once', at: new Date().toISOString() }, owner: 'test' },
      }),
    );
    const end = await jobEnd(client, job.id, 90_000);
    expect(end.result, told(end)).toBe('succeeded');
    expect(end.entries.some((entry) => entry.message === `Reading ${folder} on localhost as it is now (a folder source has no snapshot)`), told(end)).toBe(true);

    const sessions = (await ok(client.invoke('backup.sessions', { scenarioId: source.id }))).filter((session) => session.state === 'complete');
    expect(sessions).toHaveLength(1);
    const session = sessions[0];
    if (!session) throw new Error('no session');
    expect(session).toMatchObject({ counts: { files: 3, directories: 2, bytes: 'acme contract'.length + 'globex contract'.length + 'shared folder'.length } });

    const elsewhere = tempDir('understudy-folder-restore-');
    const toElsewhere = await ok(submitRestore(client, { scenarioId: source.id, items: [{ session: session.number, path: null }], destination: { kind: 'alternate', host: 'localhost', folder: elsewhere } }));
    const elsewhereEnd = await jobEnd(client, toElsewhere.id);
    expect(elsewhereEnd.result, told(elsewhereEnd)).toBe('succeeded');
    expect(await treeState(path.join(elsewhere, ...folder.split('/').filter(Boolean)))).toEqual(await treeState(folder));

    const backedUp = await treeState(folder);
    fs.rmSync(path.join(folder, 'contracts'), { recursive: true });
    placeFile(folder, 'readme.txt', 'changed since the backup', T0 + 99);
    const toFolder = await ok(submitRestore(client, { scenarioId: source.id, items: [{ session: session.number, path: null }], destination: { kind: 'original', to: 'master' } }));
    const folderEnd = await jobEnd(client, toFolder.id);
    expect(folderEnd.result, told(folderEnd)).toBe('succeeded');
    expect(await treeState(folder), 'the folder is as it was backed up').toEqual(backedUp);
    expect(folderEnd.entries.some((entry) => /is not running: nothing replicates/.test(entry.message)), 'no scenario to stop for a folder source').toBe(false);

    const toReplica = await submitRestore(client, { scenarioId: source.id, items: [{ session: session.number, path: null }], destination: { kind: 'original', to: 'replica' } });
    expect(toReplica.ok ? 'queued' : `${toReplica.error.code} ${toReplica.error.message}`).toMatch(/^E3383 .*is a folder source/);

    const notAFolder = await client.invoke('backup.remove-source', { id: scenario.id });
    expect(notAFolder.ok ? 'removed' : notAFolder.error.code).toBe('E3370');
    await ok(client.invoke('backup.remove-source', { id: source.id }));
    expect((await ok(client.invoke('backup.sources', {}))).map((entry) => entry.name)).toEqual(['Orders']);
    expect((await ok(client.invoke('backup.sources', { includeRemoved: true }))).map((entry) => [entry.name, entry.source])).toEqual([
      [source.name, 'folder'],
      ['Orders', 'scenario'],
    ]);
    expect((await ok(client.invoke('restore.tree-hosts', {}))).length, 'its sessions stay restorable').toBeGreaterThan(0);
  });
});
