import { afterEach, describe, expect, it } from 'vitest';
import { rewindTo } from '../../../../engine/replica/journal/data-rewind';
import type { ChangeRecord } from '../../../../engine/replication/change-record';
import { removeTempDirs } from '../../../helpers/temp-dir';
import { journaledReplica } from './journal-fixture';
import { treeState } from './random-workload';

afterEach(removeTempDirs);

const MINUTE = 60_000;
const RETAIN_ONE_HOUR = { enabled: true, retentionMs: 60 * MINUTE, maxBytes: 1e15 };

const put = (name: string, content: string): ChangeRecord => ({ op: 'put', root: 0, path: name, data: Buffer.from(content), mtimeMs: 1_700_000_000_000, mode: 0o644 });

/** A journaled Replica on a clock the test moves. */
async function replicaOnClock() {
  const clock = { now: 1_000_000_000 };
  const replica = await journaledReplica(RETAIN_ONE_HOUR, () => clock.now);
  let seq = 0;
  const apply = async (...records: ChangeRecord[]): Promise<void> => {
    for (const record of records) await replica.applier.apply(record, ++seq);
  };
  return { ...replica, clock, apply };
}

describe('rewind journal retention by age', () => {
  it('entries older than the retention period are trimmed oldest first; a bookmark at the trimmed edge stays reachable', async () => {
    const replica = await replicaOnClock();
    await replica.apply(put('a.txt', 'a1'), put('b.txt', 'b1'), put('a.txt', 'a2'));
    const old = replica.journal.addBookmark('old');
    const atOld = treeState(replica.target);
    replica.clock.now += 30 * MINUTE;
    await replica.apply(put('b.txt', 'b2'), put('c.txt', 'c1'));
    const recent = replica.journal.addBookmark('recent');

    await replica.journal.trim();
    expect(replica.journal.status().entries, 'nothing is an hour old yet').toBe(5);

    replica.clock.now += 31 * MINUTE;
    await replica.journal.trim();
    const status = replica.journal.status();
    expect(status.entries).toBe(2);
    expect(status.oldestAt).toBe(1_000_000_000 + 30 * MINUTE);
    expect(status.trimBlockedBy).toBeNull();
    expect(replica.journal.reachableFrom()).toBe(old.jseq);
    expect(replica.journal.bookmarks().map((bookmark) => bookmark.name)).toEqual(['recent', 'old']);

    await rewindTo(replica.journal, replica.realRootOf, old.jseq);
    expect(treeState(replica.target)).toEqual(atOld);
    expect(replica.journal.bookmark(recent.id)).toBeUndefined();
  });

  it('a snapshot keeps the entries after it however old; released, they are trimmed and bookmarks behind the edge go', async () => {
    const replica = await replicaOnClock();
    await replica.apply(put('a.txt', 'a1'), put('a.txt', 'a2'));
    const early = replica.journal.addBookmark('early');
    const snapshot = replica.journal.pin({ id: 's1', name: 'backup', purpose: 'backup' });
    await replica.apply(put('a.txt', 'a3'), put('b.txt', 'b1'));
    replica.clock.now += 2 * 60 * MINUTE;

    await replica.journal.trim();
    let status = replica.journal.status();
    expect(status.entries, 'the two entries after the snapshot stay').toBe(2);
    expect(status.trimBlockedBy).toBe('backup');
    expect(replica.journal.reachableFrom()).toBe(snapshot.jseq);
    expect(replica.journal.bookmark(early.id), 'a bookmark at the edge is still reachable').toBeDefined();

    replica.journal.unpin(snapshot.id);
    await replica.journal.trim();
    status = replica.journal.status();
    expect(status.entries).toBe(0);
    expect(status.bytes).toBe(0);
    expect(status.trimBlockedBy).toBeNull();
    expect(replica.journal.bookmarks()).toEqual([]);
  });
});
