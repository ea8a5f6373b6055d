import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConsoleFile } from '../../electron/console/console-file';
import { rootSubdirectory } from '../../engine/replication/root-mapping';
import { tempDir } from '../helpers/temp-dir';
import { understudy, useConsoleHosts } from './helpers/console-hosts';
import { waitForConvergence } from './helpers/tree-compare';

const { connect } = useConsoleHosts();

describe('understudy CLI', () => {
  it('lists, runs, reports, suspends, resumes and stops a scenario through the console host', async () => {
    const dataDir = tempDir();
    const { client } = await connect(dataDir);
    expect(readConsoleFile(dataDir)?.port).toBeGreaterThan(0);
    expect(fs.statSync(path.join(dataDir, 'console.json')).mode & 0o777).toBe(0o600);
    const root = tempDir('understudy-root-');
    fs.writeFileSync(path.join(root, 'report.txt'), 'quarterly numbers');
    const target = tempDir('understudy-target-');
    const created = await client.invoke('scenario.create', { name: 'Branch share', type: 'FileServer', master: { host: 'localhost', roots: [root] }, replicas: [{ host: 'localhost', target }] });
    client.close();
    expect(created.ok).toBe(true);

    expect(understudy(dataDir, 'list').stdout).toMatch(/Branch share\s+FileServer\s+Stopped \(new\)/);
    const run = understudy(dataDir, 'run', 'branch share');
    expect(run.stdout, run.stderr).toContain('is running');
    await waitForConvergence(root, path.join(target, ...rootSubdirectory(root)));
    await expect.poll(() => understudy(dataDir, 'status', 'Branch share').stdout, { timeout: 20_000 }).toMatch(/replicating/);
    expect(understudy(dataDir, 'suspend', 'Branch share').stdout).toContain('suspended');
    await expect.poll(() => understudy(dataDir, 'status', 'Branch share').stdout, { timeout: 10_000 }).toMatch(/suspended/);
    expect(understudy(dataDir, 'resume', 'Branch share', '--replica', 'localhost').stdout).toContain('resumed');
    const json = JSON.parse(understudy(dataDir, 'status', 'Branch share', '--json').stdout) as { live: { state: string } };
    expect(json.live.state).toBe('running');
    expect(understudy(dataDir, 'stop', 'Branch share').stdout).toContain('stopped');
    expect(understudy(dataDir, 'list').stdout).toMatch(/Stopped by user/);
  });

  it('sets a bookmark, lists rewind points, takes, exports and releases a snapshot, and rewinds to the bookmark', async () => {
    const dataDir = tempDir();
    const { client } = await connect(dataDir);
    const root = tempDir('understudy-root-');
    fs.writeFileSync(path.join(root, 'ledger.csv'), 'account,amount\n1001,250.00\n');
    const target = tempDir('understudy-target-');
    const replicaDir = path.join(target, ...rootSubdirectory(root));
    await client.invoke('scenario.create', { name: 'Ledger', type: 'FileServer', master: { host: 'localhost', roots: [root] }, replicas: [{ host: 'localhost', target }] });
    client.close();
    expect(understudy(dataDir, 'run', 'Ledger').status).toBe(0);
    await waitForConvergence(root, replicaDir);
    await expect.poll(() => understudy(dataDir, 'status', 'Ledger').stdout, { timeout: 20_000 }).toMatch(/replicating/);

    expect(understudy(dataDir, 'bookmark', 'Ledger', 'before import').stdout).toContain('Bookmark "before import" set on 1 Replica(s)');
    fs.writeFileSync(path.join(root, 'ledger.csv'), 'account,amount\n1001,300.00\n');
    await waitForConvergence(root, replicaDir);
    const snapshot = JSON.parse(understudy(dataDir, 'snapshot', 'Ledger', 'month end', '--json').stdout) as { id: string; name: string };
    expect(snapshot.name).toBe('month end');
    fs.writeFileSync(path.join(root, 'ledger.csv'), 'account,amount\n1001,999999.00\n');
    await waitForConvergence(root, replicaDir);

    expect(understudy(dataDir, 'points', 'Ledger', '--file', 'ledger').stdout).toMatch(/operation \d+\s+write\s+ledger\.csv/);
    expect(understudy(dataDir, 'snapshots', 'Ledger').stdout).toMatch(new RegExp(`${snapshot.id}\\s+month end`));
    const exported = path.join(tempDir(), 'as-of-month-end');
    expect(understudy(dataDir, 'export', 'Ledger', snapshot.id, root, exported).stdout).toContain('Exported 1 file(s)');
    expect(fs.readFileSync(path.join(exported, 'ledger.csv'), 'utf8')).toBe('account,amount\n1001,300.00\n');
    const blocked = understudy(dataDir, 'rewind', 'Ledger', '--bookmark', 'before import');
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toContain('E1502');
    expect(understudy(dataDir, 'release', 'Ledger', snapshot.id).stdout).toContain('released');

    const rewound = understudy(dataDir, 'rewind', 'Ledger', '--bookmark', 'before import');
    expect(rewound.stdout, rewound.stderr).toMatch(/rewound: [1-9]\d* operation\(s\) undone/);
    expect(fs.readFileSync(path.join(replicaDir, 'ledger.csv'), 'utf8')).toBe('account,amount\n1001,250.00\n');
    expect(understudy(dataDir, 'list').stdout).toMatch(/Stopped by user/);
  });

  it('lists backup sources, adds and removes a folder source, and lists stored credentials without a password', async () => {
    const dataDir = tempDir();
    const { client } = await connect(dataDir);
    client.close();
    const folder = tempDir('understudy-cli-folder-');
    fs.writeFileSync(path.join(folder, 'minutes.txt'), 'board minutes');

    const missing = understudy(dataDir, 'add-folder', 'localhost', path.join(folder, 'gone'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^E3389 /m);
    const added = understudy(dataDir, 'add-folder', 'localhost', folder);
    expect(added.stdout, added.stderr).toMatch(/^Folder source ".* on localhost" \((folder-[0-9a-f]+)\) added\.$/m);
    const id = /\((folder-[0-9a-f]+)\)/.exec(added.stdout)?.[1] ?? '';
    expect(understudy(dataDir, 'sources').stdout).toMatch(new RegExp(`${id}\\s+.* on localhost\\s+folder\\s+localhost\\s+—`));
    const listed = JSON.parse(understudy(dataDir, 'sources', '--json').stdout) as { id: string; roots: string[] }[];
    expect(listed).toEqual([expect.objectContaining({ id, roots: [folder] })]);
    expect(understudy(dataDir, 'remove-source', id).stdout).toContain('sessions stay restorable');
    expect(JSON.parse(understudy(dataDir, 'sources', '--json').stdout)).toEqual([]);

    expect(understudy(dataDir, 'credentials').stdout.trim()).toBe('No engine credentials are stored.');
    expect(understudy(dataDir, 'forget-credentials', 'fs01.example.lan').stdout).toContain('forgotten');
  });

  it('explains errors with their code and exits non-zero', async () => {
    const dataDir = tempDir();
    const missing = understudy(dataDir, 'list');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no console host is running');
    const { client } = await connect(dataDir);
    client.close();
    const unknown = understudy(dataDir, 'stop', 'No such scenario');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/E1002 \(Scenario manager\).*\n\s+Reason: .*\n\s+Action: /);
    expect(understudy(dataDir, 'explode').status).toBe(2);
  });
});
