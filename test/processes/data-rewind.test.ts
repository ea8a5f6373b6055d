import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import type { EngineProcess } from './helpers/engine-process';
import { replicaRoot, replicatingPair, useEngines } from './helpers/engine-fleet';
import { runScenario } from './helpers/manager-client';
import { prng, randomWorkload } from './helpers/random-workload';
import { copyTree, ReplicaHandle, stopScenario, waitForQuiet } from './helpers/protection-client';
import { treesEqual, waitForConvergence } from './helpers/tree-compare';

const engine = useEngines();

const synchronizations = (master: EngineProcess): number => master.log.split('\n').filter((line) => /Synchronization of Replica .* started/.test(line)).length;

interface Mark {
  id: number;
  name: string;
  /** The Master tree when the bookmark was set. */
  reference: string;
}

describe('Data Rewind between engine processes', () => {
  it('rewinding to bookmarks newest first gives back, each time, exactly the tree the Master had when the bookmark was set', async () => {
    const { master, root, target, scenario } = await replicatingPair(engine, {}, { prepareRoot: (dir) => randomWorkload(dir, 11, 30) });
    const replicaDir = replicaRoot(target, root);
    const replica = ReplicaHandle.of(scenario);
    const marks: Mark[] = [];
    for (let round = 0; round < 5; round += 1) {
      if (round > 0) await randomWorkload(root, 100 + round, 60);
      await waitForQuiet(master, scenario.scenarioId, root, replicaDir);
      const name = `round ${round}`;
      const reference = copyTree(root, path.join(tempDir('understudy-reference-'), 'tree'));
      marks.push({ id: await replica.bookmark(name), name, reference });
    }
    await randomWorkload(root, 200, 40);
    await waitForQuiet(master, scenario.scenarioId, root, replicaDir);
    await stopScenario(master, scenario.scenarioId);

    // Newest first, skipping some at random (seeded): each rewind starts where the previous one left off.
    const pick = prng(7);
    const chosen = marks.filter((mark, index) => index === 0 || index === marks.length - 1 || pick() < 0.5).reverse();
    expect(chosen.length).toBeGreaterThanOrEqual(2);
    for (const mark of chosen) {
      const summary = await replica.rewind({ kind: 'bookmark', id: mark.id });
      expect(summary.undone, mark.name).toBeGreaterThan(0);
      expect(await treesEqual(mark.reference, replicaDir), `after rewinding to "${mark.name}"`).toEqual({ equal: true });
    }

    // The journal goes back to the first synchronization: before its first operation the Replica was empty.
    await replica.rewind({ kind: 'operation', jseq: 1 });
    expect(await treesEqual(tempDir('understudy-empty-'), replicaDir)).toEqual({ equal: true });
    expect((await replica.journal()).entries).toBe(0);
  });

  it('a Replica killed while applying a heavy workload converges after restart, and still rewinds exactly to a bookmark set before it', async () => {
    const { master, replica: replicaEngine, root, target, scenario } = await replicatingPair(engine, {}, { prepareRoot: (dir) => randomWorkload(dir, 21, 40) });
    const replicaDir = replicaRoot(target, root);
    const replica = ReplicaHandle.of(scenario);
    await waitForQuiet(master, scenario.scenarioId, root, replicaDir);
    const reference = copyTree(root, path.join(tempDir('understudy-reference-'), 'tree'));
    const before = await replica.bookmark('before the workload');
    const entriesBefore = (await replica.journal()).entries;

    const workload = randomWorkload(root, 22, 500);
    const applying = await replica.waitFor('applying the workload', (status) => status.journal.entries >= entriesBefore + 20);
    await replicaEngine.kill();
    await workload;
    // More changes while it is down, so some are certainly applied after the restart.
    await randomWorkload(root, 23, 60);
    await replicaEngine.start();
    await waitForQuiet(master, scenario.scenarioId, root, replicaDir);
    expect((await replica.journal()).entries, 'changes were applied after the restart').toBeGreaterThan(applying.journal.entries);
    expect(replicaEngine.log, 'the Replica never diverged').not.toContain('E1102');
    expect(synchronizations(master), `caught up from the spool, not resynchronized\n${master.log}\n${replicaEngine.log}`).toBe(1);

    await stopScenario(master, scenario.scenarioId);
    await replica.rewind({ kind: 'bookmark', id: before });
    expect(await treesEqual(reference, replicaDir)).toEqual({ equal: true });
    expect((await replica.journal()).entries).toBe(entriesBefore);
  });

  it('a Replica killed in the middle of a long rewind reaches the exact bookmark when the rewind is issued again, and is resynchronized when the scenario runs', async () => {
    const { master, replica: replicaEngine, root, target, scenario } = await replicatingPair(engine, {}, { prepareRoot: (dir) => randomWorkload(dir, 31, 30) });
    const replicaDir = replicaRoot(target, root);
    const replica = ReplicaHandle.of(scenario);
    await waitForQuiet(master, scenario.scenarioId, root, replicaDir);
    const reference = copyTree(root, path.join(tempDir('understudy-reference-'), 'tree'));
    const bookmark = await replica.bookmark('before many small changes');
    const entriesAtBookmark = (await replica.journal()).entries;
    for (let folder = 0; folder < 20; folder += 1) {
      fs.mkdirSync(path.join(root, `small-${folder}`));
      for (let file = 0; file < 100; file += 1) fs.writeFileSync(path.join(root, `small-${folder}`, `${file}.txt`), `file ${file} of folder ${folder}\n`);
      if (folder % 4 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await waitForQuiet(master, scenario.scenarioId, root, replicaDir);
    await stopScenario(master, scenario.scenarioId);
    const entriesBeforeRewind = (await replica.journal()).entries;
    expect(entriesBeforeRewind - entriesAtBookmark).toBeGreaterThanOrEqual(2000);

    await replica.rewindInBackground({ kind: 'bookmark', id: bookmark });
    // A page of undos has been applied and dropped from the journal: the rewind is under way.
    await replica.waitFor('rewind under way', (status) => status.journal.entries < entriesBeforeRewind, 20_000);
    await replicaEngine.kill();
    await replicaEngine.start();
    const left = (await replica.journal()).entries;
    expect(left, 'the kill interrupted the rewind').toBeGreaterThan(entriesAtBookmark);
    expect((await treesEqual(reference, replicaDir)).equal).toBe(false);
    expect((await replica.hello()).synced, 'a half-rewound copy is not taken for a synchronized one').toBe(false);

    const summary = await replica.rewind({ kind: 'bookmark', id: bookmark });
    expect(summary.undone).toBeLessThanOrEqual(left - entriesAtBookmark);
    expect(await treesEqual(reference, replicaDir)).toEqual({ equal: true });
    expect((await replica.journal()).entries).toBe(entriesAtBookmark);

    await runScenario(master, scenario);
    await waitForConvergence(root, replicaDir);
    expect(synchronizations(master)).toBe(2);
  });
});
