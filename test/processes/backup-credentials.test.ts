import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_REPLICATION_OPTIONS } from '../../engine/scenario/options';
import { tempDir } from '../helpers/temp-dir';
import { ok, useConsoleHosts } from './helpers/console-hosts';
import { ADMIN } from './helpers/engine-process';
import { NetnsHost } from './helpers/netns-host';
import { T0, jobEnd, placeFile, told, waitReplicating } from './helpers/restore-client';

const { connect } = useConsoleHosts();
const hosts: NetnsHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
});

const probe = NetnsHost.create(8);
const unavailable = typeof probe === 'string' ? probe : undefined;
if (typeof probe !== 'string') void probe.stop();

describe.skipIf(unavailable !== undefined)(`backup sources on another host${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  it('proves the credentials before queueing, never lets a wrong password replace working ones, and keeps them sealed across a restart', async () => {
    const remote = NetnsHost.create(2);
    if (typeof remote === 'string') throw new Error(remote);
    hosts.push(remote);
    await remote.startEngine(tempDir('understudy-remote-engine-'));

    const dataDir = tempDir();
    const first = await connect(dataDir);
    const client = first.client;
    const root = tempDir('understudy-root-');
    placeFile(root, 'ledger/2026.csv', 'a,b,c', T0 + 1);
    const created = await ok(client.invoke('scenario.create', { name: 'Ledger', type: 'FileServer', master: { host: 'localhost', roots: [root] }, replicas: [{ host: remote.address, target: tempDir('understudy-target-') }] }));
    await ok(client.invoke('scenario.set-options', { id: created.id, options: { ...DEFAULT_REPLICATION_OPTIONS, backupEnabled: true } }));
    const right = [{ host: remote.address, ...ADMIN }];
    const wrong = [{ host: remote.address, user: ADMIN.user, password: 'not the password' }];
    await ok(client.invoke('scenario.run', { id: created.id, credentials: right }));
    await waitReplicating(client, created.id);

    expect(await ok(client.invoke('backup.job-hosts', { scenarioIds: [created.id] }))).toEqual([
      { scenarioId: created.id, scenarioName: 'Ledger', role: 'Master', host: 'localhost', needsCredentials: false, storedUser: null },
      { scenarioId: created.id, scenarioName: 'Ledger', role: 'Replica', host: remote.address, needsCredentials: true, storedUser: ADMIN.user },
    ]);

    const refusedEntities = await client.invoke('backup.source-entities', { scenarioId: created.id, credentials: wrong });
    expect(refusedEntities.ok ? 'listed' : `${refusedEntities.error.code} ${refusedEntities.error.message}`).toMatch(new RegExp(`^AE0459 .*${remote.address.replace(/\./g, '\\.')}`));
    expect(await ok(client.invoke('backup.source-entities', { scenarioId: created.id, credentials: [] })), 'the stored credentials still work').toEqual([{ name: `Volume ${root}`, masterPaths: [root] }]);

    const group = (await ok(client.invoke('backup.devices', {})))[0];
    if (!group) throw new Error('no device group');
    const draft = { name: 'Ledger nightly', scenarioIds: [created.id], deviceGroupId: group.id, schedule: { kind: 'once' as const, at: new Date().toISOString() }, owner: 'test' };
    const refused = await client.invoke('backup.submit', { draft, credentials: wrong });
    expect(refused.ok ? 'queued' : refused.error.code).toBe('AE0459');
    expect(await ok(client.invoke('backup.jobs', {})), 'nothing was queued').toEqual([]);
    await waitReplicating(client, created.id);

    const sealed = fs.readFileSync(path.join(dataDir, 'credentials.sealed'));
    for (const clear of [ADMIN.password, ADMIN.user, remote.address]) expect(sealed.includes(clear), `${clear} is not readable in the vault`).toBe(false);

    const job = await ok(client.invoke('backup.submit', { draft, credentials: [] }));
    const end = await jobEnd(client, job.id, 90_000);
    expect(end.result, told(end)).toBe('succeeded');

    await first.host.stop();
    const second = await connect(dataDir);
    expect(await ok(second.client.invoke('credentials.stored', {}))).toEqual([{ host: remote.address, user: ADMIN.user }]);
    expect(await ok(second.client.invoke('backup.source-entities', { scenarioId: created.id, credentials: [] })), 'read back after a restart').toHaveLength(1);
    await ok(second.client.invoke('credentials.forget', { host: remote.address }));
    const forgotten = await second.client.invoke('backup.source-entities', { scenarioId: created.id, credentials: [] });
    expect(forgotten.ok ? 'listed' : forgotten.error.code).toBe('AE0459');
    expect(await ok(second.client.invoke('credentials.stored', {}))).toEqual([]);
  });

  it('adds a folder on that host as a source only with its credentials, and backs it up through its engine', async () => {
    const remote = NetnsHost.create(3);
    if (typeof remote === 'string') throw new Error(remote);
    hosts.push(remote);
    await remote.startEngine(tempDir('understudy-remote-engine-'));
    const { client } = await connect(tempDir());
    const folder = tempDir('understudy-remote-folder-');
    placeFile(folder, 'plans/site.dwg', 'site plan', T0 + 3);

    const without = await client.invoke('backup.add-folder', { host: remote.address, path: folder });
    expect(without.ok ? 'added' : without.error.code).toBe('AE0459');
    const wrong = await client.invoke('backup.add-folder', { host: remote.address, path: folder, credentials: [{ host: remote.address, user: ADMIN.user, password: 'nope' }] });
    expect(wrong.ok ? 'added' : wrong.error.code).toBe('AE0459');
    const source = await ok(client.invoke('backup.add-folder', { host: remote.address, path: folder, credentials: [{ host: remote.address, ...ADMIN }] }));
    expect(await ok(client.invoke('backup.job-hosts', { scenarioIds: [source.id] }))).toEqual([
      { scenarioId: source.id, scenarioName: source.name, role: 'Source', host: remote.address, needsCredentials: true, storedUser: ADMIN.user },
    ]);

    const group = (await ok(client.invoke('backup.devices', {})))[0];
    if (!group) throw new Error('no device group');
    const job = await ok(client.invoke('backup.submit', { draft: { name: 'Remote plans', scenarioIds: [source.id], deviceGroupId: group.id, schedule: { kind: 'once', at: new Date().toISOString() }, owner: 'test' } }));
    const end = await jobEnd(client, job.id, 60_000);
    expect(end.result, told(end)).toBe('succeeded');
    const [session] = await ok(client.invoke('backup.sessions', { scenarioId: source.id }));
    expect(session).toMatchObject({ masterHost: remote.address, state: 'complete', counts: { files: 1, bytes: 'site plan'.length } });
  });
});
