import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../../../helpers/temp-dir';
import { journaledReplica, sortedKeys, viewState } from '../journal/journal-fixture';
import { treeState } from '../journal/random-workload';

afterEach(removeTempDirs);

const sha = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

describe('snapshot views', () => {
  it('a file read while replication rewrites, truncates and finally removes it stays as it was at the snapshot', async () => {
    const replica = await journaledReplica();
    const original = randomBytes(20 * 1024 * 1024 + 123);
    await replica.applier.apply({ op: 'put', root: 0, path: 'db/data.mdf', data: original, mtimeMs: 1_700_000_000_000, mode: 0o644 }, 1);
    const snapshot = replica.journal.pin({ id: 's', name: 's', purpose: 'user' });
    const hash = createHash('sha256');
    let seq = 2;
    for await (const chunk of replica.viewOf(snapshot).read(0, 'db/data.mdf')) {
      hash.update(chunk);
      // Between two chunks: overwrite everything ahead, shrink, grow, and in the end remove the file.
      await replica.applier.apply({ op: 'write', root: 0, path: 'db/data.mdf', ranges: [{ offset: 0, data: randomBytes(3 * 1024 * 1024) }], size: 4 * 1024 * 1024, mtimeMs: 1, mode: 0o644 }, seq++);
      await replica.applier.apply({ op: 'write', root: 0, path: 'db/data.mdf', ranges: [{ offset: 4 * 1024 * 1024, data: randomBytes(3 * 1024 * 1024) }], size: 7 * 1024 * 1024, mtimeMs: 2, mode: 0o644 }, seq++);
      if (seq > 8) await replica.applier.apply({ op: 'remove', root: 0, path: 'db' }, seq++);
    }
    expect(hash.digest('hex')).toBe(sha(original));
    expect(fs.existsSync(path.join(replica.target, 'db'))).toBe(false);
  });

  it('a folder renamed and a file moved over another after the snapshot are listed where and as they were', async () => {
    const replica = await journaledReplica();
    await replica.applier.apply({ op: 'mkdir', root: 0, path: 'a', mtimeMs: 1_700_000_000_000, mode: 0o755 }, 1);
    await replica.applier.apply({ op: 'put', root: 0, path: 'a/one.txt', data: Buffer.from('one'), mtimeMs: 1_700_000_000_000, mode: 0o644 }, 2);
    await replica.applier.apply({ op: 'put', root: 0, path: 'two.txt', data: Buffer.from('two'), mtimeMs: 1_700_000_000_000, mode: 0o600 }, 3);
    const before = treeState(replica.target);
    const snapshot = replica.journal.pin({ id: 's', name: 's', purpose: 'user' });
    await replica.applier.apply({ op: 'rename', root: 0, from: 'a', to: 'b' }, 4);
    await replica.applier.apply({ op: 'rename', root: 0, from: 'b/one.txt', to: 'two.txt' }, 5);
    await replica.applier.apply({ op: 'put', root: 0, path: 'b/new.txt', data: Buffer.from('new'), mtimeMs: 1_700_000_000_000, mode: 0o644 }, 6);
    expect(treeState(replica.target)).not.toEqual(before);
    expect(sortedKeys(await viewState(replica.viewOf(snapshot)))).toEqual(sortedKeys(before));
  });

  it('creating a snapshot waits for the change being applied', async () => {
    const replica = await journaledReplica();
    const applying = replica.applier.apply({ op: 'put', root: 0, path: 'big.bin', data: randomBytes(8 * 1024 * 1024), mtimeMs: 1, mode: 0o644 }, 1);
    const pinned = replica.applier.exclusive(async () => replica.journal.pin({ id: 's', name: 's', purpose: 'user' }));
    await applying;
    const snapshot = await pinned;
    // The pin came after the whole put: the view shows the file complete.
    const state = await viewState(replica.viewOf(snapshot));
    expect(state['big.bin']).toBe(treeState(replica.target)['big.bin']);
  });
});
