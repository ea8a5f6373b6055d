import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { ok, useConsoleHosts } from './helpers/console-hosts';
import {
  T0,
  backUp,
  below,
  fileState,
  filesOf,
  keepsHolding,
  leftovers,
  mirrored,
  placeFile,
  replicatingScenario,
  restore,
  sameKeys,
  scenarioState,
  told,
  treeState,
  waitForReplica,
  waitReplicating,
} from './helpers/restore-client';

const { connect } = useConsoleHosts();

describe('Restore Manager: restores from real sessions through a real console host', () => {
  it('restores a folder by Tree to the Replica (stopping the scenario) and sends it to the Master, then the session to an alternate folder and to the Master, with the backed-up bytes and times', async () => {
    const { client } = await connect(tempDir());
    try {
      const { scenario, root, replicaDir } = await replicatingScenario(client, 'Office', {
        'docs/a.txt': ['alpha as backed up', T0 + 1],
        'docs/b.txt': ['bravo as backed up', T0 + 2],
        'docs/sub/c.bin': [randomBytes(300_000), T0 + 3],
        'top.txt': ['top as backed up', T0 + 4],
      });
      const backedUp = await treeState(root);
      const session = await backUp(client, scenario.id);

      // Restore by Tree: host → volume → folders, as the Master had them at the backup.
      expect(await ok(client.invoke('restore.tree-hosts', {}))).toContain('localhost');
      const volumes = await ok(client.invoke('restore.tree-volumes', { host: 'localhost' }));
      expect(volumes.find((volume) => volume.scenarioId === scenario.id)?.roots).toEqual([root]);
      const top = await ok(client.invoke('restore.tree-dir', { host: 'localhost', path: root }));
      expect(top?.session).toBe(session.number);
      expect(top?.entries.map((entry) => [entry.name, entry.kind])).toEqual([
        ['docs', 'directory'],
        ['top.txt', 'file'],
      ]);
      const docsPath = path.join(root, 'docs');
      const docs = await ok(client.invoke('restore.tree-dir', { host: 'localhost', path: docsPath }));
      expect(docs?.entries.map((entry) => [entry.name, entry.kind])).toEqual([
        ['sub', 'directory'],
        ['a.txt', 'file'],
        ['b.txt', 'file'],
      ]);
      for (const entry of docs?.entries.filter((candidate) => candidate.kind === 'file') ?? []) {
        expect(entry.path, 'entries carry their Master path').toBe(path.join(docsPath, entry.name));
        expect(`${entry.sha256} ${entry.mtimeMs}`, `catalog entry ${entry.name}`).toBe(backedUp.get(`docs/${entry.name}`));
      }
      const versions = await ok(client.invoke('restore.versions', { host: 'localhost', path: path.join(docsPath, 'a.txt') }));
      expect(versions.map((version) => version.session)).toEqual([session.number]);

      // After the backup the Master changes and loses files; the Replica follows.
      placeFile(root, 'docs/a.txt', 'alpha changed after the backup', T0 + 100);
      fs.rmSync(path.join(root, 'docs/b.txt'));
      fs.rmSync(path.join(root, 'docs/sub'), { recursive: true });
      placeFile(root, 'docs/new.txt', 'written after the backup', T0 + 101);
      await waitForReplica(root, replicaDir);

      // (a) Original location, Replica (the default): the scenario is stopped first.
      const toReplica = await restore(client, { scenarioId: scenario.id, items: [{ session: docs?.session ?? 0, path: docsPath }], destination: { kind: 'original', to: 'replica' } });
      expect(toReplica.result, told(toReplica)).toBe('succeeded');
      expect(await scenarioState(client, scenario.id), 'restoring to an original location stops the scenario').toBe('stopped');
      expect((await ok(client.invoke('scenario.live', { id: scenario.id }))).state).toBe('stopped');
      const backedUpDocs = below(backedUp, 'docs');
      const onReplica = await treeState(replicaDir);
      expect(sameKeys(onReplica, backedUpDocs), 'the Replica holds the backed-up folder, bytes and times').toEqual(backedUpDocs);
      expect(onReplica.get('top.txt'), 'what was not selected is left alone').toBe(backedUp.get('top.txt'));
      expect(leftovers(onReplica)).toEqual([]);
      // A stopped scenario replicates nothing: a Master change must not overwrite the restored file.
      placeFile(root, 'docs/a.txt', 'alpha changed after the restore', T0 + 200);
      await keepsHolding('the restored file on the stopped Replica', async () => (await treeState(replicaDir)).get('docs/a.txt') === backedUp.get('docs/a.txt'), 2_000);

      // Master and Replica differ now; send the restored folder back to the Master.
      const sent = await ok(client.invoke('restore.send-to-master', { jobId: toReplica.job.id }));
      expect(sent.files).toBeGreaterThanOrEqual(3);
      const onMaster = await treeState(root);
      expect(sameKeys(onMaster, backedUpDocs), 'the Master got the Replica’s restored files').toEqual(backedUpDocs);
      expect(leftovers(onMaster)).toEqual([]);

      // Run again (the Replica resynchronizes), and change the Master once more.
      await ok(client.invoke('scenario.run', { id: scenario.id, credentials: [] }));
      await waitReplicating(client, scenario.id);
      placeFile(root, 'top.txt', 'top changed after the backup', T0 + 300);
      fs.rmSync(path.join(root, 'docs/sub'), { recursive: true });
      await waitForReplica(root, replicaDir);

      // (c) Alternate folder: the Master's tree below it, as tar -x would; production is left running.
      const alternate = tempDir('understudy-restored-');
      const toFolder = await restore(client, { scenarioId: scenario.id, items: [{ session: session.number, path: root }], destination: { kind: 'alternate', host: 'localhost', folder: alternate } });
      expect(toFolder.result, told(toFolder)).toBe('succeeded');
      expect(fs.readdirSync(alternate)).toEqual([root.split('/').filter(Boolean)[0]]);
      expect(await treeState(mirrored(alternate, root)), 'the alternate folder holds exactly the backed-up tree').toEqual(backedUp);
      expect(await scenarioState(client, scenario.id), 'an alternate location does not stop the scenario').toBe('running');

      // (b) Original location, Master: the whole session, with the scenario stopped first.
      const toMaster = await restore(client, { scenarioId: scenario.id, items: [{ session: session.number, path: null }], destination: { kind: 'original', to: 'master' } });
      expect(toMaster.result, told(toMaster)).toBe('succeeded');
      expect(await scenarioState(client, scenario.id)).toBe('stopped');
      const restoredMaster = await treeState(root);
      expect(sameKeys(restoredMaster, backedUp), 'the Master holds the backed-up version again').toEqual(backedUp);
      expect(leftovers(restoredMaster)).toEqual([]);

      // Every job ends with its summary (SPEC, Activity Log): a restore's says so and counts what it restored.
      const summary = toReplica.entries.map((entry) => entry.message).join('\n');
      expect(summary, told(toReplica)).toMatch(/Job type: Restore/);
      expect(summary, told(toReplica)).toMatch(/Total files: 3\b/);
    } finally {
      client.close();
    }
  }, 150_000);

  it('Version History lists three backups of a file newest first, and restoring each yields that version', async () => {
    const { client } = await connect(tempDir());
    try {
      const contents = ['ledger, first close\n', 'ledger, second close, longer\n', 'ledger, third close, longer still\n'];
      const { scenario, root, replicaDir } = await replicatingScenario(client, 'Ledger', { 'books/ledger.txt': [contents[0] ?? '', T0 + 10], 'books/notes.txt': ['not selected', T0 + 11] });
      const sessions: number[] = [];
      for (const [index, content] of contents.entries()) {
        if (index > 0) {
          placeFile(root, 'books/ledger.txt', content, T0 + 10 + index * 1000);
          await waitForReplica(root, replicaDir);
        }
        sessions.push((await backUp(client, scenario.id)).number);
      }
      const ledger = path.join(root, 'books', 'ledger.txt');
      const versions = await ok(client.invoke('restore.versions', { host: 'localhost', path: ledger }));
      const expected = contents.map((content, index) => ({ session: sessions[index], state: fileState(Buffer.from(content), (T0 + 10 + index * 1000) * 1000) })).reverse();
      expect(versions.map((version) => ({ session: version.session, state: `${version.sha256} ${version.mtimeMs}` }))).toEqual(expected);
      const times = versions.map((version) => Date.parse(version.backedUpAt));
      expect([...times].sort((a, b) => b - a), 'newest first').toEqual(times);

      for (const version of versions) {
        const alternate = tempDir('understudy-version-');
        const end = await restore(client, { scenarioId: scenario.id, items: [{ session: version.session, path: ledger }], destination: { kind: 'alternate', host: 'localhost', folder: alternate } });
        expect(end.result, told(end)).toBe('succeeded');
        const restored = filesOf(await treeState(mirrored(alternate, root)));
        expect(restored, `session ${version.session}`).toEqual(new Map([['books/ledger.txt', expected.find((entry) => entry.session === version.session)?.state]]));
      }
    } finally {
      client.close();
    }
  }, 120_000);

  it('Restore by Query finds a pattern in several sessions of two scenarios and restores the hits to one alternate folder', async () => {
    const { client } = await connect(tempDir());
    try {
      const first = await replicatingScenario(client, 'Reports A', { 'reports/q1-report.csv': ['a,q1\n1,2\n', T0 + 21], 'reports/notes.txt': ['not a report', T0 + 22] });
      const firstAtBackup1 = await treeState(first.root);
      const sessionA1 = await backUp(client, first.scenario.id);
      fs.rmSync(path.join(first.root, 'reports/q1-report.csv'));
      placeFile(first.root, 'reports/q2-report.csv', 'a,q2\n3,4\n', T0 + 23);
      await waitForReplica(first.root, first.replicaDir);
      const firstAtBackup2 = await treeState(first.root);
      const sessionA2 = await backUp(client, first.scenario.id);
      const second = await replicatingScenario(client, 'Reports B', { 'q3-report.csv': ['b,q3\n5,6\n', T0 + 24], 'readme.md': ['# not a report', T0 + 25] });
      const secondAtBackup = await treeState(second.root);
      const sessionB = await backUp(client, second.scenario.id);

      const hits = await ok(client.invoke('restore.query', { pattern: '*-report.csv' }));
      const key = (scenarioId: string, session: number, masterPath: string): string => `${scenarioId} ${session} ${masterPath}`;
      expect(hits.map((hit) => key(hit.scenarioId, hit.session, hit.path)).sort()).toEqual(
        [
          key(first.scenario.id, sessionA1.number, path.join(first.root, 'reports/q1-report.csv')),
          key(first.scenario.id, sessionA2.number, path.join(first.root, 'reports/q2-report.csv')),
          key(second.scenario.id, sessionB.number, path.join(second.root, 'q3-report.csv')),
        ].sort(),
      );
      expect(hits.every((hit) => hit.host === 'localhost' && hit.kind === 'file')).toBe(true);
      const underFirst = await ok(client.invoke('restore.query', { pattern: 'q?-REPORT.csv', under: first.root }));
      expect(underFirst.map((hit) => hit.name).sort(), 'patterns ignore case; `under` keeps one root').toEqual(['q1-report.csv', 'q2-report.csv']);

      const alternate = tempDir('understudy-found-');
      for (const scenarioId of [first.scenario.id, second.scenario.id]) {
        const items = hits.filter((hit) => hit.scenarioId === scenarioId).map((hit) => ({ session: hit.session, path: hit.path }));
        const end = await restore(client, { scenarioId, items, destination: { kind: 'alternate', host: 'localhost', folder: alternate } });
        expect(end.result, told(end)).toBe('succeeded');
      }
      const at = (folder: string, masterRoot: string, relative: string): string => path.relative(folder, path.join(mirrored(folder, masterRoot), relative)).split(path.sep).join('/');
      expect(filesOf(await treeState(alternate)), 'exactly the hits, each as its session holds it').toEqual(
        new Map([
          [at(alternate, first.root, 'reports/q1-report.csv'), firstAtBackup1.get('reports/q1-report.csv')],
          [at(alternate, first.root, 'reports/q2-report.csv'), firstAtBackup2.get('reports/q2-report.csv')],
          [at(alternate, second.root, 'q3-report.csv'), secondAtBackup.get('q3-report.csv')],
        ]),
      );
    } finally {
      client.close();
    }
  }, 150_000);
});
