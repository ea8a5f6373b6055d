import { describe, expect, it } from 'vitest';
import { replicaRoot, replicatingPair, useEngines } from './helpers/engine-fleet';
import { randomWorkload } from './helpers/random-workload';
import { waitForQuiet } from './helpers/protection-client';

const engine = useEngines();

/**
 * Before capture checked that a move's source was still what the Replica had been sent, about
 * one run in two of these workloads shipped a rename whose source a re-read of the tree had
 * already removed: the Replica reported E1102 and was resynchronized.
 */
describe('random workloads on a running scenario', () => {
  for (const seed of [31, 128, 225, 322]) {
    it(`never make the Replica diverge (seed ${seed})`, async () => {
      const { master, replica, root, target, scenario } = await replicatingPair(engine, {}, { prepareRoot: (dir) => randomWorkload(dir, seed, 40) });
      const replicaDir = replicaRoot(target, root);
      await waitForQuiet(master, scenario.scenarioId, root, replicaDir);
      await randomWorkload(root, seed + 1, 500);
      await randomWorkload(root, seed + 2, 60);
      await waitForQuiet(master, scenario.scenarioId, root, replicaDir);
      expect(replica.log.split('\n').filter((line) => line.includes('E1102'))).toEqual([]);
      expect(master.log.split('\n').filter((line) => /Synchronization of Replica .* started/.test(line)), 'synchronized once, at the start').toHaveLength(1);
    });
  }
});
