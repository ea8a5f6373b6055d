import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import type { EngineProcess } from './helpers/engine-process';
import { replicaRoot, replicatingPair, useEngines } from './helpers/engine-fleet';
import { masterStatus, newScenario, runScenario, waitForReplicating } from './helpers/manager-client';
import { randomWorkload } from './helpers/random-workload';
import { waitForConvergence } from './helpers/tree-compare';

const engine = useEngines();

function synchronizationsStarted(master: EngineProcess): number {
  return master.log.split('\n').filter((line) => line.includes('Synchronization of Replica') && line.includes('started')).length;
}

describe('replication between engine processes', () => {
  it('a random workload on the Master converges on two Replicas', async () => {
    const master = await engine('master');
    const first = await engine('replica-a');
    const second = await engine('replica-b');
    const root = tempDir('understudy-root-');
    await randomWorkload(root, 1, 60);
    const targets = [tempDir('understudy-target-'), tempDir('understudy-target-')];
    const scenario = newScenario([root], [
      { engine: first, target: targets[0] ?? '' },
      { engine: second, target: targets[1] ?? '' },
    ]);
    await runScenario(master, scenario);
    await randomWorkload(root, 2, 400);
    for (const target of targets) await waitForConvergence(root, replicaRoot(target, root));
    const status = await masterStatus(master, scenario.scenarioId);
    expect(status.links.map((link) => link.state)).toEqual(['replicating', 'replicating']);
  });

  it('a Replica stopped while the Master keeps changing catches up from the spool without resynchronizing', async () => {
    const master = await engine('master');
    const replica = await engine('replica');
    const root = tempDir('understudy-root-');
    await randomWorkload(root, 3, 40);
    const target = tempDir('understudy-target-');
    const scenario = newScenario([root], [{ engine: replica, target }]);
    await runScenario(master, scenario);
    await waitForReplicating(master, scenario.scenarioId);
    await waitForConvergence(root, replicaRoot(target, root));
    await replica.stop();
    await randomWorkload(root, 4, 200);
    await expect.poll(async () => (await masterStatus(master, scenario.scenarioId)).links[0]?.spoolRecords ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
    await replica.start();
    await waitForConvergence(root, replicaRoot(target, root)).catch((error: Error) => {
      throw new Error(`${error.message}\n${master.log}\n${replica.log}`);
    });
    expect(synchronizationsStarted(master), master.log + replica.log).toBe(1);
  });

  it('SIGKILL of the Master mid-replication loses no change: after restart the Replica converges', async () => {
    const { master, root, target } = await replicatingPair(engine);
    const workload = randomWorkload(root, 5, 300);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await master.kill();
    await workload;
    fs.writeFileSync(path.join(root, 'written-while-master-down.txt'), 'still replicated');
    await master.start();
    await waitForConvergence(root, replicaRoot(target, root));
  });

  it('SIGKILL of the Replica mid-replication: after restart it converges, without a new synchronization', async () => {
    const { master, replica, root, target } = await replicatingPair(engine);
    const workload = randomWorkload(root, 6, 300);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await replica.kill();
    await workload;
    await replica.start();
    await waitForConvergence(root, replicaRoot(target, root));
    expect(synchronizationsStarted(master), master.log + replica.log).toBe(1);
  });
});
