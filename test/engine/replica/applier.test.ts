import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../../../engine/replication/change-record';
import { removeTempDirs } from '../../helpers/temp-dir';
import { bytes, expectMtime, expectUserError, MTIME, newReplica, snapshot } from './replica-fixture';

let current: ReturnType<typeof newReplica>;
beforeEach(() => {
  current = newReplica();
});
afterEach(removeTempDirs);

/**
 * Applies `record` twice and checks the second run leaves exactly what the first did.
 * Directory mtimes are left out: writing inside a directory moves them (a known limit).
 */
async function applyTwice(record: ChangeRecord, dir: string): Promise<void> {
  await current.applier.apply(record);
  const after = snapshot(dir, { directoryMtimes: false });
  await current.applier.apply(record);
  expect(snapshot(dir, { directoryMtimes: false })).toEqual(after);
}

describe('mkdir', () => {
  it('creates missing parents and sets mtime and mode, idempotently', async () => {
    const [target = ''] = current.targets;
    await applyTwice({ op: 'mkdir', root: 0, path: 'a/b/c', mtimeMs: MTIME, mode: 0o750 }, target);
    const created = path.join(target, 'a', 'b', 'c');
    expect(fs.statSync(created).isDirectory()).toBe(true);
    expect(fs.statSync(created).mode & 0o7777).toBe(0o750);
    expectMtime(created, MTIME);
  });

  it('refuses a directory where the Replica has a file (diverged)', async () => {
    await current.applier.apply({ op: 'put', root: 0, path: 'x', data: bytes('file'), mtimeMs: MTIME, mode: 0o644 });
    await expectUserError(current.applier.apply({ op: 'mkdir', root: 0, path: 'x/y', mtimeMs: MTIME, mode: 0o755 }), 'E1102');
  });
});

describe('put', () => {
  it('writes a new file with parents, mtime and mode, idempotently, leaving no temporary file', async () => {
    const [target = ''] = current.targets;
    const record: ChangeRecord = { op: 'put', root: 0, path: 'café/日本語/😀.txt', data: bytes('héllo'), mtimeMs: MTIME, mode: 0o640 };
    await applyTwice(record, target);
    const file = path.join(target, 'café', '日本語', '😀.txt');
    expect(fs.readFileSync(file, 'utf8')).toBe('héllo');
    expect(fs.statSync(file).mode & 0o7777).toBe(0o640);
    expectMtime(file, MTIME);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['😀.txt']);
  });

  it('drops set-id bits from the mode', async () => {
    await current.applier.apply({ op: 'put', root: 0, path: 'tool', data: bytes('#!'), mtimeMs: MTIME, mode: 0o6755 });
    expect(fs.statSync(path.join(current.targets[0] ?? '', 'tool')).mode & 0o7777).toBe(0o755);
  });

  it('replaces a file atomically: a reader sees the old or the new contents, never a mix', async () => {
    const [target = ''] = current.targets;
    const file = path.join(target, 'big.bin');
    const before = 'a'.repeat(1 << 20);
    const after = 'b'.repeat(4 << 20);
    await current.applier.apply({ op: 'put', root: 0, path: 'big.bin', data: bytes(before), mtimeMs: MTIME, mode: 0o644 });
    let settled = false;
    const applying = current.applier
      .apply({ op: 'put', root: 0, path: 'big.bin', data: bytes(after), mtimeMs: MTIME + 1000, mode: 0o644 })
      .finally(() => (settled = true));
    const seen = new Set<string>();
    while (!settled) {
      const contents = fs.readFileSync(file, 'latin1');
      seen.add(contents === before ? 'old' : contents === after ? 'new' : `mixed(${contents.length})`);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await applying;
    expect([...seen].filter((kind) => kind !== 'old' && kind !== 'new')).toEqual([]);
    expect(fs.readFileSync(file, 'latin1')).toBe(after);
    expect(fs.readdirSync(target)).toEqual(['big.bin']);
  });

  it('refuses to replace a directory with a file (diverged) and leaves no temporary file', async () => {
    const [target = ''] = current.targets;
    await current.applier.apply({ op: 'mkdir', root: 0, path: 'd/e', mtimeMs: MTIME, mode: 0o755 });
    await expectUserError(current.applier.apply({ op: 'put', root: 0, path: 'd/e', data: bytes('x'), mtimeMs: MTIME, mode: 0o644 }), 'E1102');
    expect(fs.readdirSync(path.join(target, 'd'))).toEqual(['e']);
  });
});

