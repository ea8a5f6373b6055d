import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReplicaApplier } from '../../../../engine/replica/applier';
import { rewindTo } from '../../../../engine/replica/journal/data-rewind';
import { RewindJournal } from '../../../../engine/replica/journal/rewind-journal';
import type { ChangeRecord } from '../../../../engine/replication/change-record';
import { removeTempDirs } from '../../../helpers/temp-dir';
import { journaledReplica, KEEP_EVERYTHING } from './journal-fixture';
import { treeState } from './random-workload';

afterEach(() => {
  vi.restoreAllMocks();
  removeTempDirs();
});

const text = (value: string): Buffer => Buffer.from(value);
const MTIME = 1_700_000_000_000;

/** One of each kind of change, numbered as the Master numbers them (seq 1…7). */
const RECORDS: ChangeRecord[] = [
  { op: 'put', root: 0, path: 'a.txt', data: text('one'), mtimeMs: MTIME, mode: 0o644 },
  { op: 'mkdir', root: 0, path: 'd', mtimeMs: MTIME, mode: 0o755 },
  { op: 'put', root: 0, path: 'd/b.txt', data: text('bee bee bee'), mtimeMs: MTIME, mode: 0o644 },
  { op: 'put', root: 0, path: 'a.txt', data: text('two, longer'), mtimeMs: MTIME + 1, mode: 0o644 },
  { op: 'write', root: 0, path: 'd/b.txt', ranges: [{ offset: 4, data: text('BEE') }], size: 9, mtimeMs: MTIME + 2, mode: 0o644 },
  { op: 'attrs', root: 0, path: 'a.txt', mtimeMs: MTIME + 3, mode: 0o600 },
  { op: 'remove', root: 0, path: 'd' },
];

/** The engine after a restart: the same journal folder and target, fresh objects. */
async function reopen(work: string, target: string): Promise<{ journal: RewindJournal; applier: ReplicaApplier }> {
  const journal = await RewindJournal.open(path.join(work, 'journal'), KEEP_EVERYTHING);
  return { journal, applier: new ReplicaApplier({ targets: [target], journal }) };
}

async function applyAll(applier: ReplicaApplier, records: readonly ChangeRecord[], firstSeq: number): Promise<void> {
  for (const [index, record] of records.entries()) await applier.apply(record, firstSeq + index);
}

describe('rewind journal across a crash of the Replica engine', () => {
  it('a batch applied again after a restart reuses its journal entries: no duplicates, and rewinds still land exactly', async () => {
    const replica = await journaledReplica();
    await applyAll(replica.applier, RECORDS.slice(0, 3), 1);
    const afterThree = { position: replica.journal.position(), state: treeState(replica.target) };
    await applyAll(replica.applier, RECORDS.slice(3), 4);
    const beforeCrash = { entries: replica.journal.status().entries, position: replica.journal.position(), state: treeState(replica.target) };
    replica.journal.close();

    // The position persisted before the crash was 3: records 4…7 come again.
    const restarted = await reopen(replica.work, replica.target);
    await applyAll(restarted.applier, RECORDS.slice(3), 4);
    expect(restarted.journal.status().entries).toBe(beforeCrash.entries);
    expect(restarted.journal.position()).toBe(beforeCrash.position);
    expect(treeState(replica.target)).toEqual(beforeCrash.state);

    await restarted.applier.apply({ op: 'put', root: 0, path: 'c.txt', data: text('new'), mtimeMs: MTIME, mode: 0o644 }, 8);
    expect(restarted.journal.status().entries).toBe(beforeCrash.entries + 1);

    await rewindTo(restarted.journal, replica.realRootOf, afterThree.position);
    expect(treeState(replica.target)).toEqual(afterThree.state);
    await rewindTo(restarted.journal, replica.realRootOf, 0);
    expect(treeState(replica.target)).toEqual({});
    restarted.journal.close();
  });

  it('a crash between committing an undo and making its change: the replay uses that entry and the replaced file is kept once', async () => {
    const replica = await journaledReplica();
    await replica.applier.apply(RECORDS[0] as ChangeRecord, 1);
    const afterFirst = { position: replica.journal.position(), state: treeState(replica.target) };
    // The process dies after the undo of record 2 is committed, before the old file moves into the keep area.
    vi.spyOn(replica.journal.keep, 'moveIn').mockRejectedValueOnce(new Error('power cut'));
    await expect(replica.applier.apply(RECORDS[3] as ChangeRecord, 2)).rejects.toThrow('power cut');
    expect(fs.readFileSync(path.join(replica.target, 'a.txt'), 'utf8')).toBe('one');
    expect(replica.journal.status().entries).toBe(2);
    replica.journal.close();

    const restarted = await reopen(replica.work, replica.target);
    await restarted.applier.apply(RECORDS[3] as ChangeRecord, 2);
    expect(fs.readFileSync(path.join(replica.target, 'a.txt'), 'utf8')).toBe('two, longer');
    expect(restarted.journal.status().entries).toBe(2);
    expect(fs.readdirSync(restarted.journal.keep.dir)).toHaveLength(1);

    await rewindTo(restarted.journal, replica.realRootOf, afterFirst.position);
    expect(treeState(replica.target)).toEqual(afterFirst.state);
    restarted.journal.close();
  });
});
