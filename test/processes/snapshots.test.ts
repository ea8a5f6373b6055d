import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { replicaRoot, replicatingPair, useEngines } from './helpers/engine-fleet';
import { prng } from './helpers/random-workload';
import { call, copyTree, pollUntil, protection, ReplicaHandle, waitForQuiet } from './helpers/protection-client';
import { treesEqual } from './helpers/tree-compare';

const engine = useEngines();
const MiB = 1024 * 1024;

/** Files the churn below keeps rewriting: two span several 1 MiB read chunks of a snapshot view. */
function seedFiles(root: string): void {
  fs.writeFileSync(path.join(root, 'big-0.bin'), randomBytes(3 * MiB + 12_345));
  fs.writeFileSync(path.join(root, 'big-1.bin'), randomBytes(2 * MiB));
  for (const folder of ['docs', 'data']) {
    fs.mkdirSync(path.join(root, folder));
    for (let i = 0; i < 12; i += 1) fs.writeFileSync(path.join(root, folder, `${i}.txt`), `${folder} ${i}\n`.repeat(1 + i * 50));
  }
}

/**
 * Overwrites, appends to, truncates, deletes and re-creates the seeded files on the Master
 * until stopped, pausing briefly between changes so replication applies them one by one.
 */
function churn(root: string, seed: number): { stop: () => Promise<number> } {
  const random = prng(seed);
  const names = ['big-0.bin', 'big-1.bin', ...['docs', 'data'].flatMap((folder) => Array.from({ length: 12 }, (_, i) => `${folder}/${i}.txt`))];
  let running = true;
  let changes = 0;
  const loop = (async () => {
    while (running) {
      const file = path.join(root, names[Math.floor(random() * names.length)] ?? 'big-0.bin');
      const roll = random();
      if (roll < 0.3) fs.writeFileSync(file, randomBytes(Math.floor(random() * 400_000)));
      else if (roll < 0.5) fs.appendFileSync(file, randomBytes(1 + Math.floor(random() * 50_000)));
      else if (roll < 0.65 && fs.existsSync(file)) {
        const handle = fs.openSync(file, 'r+');
        fs.writeSync(handle, randomBytes(4096), 0, 4096, Math.floor(random() * fs.statSync(file).size));
        fs.closeSync(handle);
      } else if (roll < 0.8 && fs.existsSync(file)) fs.truncateSync(file, Math.floor(random() * fs.statSync(file).size));
      else fs.rmSync(file, { force: true });
      changes += 1;
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return changes;
    },
  };
}

describe('snapshots and journal retention between engine processes', () => {
  it('a snapshot read (exported) while replication keeps rewriting the same files gives, every time, the bytes of the snapshot moment', async () => {
    const { master, root, target, scenario } = await replicatingPair(engine, {}, { prepareRoot: seedFiles });
    const replicaDir = replicaRoot(target, root);
    const replica = ReplicaHandle.of(scenario);
    await waitForQuiet(master, scenario.scenarioId, root, replicaDir);
    const reference = copyTree(root, path.join(tempDir('understudy-reference-'), 'tree'));
    const snapshot = await replica.createSnapshot('while busy');

    const browsed = (await call(replica.engine, 'replica.snapshot-browse', { scenarioId: scenario.scenarioId, replicaId: replica.replicaId, snapshotId: snapshot.id, path: root, limit: 100 })) as {
      entries: { name: string }[];
    };
    expect(browsed.entries.map((entry) => entry.name).sort()).toEqual(fs.readdirSync(reference).sort());

    const changes = churn(root, 5);
    let changesSeen = 0;
    for (let round = 0; round < 6; round += 1) {
      const exported = path.join(tempDir('understudy-export-'), 'out');
      const reply = await replica.exportSnapshot(snapshot.id, root, exported);
      expect(reply.files).toBe(26);
      expect(await treesEqual(reference, exported), `export ${round} while the files change`).toEqual({ equal: true });
      changesSeen = (await replica.status()).snapshots.find((known) => known.id === snapshot.id)?.changesSince ?? 0;
    }
    expect(await changes.stop()).toBeGreaterThan(20);
    expect(changesSeen, 'replication applied changes to the snapshot files meanwhile').toBeGreaterThan(10);

    await waitForQuiet(master, scenario.scenarioId, root, replicaDir);
    expect((await treesEqual(reference, replicaDir)).equal, 'the live Replica moved on').toBe(false);
    const last = path.join(tempDir('understudy-export-'), 'out');
    await replica.exportSnapshot(snapshot.id, `${root}/docs`, last);
    expect(await treesEqual(path.join(reference, 'docs'), last)).toEqual({ equal: true });
  });

  it('the journal is trimmed to its size limit, except while a snapshot pins it; released, it is trimmed again', async () => {
    const limit = MiB;
    const names = ['r-0.bin', 'r-1.bin', 'r-2.bin', 'r-3.bin'];
    const { master, root, target, scenario } = await replicatingPair(engine, {}, {
      protection: protection({ rewindMaxBytes: limit }),
      prepareRoot: (dir) => names.forEach((name) => fs.writeFileSync(path.join(dir, name), randomBytes(256 * 1024))),
    });
    const replicaDir = replicaRoot(target, root);
    const replica = ReplicaHandle.of(scenario);
    // One round rewrites every file: about one limit's worth of before-images, in one applied batch.
    const round = async (): Promise<void> => {
      for (const name of names) fs.writeFileSync(path.join(root, name), randomBytes(256 * 1024));
      await waitForQuiet(master, scenario.scenarioId, root, replicaDir);
    };
    let sampling = true;
    let largest = 0;
    const sampler = (async () => {
      while (sampling) {
        largest = Math.max(largest, (await replica.journal()).bytes);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    for (let i = 0; i < 8; i += 1) {
      await round();
      const journal = await replica.journal();
      expect(journal.bytes, `after round ${i}`).toBeLessThanOrEqual(limit);
      expect(journal.trimBlockedBy).toBeNull();
    }
    sampling = false;
    await sampler;
    // A round is one applied batch; one file of slack in case capture sends a file in two records.
    expect(largest, 'between trims the journal exceeds its limit by at most one batch').toBeLessThanOrEqual(limit + (names.length + 1) * 256 * 1024);
    expect(largest).toBeGreaterThan(0);

    const snapshot = await replica.createSnapshot('pins the journal');
    for (let i = 0; i < 3; i += 1) await round();
    const pinned = await replica.journal();
    expect(pinned.trimBlockedBy).toBe('pins the journal');
    expect(pinned.bytes).toBeGreaterThan(2 * limit);

    await replica.releaseSnapshot(snapshot.id);
    const released = await replica.journal();
    expect(released.trimBlockedBy).toBeNull();
    expect(released.bytes).toBeLessThanOrEqual(limit);
  });

  it('SQLServer snapshots taken for backup keep the newest "Number of snapshots to keep"; user snapshots stay until released', async () => {
    const { scenario } = await replicatingPair(engine, {}, {
      protection: protection({ type: 'SQLServer', snapshotsToKeep: 2 }),
      prepareRoot: (dir) => fs.writeFileSync(path.join(dir, 'main.mdf'), randomBytes(64 * 1024)),
    });
    const replica = ReplicaHandle.of(scenario);
    await pollUntil('the Replica to be synchronized', () => replica.hello(), (hello) => hello.synced);
    const user = await replica.createSnapshot('kept by the user');
    for (const name of ['backup 1', 'backup 2', 'backup 3']) {
      await call(replica.engine, 'replica.snapshot-create', { scenarioId: replica.scenarioId, replicaId: replica.replicaId, name, purpose: 'backup' });
    }
    const kept = (await replica.status()).snapshots;
    expect(kept.map((snapshot) => [snapshot.name, snapshot.purpose])).toEqual([
      [user.name, 'user'],
      ['backup 2', 'rotating'],
      ['backup 3', 'rotating'],
    ]);
  });
});
