import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../../helpers/temp-dir';
import { bytes, expectMtime, expectUserError, MTIME, newReplica, snapshot } from './replica-fixture';

let replica: ReturnType<typeof newReplica>;
let target: string;
beforeEach(() => {
  replica = newReplica();
  target = replica.targets[0] ?? '';
});
afterEach(removeTempDirs);

async function put(relativePath: string, text: string): Promise<void> {
  await replica.applier.apply({ op: 'put', root: 0, path: relativePath, data: bytes(text), mtimeMs: MTIME, mode: 0o644 });
}

describe('rename', () => {
  it('moves a file into a new directory, and a replay is already applied', async () => {
    await put('a.txt', 'A');
    const record = { op: 'rename', root: 0, from: 'a.txt', to: 'new/dir/b.txt' } as const;
    await expect(replica.applier.apply(record)).resolves.toEqual({ kind: 'applied' });
    const after = snapshot(target);
    await expect(replica.applier.apply(record)).resolves.toEqual({ kind: 'already-applied' });
    expect(snapshot(target)).toEqual(after);
    expect(fs.readFileSync(path.join(target, 'new', 'dir', 'b.txt'), 'utf8')).toBe('A');
    expectMtime(path.join(target, 'new', 'dir', 'b.txt'), MTIME);
    expect(fs.existsSync(path.join(target, 'a.txt'))).toBe(false);
  });

  it('overwrites an existing file at the destination', async () => {
    await put('from.txt', 'new contents');
    await put('to.txt', 'old contents');
    await replica.applier.apply({ op: 'rename', root: 0, from: 'from.txt', to: 'to.txt' });
    expect(fs.readdirSync(target)).toEqual(['to.txt']);
    expect(fs.readFileSync(path.join(target, 'to.txt'), 'utf8')).toBe('new contents');
  });

  it('moves a directory with its contents in one step, idempotently', async () => {
    await put('project/src/main.ts', 'main');
    await put('project/README', 'readme');
    await replica.applier.apply({ op: 'mkdir', root: 0, path: 'project/empty', mtimeMs: MTIME, mode: 0o755 });
    const record = { op: 'rename', root: 0, from: 'project', to: 'archive/project-2024' } as const;
    await replica.applier.apply(record);
    await expect(replica.applier.apply(record)).resolves.toEqual({ kind: 'already-applied' });
    expect(snapshot(target, { directoryMtimes: false }).map((line) => line.split(' ')[0])).toEqual([
      'archive',
      'archive/project-2024',
      'archive/project-2024/README',
      'archive/project-2024/empty',
      'archive/project-2024/src',
      'archive/project-2024/src/main.ts',
    ]);
  });

  it('reports a divergence, not a bare error, when both ends are missing', async () => {
    const promise = replica.applier.apply({ op: 'rename', root: 0, from: 'ghost', to: 'also-ghost' });
    await expectUserError(promise, 'E1102');
    await expect(promise).rejects.toThrow(/neither "ghost" nor "also-ghost" exists/);
  });

  it('reports a divergence when a file would replace a non-empty directory', async () => {
    await put('file', 'x');
    await put('dir/inside', 'y');
    await expectUserError(replica.applier.apply({ op: 'rename', root: 0, from: 'file', to: 'dir' }), 'E1102');
    expect(fs.readFileSync(path.join(target, 'dir', 'inside'), 'utf8')).toBe('y');
  });

  it('refuses a destination outside the root and leaves the source in place', async () => {
    await put('keep.txt', 'k');
    await expectUserError(replica.applier.apply({ op: 'rename', root: 0, from: 'keep.txt', to: '../escaped.txt' }), 'E1101');
    expect(fs.readdirSync(target)).toEqual(['keep.txt']);
    expect(fs.readdirSync(replica.base)).toEqual(['target-0']);
  });
});
