import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { ok, useConsoleHosts } from './helpers/console-hosts';
import { ADMIN } from './helpers/engine-process';
import { NetnsHost } from './helpers/netns-host';
import { T0, backUp, jobEnd, replicatingScenario, told, treeState } from './helpers/restore-client';

const { connect } = useConsoleHosts();
const hosts: NetnsHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
});

const probe = NetnsHost.create(9);
const unavailable = typeof probe === 'string' ? probe : undefined;
if (typeof probe !== 'string') void probe.stop();

describe.skipIf(unavailable !== undefined)(`restoring to an alternate location on another host${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  it('asks for that host\'s credentials, refuses wrong ones before queueing, browses its folders, and restores there over the network', async () => {
    const remote = NetnsHost.create(1);
    if (typeof remote === 'string') throw new Error(remote);
    hosts.push(remote);
    await remote.startEngine(tempDir('understudy-remote-engine-'));

    const { client } = await connect(tempDir());
    const { scenario, root } = await replicatingScenario(client, 'Design', { 'plans/site.dwg': ['site plan v1', T0 + 10], 'plans/notes.txt': ['notes', T0 + 20] });
    const session = await backUp(client, scenario.id);
    const folder = tempDir('understudy-remote-restore-');
    const spec = { scenarioId: scenario.id, items: [{ session: session.number, path: path.join(root, 'plans') }], destination: { kind: 'alternate' as const, host: remote.address, folder } };

    expect(await ok(client.invoke('restore.required-hosts', { spec }))).toEqual([{ host: remote.address, role: 'Destination', needsCredentials: true }]);
    const browseWithout = await client.invoke('restore.browse-host', { host: remote.address, path: path.dirname(folder) });
    expect(browseWithout.ok ? 'listed' : browseWithout.error.code).toBe('AE0459');

    const jobsBefore = (await ok(client.invoke('backup.jobs', {}))).length;
    const wrong = await client.invoke('restore.submit', { draft: { spec }, credentials: [{ host: remote.address, user: ADMIN.user, password: 'not the password' }] });
    expect(wrong.ok ? 'queued' : wrong.error.code).toBe('AE0459');
    const none = await client.invoke('restore.submit', { draft: { spec }, credentials: [] });
    expect(none.ok ? 'queued' : none.error.code).toBe('AE0459');
    expect((await ok(client.invoke('backup.jobs', {}))).length, 'nothing was queued').toBe(jobsBefore);

    const credentials = [{ host: remote.address, ...ADMIN }];
    const listing = await ok(client.invoke('restore.browse-host', { host: remote.address, path: path.dirname(folder), credentials }));
    expect(listing.entries.map((entry) => entry.name)).toContain(path.basename(folder));

    const job = await ok(client.invoke('restore.submit', { draft: { spec }, credentials }));
    const end = await jobEnd(client, job.id);
    expect(end.result, told(end)).toBe('succeeded');
    const restored = await treeState(path.join(folder, ...root.split('/').filter(Boolean)));
    expect(restored).toEqual(await treeState(root));
    expect(fs.statSync(path.join(folder, ...root.split('/').filter(Boolean), 'plans', 'site.dwg')).mtimeMs).toBe((T0 + 10) * 1000);
    expect(remote.log, 'the remote engine was reached by the manager').toContain('Manager connected from');
  });
});
