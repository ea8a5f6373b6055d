import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReplicaApplier } from '../../../engine/replica/applier';
import { listTree } from '../../../engine/replica/tree-listing';
import { removeTempDirs } from '../../helpers/temp-dir';
import { bytes, expectUserError, MTIME, newReplica } from './replica-fixture';

afterEach(removeTempDirs);

describe('ReplicaApplier targets and ordering', () => {
  it('creates each target on first use and keeps Master roots apart', async () => {
    const { applier, targets, base } = newReplica(2);
    expect(fs.readdirSync(base)).toEqual([]);
    await applier.apply({ op: 'put', root: 1, path: 'same.txt', data: bytes('one'), mtimeMs: MTIME, mode: 0o644 });
    await applier.apply({ op: 'put', root: 0, path: 'same.txt', data: bytes('zero'), mtimeMs: MTIME, mode: 0o644 });
    expect(fs.readFileSync(path.join(targets[0] ?? '', 'same.txt'), 'utf8')).toBe('zero');
    expect(fs.readFileSync(path.join(targets[1] ?? '', 'same.txt'), 'utf8')).toBe('one');
  });

  it('refuses a record for a root index the Replica does not have', async () => {
    const { applier, base } = newReplica(1);
    const promise = applier.apply({ op: 'mkdir', root: 3, path: 'x', mtimeMs: MTIME, mode: 0o755 });
    await expectUserError(promise, 'E1104');
    expect(fs.readdirSync(base)).toEqual([]);
  });

  it('refuses relative target directories', () => {
    expect(() => new ReplicaApplier({ targets: ['relative/target'] })).toThrow(RangeError);
  });

  it('applies records in the order given even when the caller does not wait between them', async () => {
    const { applier, targets } = newReplica();
    const outcomes = await Promise.all([
      applier.apply({ op: 'put', root: 0, path: 'f', data: bytes('first'), mtimeMs: MTIME, mode: 0o644 }),
      applier.apply({ op: 'write', root: 0, path: 'f', ranges: [{ offset: 0, data: bytes('F') }], size: 3, mtimeMs: MTIME, mode: 0o644 }),
      applier.apply({ op: 'rename', root: 0, from: 'f', to: 'g' }),
      applier.apply({ op: 'remove', root: 0, path: 'f' }),
    ]);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['applied', 'applied', 'applied', 'already-applied']);
    expect(fs.readFileSync(path.join(targets[0] ?? '', 'g'), 'utf8')).toBe('Fir');
  });

  it('keeps applying after a rejected record', async () => {
    const { applier, targets } = newReplica();
    await expectUserError(applier.apply({ op: 'mkdir', root: 0, path: 'bad/NUL', mtimeMs: MTIME, mode: 0o755 }), 'E1101');
    await applier.apply({ op: 'mkdir', root: 0, path: 'good', mtimeMs: MTIME, mode: 0o755 });
    expect(fs.readdirSync(targets[0] ?? '')).toEqual(['good']);
  });

  it('stores unicode names exactly as the Master sent them', async () => {
    const { applier, targets } = newReplica();
    for (const name of ['é.txt', '日本語/ファイル.txt', '😀/🎉.bin']) {
      await applier.apply({ op: 'put', root: 0, path: name, data: bytes(name), mtimeMs: MTIME, mode: 0o644 });
    }
    const listed: string[] = [];
    for await (const entry of listTree(targets[0] ?? '')) listed.push(entry.path);
    expect(listed).toEqual(['é.txt', '日本語', '日本語/ファイル.txt', '😀', '😀/🎉.bin']);
  });
});

describe('ReplicaApplier target problems', () => {
  it('reports a target that cannot be created as E1103 and retries on the next record', async () => {
    const { applier, base, targets } = newReplica();
    fs.writeFileSync(path.join(base, 'target-0'), 'a file where the target should be');
    await expectUserError(applier.apply({ op: 'mkdir', root: 0, path: 'x', mtimeMs: MTIME, mode: 0o755 }), 'E1103');
    fs.rmSync(path.join(base, 'target-0'));
    await applier.apply({ op: 'mkdir', root: 0, path: 'x', mtimeMs: MTIME, mode: 0o755 });
    expect(fs.readdirSync(targets[0] ?? '')).toEqual(['x']);
  });
});
