import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SnapshotSource } from '../../engine/backup/snapshot-source';
import { tempDir } from '../helpers/temp-dir';
import { replicaRoot, replicatingPair, useEngines } from './helpers/engine-fleet';
import { adminSession } from './helpers/manager-client';
import { copyTree, ReplicaHandle, waitForQuiet } from './helpers/protection-client';
import { treeDigest } from './helpers/tree-compare';

const engine = useEngines();

function seed(root: string): void {
  fs.writeFileSync(path.join(root, 'data.mdf'), randomBytes(9 * 1024 * 1024 + 77));
  fs.writeFileSync(path.join(root, 'empty.log'), '');
  fs.mkdirSync(path.join(root, 'reports', 'q1'), { recursive: true });
  for (let i = 0; i < 1200; i += 1) fs.writeFileSync(path.join(root, 'reports', `r${String(i).padStart(4, '0')}.csv`), `row ${i}\n`);
  fs.writeFileSync(path.join(root, 'reports', 'q1', 'jan.csv'), 'january');
}

describe('a backup reads a snapshot through the Replica engine', () => {
  it('walks and reads every folder and file of the snapshot, exactly as they were, while the Master keeps writing', async () => {
    const { master, root, target, scenario } = await replicatingPair(engine, {}, { prepareRoot: seed });
    const replicaDir = replicaRoot(target, root);
    await waitForQuiet(master, scenario.scenarioId, root, replicaDir);
    const replica = ReplicaHandle.of(scenario);
    const snapshot = await replica.createSnapshot('for backup');
    const reference = copyTree(root, path.join(tempDir('understudy-reference-'), 'tree'));
    fs.writeFileSync(path.join(root, 'data.mdf'), randomBytes(1024));
    fs.rmSync(path.join(root, 'reports', 'q1'), { recursive: true });
    fs.writeFileSync(path.join(root, 'reports', 'r0001.csv'), 'changed after the snapshot');

    const connection = await adminSession(replica.engine);
    try {
      const source = new SnapshotSource({ call: (channel, body) => connection.request(channel, body) }, { scenarioId: replica.scenarioId, replicaId: replica.replicaId, snapshotId: snapshot.id });
      const read = new Map<string, string>();
      const order: string[] = [];
      for await (const item of source.walk(0)) {
        order.push(item.relative);
        if (item.kind === 'directory') continue;
        const hash = createHash('sha256');
        let bytes = 0;
        for await (const chunk of source.read(item)) {
          hash.update(chunk);
          bytes += chunk.byteLength;
        }
        expect(bytes, item.relative).toBe(item.size);
        read.set(item.relative, hash.digest('hex'));
      }
      const expected = await treeDigest(reference);
      const walked = new Map(order.map((relative) => [relative, read.get(relative) ?? 'dir']));
      expect(walked).toEqual(expected);
      expect(order.indexOf('reports'), 'a folder comes before what it holds').toBeLessThan(order.indexOf('reports/q1/jan.csv'));
    } finally {
      connection.close();
    }
  });
});
