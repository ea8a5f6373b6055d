import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rootSubdirectory } from '../../engine/replication/root-mapping';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';
import { EngineProcess } from './helpers/engine-process';
import { masterStatus, newScenario, runScenario, waitForReplicating } from './helpers/manager-client';
import { waitForConvergence } from './helpers/tree-compare';

const engines: EngineProcess[] = [];

afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.stop();
  removeTempDirs();
});

function replicaRoot(target: string, root: string): string {
  return path.join(target, ...rootSubdirectory(root));
}

function writeMixedTree(root: string): void {
  fs.mkdirSync(path.join(root, 'empty-dir'), { recursive: true });
  fs.writeFileSync(path.join(root, 'empty.txt'), '');
  fs.writeFileSync(path.join(root, 'small.txt'), 'hello replica');
  const large = Buffer.alloc(9 * 1024 * 1024 + 123);
  for (let i = 0; i < large.length; i += 4096) large.writeUInt32LE(i, i);
  fs.writeFileSync(path.join(root, 'large.bin'), large);
  let deep = root;
  for (let level = 0; level < 12; level += 1) deep = path.join(deep, `level-${level}`);
  fs.mkdirSync(deep, { recursive: true });
  fs.writeFileSync(path.join(deep, 'bottom.txt'), 'deep');
  fs.mkdirSync(path.join(root, 'ünïcødé 日本語'), { recursive: true });
  fs.writeFileSync(path.join(root, 'ünïcødé 日本語', 'файл 🚀.txt'), 'unicode');
  for (let i = 0; i < 300; i += 1) fs.writeFileSync(path.join(root, 'empty-dir', `..not-dotdot-${i}`), `file ${i}`);
}

describe('initial synchronization between engine processes', () => {
  it('copies a mixed tree (empty, large, deep, unicode) to a Replica byte for byte, then replicates new changes', async () => {
    const master = await EngineProcess.create(tempDir('understudy-master-'));
    const replica = await EngineProcess.create(tempDir('understudy-replica-'));
    engines.push(master, replica);
    const root = tempDir('understudy-root-');
    writeMixedTree(root);
    const target = tempDir('understudy-target-');
    const scenario = newScenario([root], [{ engine: replica, target }]);
    await runScenario(master, scenario);
    await waitForConvergence(root, replicaRoot(target, root));

    fs.writeFileSync(path.join(root, 'after-sync.txt'), 'replicated in real time');
    fs.appendFileSync(path.join(root, 'small.txt'), ' and more');
    await waitForConvergence(root, replicaRoot(target, root));
    const status = await masterStatus(master, scenario.scenarioId);
    expect(status.links[0]?.state).toBe('replicating');
  });
});

describe('Replica protection', () => {
  it('reports a write made on the Replica outside replication (W1105), and not replication’s own writes', async () => {
    const master = await EngineProcess.create(tempDir('understudy-master-'));
    const replica = await EngineProcess.create(tempDir('understudy-replica-'));
    engines.push(master, replica);
    const root = tempDir('understudy-root-');
    fs.writeFileSync(path.join(root, 'a.txt'), 'from the Master');
    const target = tempDir('understudy-target-');
    const scenario = newScenario([root], [{ engine: replica, target }]);
    await runScenario(master, scenario);
    await waitForReplicating(master, scenario.scenarioId);
    fs.writeFileSync(path.join(root, 'b.txt'), 'also from the Master');
    await waitForConvergence(root, replicaRoot(target, root));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(replica.log).not.toContain('W1105');
    fs.writeFileSync(path.join(replicaRoot(target, root), 'rogue.txt'), 'written behind replication’s back');
    await expect.poll(() => replica.log, { timeout: 10_000 }).toMatch(/W1105 .*changed outside replication.*rogue\.txt/);
  });
});
