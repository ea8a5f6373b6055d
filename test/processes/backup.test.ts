import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Driver from 'better-sqlite3';
import { openSessionReader } from '../../engine/backup/archive/session-reader';
import { FileCatalog } from '../../engine/backup/catalog/file-catalog';
import { rootSubdirectory } from '../../engine/replication/root-mapping';
import { DEFAULT_REPLICATION_OPTIONS } from '../../engine/scenario/options';
import { tempDir } from '../helpers/temp-dir';
import { ok, understudy, useConsoleHosts } from './helpers/console-hosts';
import { waitForConvergence } from './helpers/tree-compare';

const { connect } = useConsoleHosts();

/** Every file of a folder as relative path → sha256 (what a session must hold). */
function digestTree(root: string, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const name of fs.readdirSync(root).sort()) {
    const full = path.join(root, name);
    const relative = prefix ? `${prefix}/${name}` : name;
    if (fs.statSync(full).isDirectory()) digestTree(full, relative, out);
    else out.set(relative, createHash('sha256').update(fs.readFileSync(full)).digest('hex'));
  }
  return out;
}

describe('backup of a running scenario from its Replica', () => {
  it('backs up while the Master keeps writing: an encrypted session holds exactly the Replica snapshot, catalogued under the Master paths', async () => {
    const dataDir = tempDir();
    const { client } = await connect(dataDir);
    try {
      const root = tempDir('understudy-root-');
      fs.mkdirSync(path.join(root, 'ledgers'));
      for (let i = 0; i < 50; i += 1) fs.writeFileSync(path.join(root, 'ledgers', `l${i}.csv`), randomBytes(2000 + i * 100));
      fs.writeFileSync(path.join(root, 'big.bin'), randomBytes(6 * 1024 * 1024));
      const target = tempDir('understudy-target-');
      const replicaDir = path.join(target, ...rootSubdirectory(root));
      const scenario = await ok(client.invoke('scenario.create', { name: 'Ledgers', type: 'FileServer', master: { host: 'localhost', roots: [root] }, replicas: [{ host: 'localhost', target }] }));
      await ok(client.invoke('scenario.set-options', { id: scenario.id, options: { ...DEFAULT_REPLICATION_OPTIONS, backupEnabled: true } }));
      const backupBeforeRun = understudy(dataDir, 'backup', 'Ledgers', '--wait');
      expect(backupBeforeRun.status, 'a stopped scenario cannot be backed up').toBe(1);
      expect(backupBeforeRun.stderr).toContain('AE0465');

      expect(understudy(dataDir, 'run', 'Ledgers').status).toBe(0);
      await waitForConvergence(root, replicaDir);
      await expect.poll(() => understudy(dataDir, 'status', 'Ledgers').stdout, { timeout: 20_000 }).toMatch(/replicating/);

      let writing = true;
      const writer = (async () => {
        for (let i = 0; writing; i += 1) {
          fs.writeFileSync(path.join(root, 'ledgers', `l${i % 50}.csv`), randomBytes(3000));
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })();
      const [group] = await ok(client.invoke('backup.devices', {}));
      const submitted = await ok(
        client.invoke('backup.submit', {
          draft: { name: 'Nightly ledgers', scenarioIds: [scenario.id], deviceGroupId: group?.id ?? 0, options: { compression: 'gzip', encryption: true, snapshot: 'keep' }, schedule: { kind: 'once', at: new Date().toISOString() }, owner: 'test' },
          password: 'correct horse battery',
        }),
      );
      await expect.poll(async () => (await ok(client.invoke('backup.jobs', {}))).find((job) => job.id === submitted.id)?.lastRun?.result, { timeout: 60_000, interval: 250 }).toBe('succeeded');
      writing = false;
      await writer;

      const sessions = await ok(client.invoke('backup.sessions', { scenarioId: scenario.id }));
      const session = sessions.find((candidate) => candidate.state === 'complete' && candidate.encryption !== null);
      expect(session?.entity).toBe(`Volume ${root}`);
      const protection = await ok(client.invoke('protection.status', { id: scenario.id }));
      const kept = protection[0]?.snapshots.find((snapshot) => snapshot.purpose === 'backup');
      expect(kept, 'the job kept its snapshot').toBeDefined();
      const exported = path.join(tempDir(), 'snapshot');
      await ok(client.invoke('snapshot.export', { id: scenario.id, replicaId: scenario.replicas[0]?.id ?? '', snapshotId: kept?.id ?? '', path: root, destination: exported }));

      const archive = path.join(session?.devicePath ?? '', session?.archiveFile ?? '');
      await expect(openSessionReader({ file: archive, password: 'wrong password!' })).rejects.toMatchObject({ code: 'E3372' });
      const reader = await openSessionReader({ file: archive, password: 'correct horse battery' });
      const inSession = new Map<string, string>();
      const prefix = `${root.replace(/^\/+/, '')}/`;
      for await (const entry of reader.entries()) {
        if (entry.kind !== 'file') continue;
        const hash = createHash('sha256');
        for await (const chunk of entry.content) hash.update(chunk);
        inSession.set(entry.path.slice(prefix.length), hash.digest('hex'));
      }
      expect(inSession).toEqual(digestTree(exported));
      expect((await reader.verify()).files).toBe(inSession.size);
      expect(session?.state === 'complete' ? session.counts.files : -1).toBe(inSession.size);
      // The catalog lists the session's files under the Master's host and paths, with their hashes.
      const db = new Driver(path.join(dataDir, 'catalog.db'), { readonly: true });
      try {
        const listed = new FileCatalog(db).latestDirectory({ host: 'localhost', path: path.join(root, 'ledgers'), limit: 1000 });
        expect(listed?.entries.map((entry) => [entry.name, entry.sha256]).sort()).toEqual(
          [...inSession].filter(([relative]) => relative.startsWith('ledgers/')).map(([relative, digest]) => [relative.slice('ledgers/'.length), digest]).sort(),
        );
      } finally {
        db.close();
      }
      expect(understudy(dataDir, 'jobs').stdout).toMatch(/Nightly ledgers\s+Ledgers\s+Done \(last run succeeded\)/);
    } finally {
      client.close();
    }
  });
});