describe('write', () => {
  const write = (ranges: Array<[number, string]>, size: number): ChangeRecord => ({
    op: 'write',
    root: 0,
    path: 'dir/file.bin',
    ranges: ranges.map(([offset, text]) => ({ offset, data: bytes(text) })),
    size,
    mtimeMs: MTIME,
    mode: 0o600,
  });
  const contents = (): string => fs.readFileSync(path.join(current.targets[0] ?? '', 'dir', 'file.bin'), 'latin1');

  it('creates the file with parents, then extends, overwrites and shrinks it, each idempotently', async () => {
    const [target = ''] = current.targets;
    await applyTwice(write([[0, 'hello world']], 11), target);
    expect(contents()).toBe('hello world');
    await applyTwice(write([[6, 'there'], [11, '!!']], 13), target);
    expect(contents()).toBe('hello there!!');
    await applyTwice(write([[0, 'J']], 5), target);
    expect(contents()).toBe('Jello');
    expectMtime(path.join(target, 'dir', 'file.bin'), MTIME);
    expect(fs.statSync(path.join(target, 'dir', 'file.bin')).mode & 0o7777).toBe(0o600);
  });

  it('writes sparse ranges far apart and extends with zeros to the size', async () => {
    const [target = ''] = current.targets;
    await applyTwice(write([[0, 'head'], [1 << 20, 'tail']], (1 << 20) + 10), target);
    const data = fs.readFileSync(path.join(target, 'dir', 'file.bin'));
    expect(data.length).toBe((1 << 20) + 10);
    expect(data.subarray(0, 4).toString()).toBe('head');
    expect(data.subarray(1 << 20, (1 << 20) + 4).toString()).toBe('tail');
    expect(data.subarray(4, 1 << 20).every((byte) => byte === 0)).toBe(true);
    expect(data.subarray((1 << 20) + 4).every((byte) => byte === 0)).toBe(true);
  });

  it('refuses to write into a directory (diverged)', async () => {
    await current.applier.apply({ op: 'mkdir', root: 0, path: 'dir/file.bin', mtimeMs: MTIME, mode: 0o755 });
    await expectUserError(current.applier.apply(write([[0, 'x']], 1)), 'E1102');
  });
});

describe('remove', () => {
  it('removes a file, then reports the second removal as already applied', async () => {
    await current.applier.apply({ op: 'put', root: 0, path: 'f', data: bytes('x'), mtimeMs: MTIME, mode: 0o644 });
    await expect(current.applier.apply({ op: 'remove', root: 0, path: 'f' })).resolves.toEqual({ kind: 'applied' });
    await expect(current.applier.apply({ op: 'remove', root: 0, path: 'f' })).resolves.toEqual({ kind: 'already-applied' });
    expect(fs.readdirSync(current.targets[0] ?? '')).toEqual([]);
  });

  it('removes a whole directory tree', async () => {
    await current.applier.apply({ op: 'put', root: 0, path: 'd/e/f.txt', data: bytes('x'), mtimeMs: MTIME, mode: 0o644 });
    await current.applier.apply({ op: 'remove', root: 0, path: 'd' });
    expect(fs.readdirSync(current.targets[0] ?? '')).toEqual([]);
  });

  it('treats a path below a missing directory or below a file as already gone', async () => {
    await current.applier.apply({ op: 'put', root: 0, path: 'f', data: bytes('x'), mtimeMs: MTIME, mode: 0o644 });
    await expect(current.applier.apply({ op: 'remove', root: 0, path: 'no/such' })).resolves.toEqual({ kind: 'already-applied' });
    await expect(current.applier.apply({ op: 'remove', root: 0, path: 'f/below' })).resolves.toEqual({ kind: 'already-applied' });
  });
});

describe('attrs', () => {
  it('sets mtime and mode of a file and of a directory, idempotently', async () => {
    const [target = ''] = current.targets;
    await current.applier.apply({ op: 'put', root: 0, path: 'd/f', data: bytes('x'), mtimeMs: 1, mode: 0o644 });
    await applyTwice({ op: 'attrs', root: 0, path: 'd/f', mtimeMs: MTIME, mode: 0o400 }, target);
    await applyTwice({ op: 'attrs', root: 0, path: 'd', mtimeMs: MTIME + 5, mode: 0o700 }, target);
    expectMtime(path.join(target, 'd', 'f'), MTIME);
    expect(fs.statSync(path.join(target, 'd', 'f')).mode & 0o7777).toBe(0o400);
    expectMtime(path.join(target, 'd'), MTIME + 5);
    expect(fs.statSync(path.join(target, 'd')).mode & 0o7777).toBe(0o700);
  });

  it('reports attributes for a missing item as a divergence', async () => {
    await expectUserError(current.applier.apply({ op: 'attrs', root: 0, path: 'gone', mtimeMs: MTIME, mode: 0o644 }), 'E1102');
  });
});
