import { afterEach, describe, expect, it } from 'vitest';
import { rewindTo } from '../../../../engine/replica/journal/data-rewind';
import { removeTempDirs } from '../../../helpers/temp-dir';
import { journaledReplica, sortedKeys, viewState } from './journal-fixture';
import { RandomWorkload, seededRandom, treeState } from './random-workload';

afterEach(removeTempDirs);

interface Checkpoint {
  position: number;
  state: Record<string, string>;
}

describe('rewind journal under a random workload', () => {
  for (const seed of [1, 7, 42]) {
    it(`snapshot views and rewinds reproduce the exact tree at every chosen point (seed ${seed})`, async () => {
      const random = seededRandom(seed);
      const workload = new RandomWorkload(random);
      const replica = await journaledReplica();
      const checkpoints: Checkpoint[] = [{ position: replica.journal.position(), state: treeState(replica.target) }];
      const pinned = [];
      for (let index = 0; index < 400; index++) {
        await replica.applier.apply(workload.next(), index + 1);
        if (random() < 0.08) {
          checkpoints.push({ position: replica.journal.position(), state: treeState(replica.target) });
          if (random() < 0.5) pinned.push({ snapshot: replica.journal.pin({ id: `s${index}`, name: `s${index}`, purpose: 'user' }), state: treeState(replica.target) });
        }
      }
      expect(pinned.length).toBeGreaterThan(2);
      for (const { snapshot, state } of pinned) {
        expect(sortedKeys(await viewState(replica.viewOf(snapshot))), `snapshot ${snapshot.name}`).toEqual(sortedKeys(state));
      }
      for (const { snapshot } of pinned) replica.journal.unpin(snapshot.id);

      const chosen = checkpoints.filter(() => random() < 0.4).reverse();
      chosen.push(checkpoints[0] as Checkpoint);
      for (const checkpoint of chosen) {
        await rewindTo(replica.journal, replica.realRootOf, checkpoint.position);
        expect(sortedKeys(treeState(replica.target)), `rewound to ${checkpoint.position}`).toEqual(sortedKeys(checkpoint.state));
      }
      expect(replica.journal.status().entries).toBe(0);
    });
  }
});
