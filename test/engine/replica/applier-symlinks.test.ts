import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureDirectories } from '../../../engine/replica/durable-fs';
import type { ChangeRecord } from '../../../engine/replication/change-record';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir';
import { bytes, expectUserError, MTIME, newReplica, snapshot } from './replica-fixture';

/**
 * A symbolic link planted inside the Replica's target (by a local user, a restore, a bug)
 * must never let a record read, write, move or delete anything outside the target.
 */

let replica: ReturnType<typeof newReplica>;
let target: string;
let outside: string;
let outsideBefore: string[];

beforeEach(async () => {
  replica = newReplica();
  target = replica.targets[0] ?? '';
  outside = tempDir('understudy-outside-');
  fs.writeFileSync(path.join(outside, 'victim.txt'), 'original');
  fs.mkdirSync(path.join(outside, 'sub'));
  fs.utimesSync(path.join(outside, 'sub'), 1000, 1000);
  fs.utimesSync(outside, 1000, 1000);
  await replica.applier.apply({ op: 'put', root: 0, path: 'inside.txt', data: bytes('mine'), mtimeMs: MTIME, mode: 0o644 });
  fs.symlinkSync(outside, path.join(target, 'link'));
  fs.symlinkSync(path.join(outside, 'victim.txt'), path.join(target, 'file-link'));
  outsideBefore = snapshot(outside);
});
afterEach(removeTempDirs);

const put = (p: string): ChangeRecord => ({ op: 'put', root: 0, path: p, data: bytes('evil'), mtimeMs: MTIME, mode: 0o777 });
const write = (p: string): ChangeRecord => ({
  op: 'write',
  root: 0,
  path: p,
  ranges: [{ offset: 0, data: bytes('evil') }],
  size: 4,
  mtimeMs: MTIME,
  mode: 0o777,
});

const throughLinks: Array<[string, ChangeRecord]> = [
  ['put below a directory link', put('link/new.txt')],
  ['put over a file below the link', put('link/victim.txt')],
  ['put deeper below the link', put('link/sub/deeper/new.txt')],
  ['put over the link itself', put('file-link')],
  ['write below a directory link', write('link/victim.txt')],
  ['write creating a file below the link', write('link/new.bin')],
  ['write through a file link', write('file-link')],
  ['mkdir below the link', { op: 'mkdir', root: 0, path: 'link/sub/new', mtimeMs: MTIME, mode: 0o777 }],
  ['mkdir at the link', { op: 'mkdir', root: 0, path: 'link', mtimeMs: MTIME, mode: 0o777 }],
  ['remove below the link', { op: 'remove', root: 0, path: 'link/victim.txt' }],
  ['remove a directory below the link', { op: 'remove', root: 0, path: 'link/sub' }],
  ['remove the link', { op: 'remove', root: 0, path: 'link' }],
  ['rename out of the link', { op: 'rename', root: 0, from: 'link/victim.txt', to: 'stolen.txt' }],
  ['rename into the link', { op: 'rename', root: 0, from: 'inside.txt', to: 'link/planted.txt' }],
  ['rename over a file link', { op: 'rename', root: 0, from: 'inside.txt', to: 'file-link' }],
  ['attrs below the link', { op: 'attrs', root: 0, path: 'link/victim.txt', mtimeMs: MTIME, mode: 0o777 }],
  ['attrs on the link', { op: 'attrs', root: 0, path: 'link', mtimeMs: MTIME, mode: 0o777 }],
  ['attrs on a file link', { op: 'attrs', root: 0, path: 'file-link', mtimeMs: MTIME, mode: 0o777 }],
];

describe('records through a symbolic link inside the target', () => {
  it.each(throughLinks)('%s is rejected (E1101) and nothing outside changes', async (_label, record) => {
    await expectUserError(replica.applier.apply(record), 'E1101');
    expect(snapshot(outside)).toEqual(outsideBefore);
    expect(fs.readFileSync(path.join(target, 'inside.txt'), 'utf8')).toBe('mine');
    expect(fs.lstatSync(path.join(target, 'link')).isSymbolicLink()).toBe(true);
  });

  it('a link slipped in after the guard looked is still refused while creating directories', async () => {
    const realRoot = fs.realpathSync(target);
    await expectUserError(ensureDirectories(realRoot, ['link', 'made-by-race'], 'link/made-by-race'), 'E1101');
    expect(snapshot(outside)).toEqual(outsideBefore);
  });
});
