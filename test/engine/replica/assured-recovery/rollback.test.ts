import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { baselineRoot, captureBaseline } from '../../../../engine/replica/assured-recovery/baseline';
import { rollBack } from '../../../../engine/replica/assured-recovery/rollback';
import { rewindTo } from '../../../../engine/replica/journal/data-rewind';
import type { SnapshotRow } from '../../../../engine/replica/journal/journal-db';
import { SnapshotView } from '../../../../engine/replica/snapshot/snapshot-view';
import { removeTempDirs } from '../../../helpers/temp-dir';
import { journaledReplica, sortedKeys, viewState } from '../journal/journal-fixture';
import { treeState } from '../journal/random-workload';

afterEach(removeTempDirs);

async function seed(replica: Awaited<ReturnType<typeof journaledReplica>>): Promise<void> {
  const records = [
    { op: 'mkdir', root: 0, path: 'db', mtimeMs: 1_700_000_000_000, mode: 0o755 },
    { op: 'put', root: 0, path: 'db/main.mdf', data: Buffer.alloc(200_000, 7), mtimeMs: 1_700_000_000_000, mode: 0o644 },
    { op: 'put', root: 0, path: 'db/log.ldf', data: Buffer.from('log'), mtimeMs: 1_700_000_000_000, mode: 0o644 },
    { op: 'mkdir', root: 0, path: 'config', mtimeMs: 1_700_000_000_000, mode: 0o755 },
    { op: 'put', root: 0, path: 'config/app.ini', data: Buffer.from('[app]'), mtimeMs: 1_700_000_000_000, mode: 0o644 },
  ] as const;
  let seq = 1;
  for (const record of records) await replica.applier.apply(record, seq++);
}

/** What an application under test does to the Replica directly, outside replication. */
function applicationChanges(target: string): void {
  fs.appendFileSync(path.join(target, 'db/main.mdf'), 'recovered pages');
  fs.writeFileSync(path.join(target, 'db/main.mdf.lock'), 'pid 42');
  fs.rmSync(path.join(target, 'db/log.ldf'));
  fs.rmSync(path.join(target, 'config'), { recursive: true });
  fs.mkdirSync(path.join(target, 'tmp/cache'), { recursive: true });
  fs.writeFileSync(path.join(target, 'tmp/cache/x'), 'x');
}

describe('Assured Recovery rollback', () => {
  it('returns the Replica to its baseline through the journal; snapshots before and during the test keep their own states', async () => {
    const replica = await journaledReplica();
    await seed(replica);
    const before = treeState(replica.target);
    const position = replica.journal.position();
    const earlier = replica.journal.pin({ id: 'before', name: 'before', purpose: 'user' });
    const baseDir = path.join(replica.work, 'baseline');
    const windowStart = replica.journal.openTestWindow();
    const manifest = await captureBaseline([replica.realTarget], baseDir);
    applicationChanges(replica.target);
    const testState = treeState(replica.target);
    const during = replica.journal.pin({ id: 'during', name: 'during', purpose: 'assured-recovery' });
    const testing = { value: true };
    const viewOf = (row: SnapshotRow): SnapshotView =>
      new SnapshotView({
        exclusive: (work) => replica.applier.exclusive(work),
        position: () => replica.journal.position() * 2 + (testing.value ? 1 : 0),
        bases: async () => [testing.value && row.during_test === 0 ? baselineRoot(baseDir, 0) : replica.realTarget],
        entries: () => replica.journal.viewEntries(row),
        undoOf: (jseq) => replica.journal.undoOf(jseq),
      keptPath: (jseq) => replica.journal.keep.pathOf(jseq),
      });

    expect(sortedKeys(await viewState(viewOf(earlier))), 'earlier snapshot during the test').toEqual(sortedKeys(before));
    const counts = await rollBack([replica.realTarget], baseDir, manifest, replica.journal);
    replica.journal.closeTestWindow(windowStart);
    testing.value = false;

    expect(counts).toEqual({ restored: 4, removed: 2 });
    expect(sortedKeys(treeState(replica.target))).toEqual(sortedKeys(before));
    expect(sortedKeys(await viewState(viewOf(earlier))), 'earlier snapshot after the test').toEqual(sortedKeys(before));
    expect(sortedKeys(await viewState(viewOf(during))), 'snapshot taken during the test').toEqual(sortedKeys(testState));

    replica.journal.unpin(earlier.id);
    replica.journal.unpin(during.id);
    await replica.applier.apply({ op: 'put', root: 0, path: 'db/log.ldf', data: Buffer.from('after'), mtimeMs: 1, mode: 0o644 }, 6);
    await rewindTo(replica.journal, replica.realRootOf, position);
    expect(sortedKeys(treeState(replica.target)), 'rewound across the test').toEqual(sortedKeys(before));
  });
});
