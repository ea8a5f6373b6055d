import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkRelativePath, replicaTargetFor, resolveInsideRoot } from '../../../engine/replica/path-guard';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir';
import { expectUserError } from './replica-fixture';

afterEach(removeTempDirs);

const rejected: Array<[string, string, RegExp]> = [
  ['empty path', '', /empty/],
  ['doubled separator', 'a//b', /empty segment/],
  ['trailing separator', 'a/', /empty segment/],
  ['dot segment', './a', /"\." segment/],
  ['inner dot segment', 'a/./b', /"\." segment/],
  ['parent segment', '..', /"\.\." segment/],
  ['climbing out', 'a/../../etc/passwd', /"\.\." segment/],
  ['POSIX absolute', '/etc/passwd', /absolute/],
  ['Windows rooted', '\\Windows\\System32', /absolute/],
  ['UNC', '\\\\server\\share\\x', /absolute/],
  ['UNC with slashes', '//server/share/x', /absolute/],
  ['drive letter', 'C:/Windows', /drive letter/],
  ['drive-relative', 'c:x', /drive letter/],
  ['drive letter inside', 'a/C:/b', /":"/],
  ['alternate data stream', 'a/file.txt:secret', /alternate data stream/],
  ['default stream', 'file.txt::$DATA', /":"/],
  ['backslash inside a name', 'a\\b', /separator on Windows/],
  ['backslash parent', '..\\x', /separator on Windows/],
  ['NUL', 'a\u0000b', /control character/],
  ['newline', 'a\nb', /control character/],
  ['unit separator', 'x/\u001f', /control character/],
  ['DEL', 'a\u007f', /control character/],
  ['lone surrogate', 'a\uD800', /surrogate/],
  ['CON', 'CON', /device name/],
  ['con lower case', 'dir/con', /device name/],
  ['device with extension', 'Con.txt', /device name/],
  ['device with two extensions', 'nul.tar.gz', /device name/],
  ['device, space before extension', 'NUL .txt', /device name/],
  ['PRN', 'PRN', /device name/],
  ['AUX', 'a/aux.log', /device name/],
  ['COM0', 'COM0', /device name/],
  ['COM9', 'com9.txt', /device name/],
  ['COM superscript', 'COM¹', /device name/],
  ['LPT0', 'LPT0', /device name/],
  ['LPT superscript', 'lpt³.log', /device name/],
  ['CONIN$', 'CONIN$', /device name/],
  ['trailing dot', 'name.', /ends with/],
  ['trailing space', 'dir/name ', /ends with/],
  ['trailing dot on a directory', 'dir./x', /ends with/],
  ['only dots', '...', /ends with/],
  ['256 ASCII bytes', 'x'.repeat(256), /255 UTF-8 bytes/],
  ['256 bytes of é', `d/${'é'.repeat(128)}`, /255 UTF-8 bytes/],
  ['258 bytes of 日', '日'.repeat(86), /255 UTF-8 bytes/],
  ['question mark', 'what?', /forbids/],
  ['asterisk', 'a*b', /forbids/],
  ['angle bracket', 'a<b', /forbids/],
  ['quote', 'say"hi"x', /forbids/],
  ['pipe', 'a|b', /forbids/],
  ['temporary-file prefix', 'd/.understudy-tmp-0123', /reserved/],
  ['temporary-file prefix, other case', '.Understudy-Tmp-x', /reserved/],
];

const accepted = [
  'file.txt',
  'a/b/c.d.e',
  '.hidden/.profile',
  'café/résumé.txt',
  '日本語/ファイル.txt',
  '😀/🎉 party.bin',
  'CONSOLE',
  'COM10',
  'LPT',
  'nulx.txt',
  'con_/x',
  'Program Files/a b',
  'x'.repeat(255),
  'é'.repeat(127),
  '😀'.repeat(63),
  '..a/a..b/.x',
];

describe('checkRelativePath', () => {
  it.each(rejected)('refuses %s (%j)', (_label, relativePath, reason) => {
    expect(checkRelativePath(relativePath)).toMatch(reason);
  });

  it.each(accepted.map((name) => [name]))('accepts %j', (relativePath) => {
    expect(checkRelativePath(relativePath)).toBeUndefined();
  });
});

describe('resolveInsideRoot', () => {
  it.each(rejected)('rejects %s with E1101 naming the path', async (_label, relativePath) => {
    const root = tempDir();
    const promise = resolveInsideRoot(root, relativePath);
    await expectUserError(promise, 'E1101');
    await expect(promise).rejects.toThrow(JSON.stringify(relativePath));
  });

  it('resolves unicode names below the real root, existing or not', async () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'café'));
    await expect(resolveInsideRoot(root, 'café/日本語/😀.txt')).resolves.toBe(
      path.join(fs.realpathSync(root), 'café', '日本語', '😀.txt'),
    );
  });

  it('follows a link above the target root (configuration) but reports the real path', async () => {
    const real = tempDir();
    const alias = path.join(tempDir(), 'alias');
    fs.symlinkSync(real, alias);
    await expect(resolveInsideRoot(alias, 'a/b')).resolves.toBe(path.join(fs.realpathSync(real), 'a', 'b'));
  });

  it('rejects a symbolic link anywhere below the root, the last component included', async () => {
    const root = tempDir();
    const outside = tempDir();
    fs.mkdirSync(path.join(root, 'dir'));
    fs.symlinkSync(outside, path.join(root, 'dir', 'link'));
    for (const relativePath of ['dir/link', 'dir/link/file.txt', 'dir/link/missing/deeper']) {
      const promise = resolveInsideRoot(root, relativePath);
      await expectUserError(promise, 'E1101');
      await expect(promise).rejects.toThrow('"dir/link" is a symbolic link');
    }
  });

  it('rejects a dangling symbolic link too', async () => {
    const root = tempDir();
    fs.symlinkSync(path.join(root, 'nowhere'), path.join(root, 'dangling'));
    await expectUserError(resolveInsideRoot(root, 'dangling'), 'E1101');
  });
});

describe('replicaTargetFor', () => {
  it.each([
    ['C:\\Data\\Sales', ['C', 'Data', 'Sales']],
    ['\\\\fs\\share\\x', ['fs', 'share', 'x']],
    ['/srv/data', ['srv', 'data']],
  ])('maps Master root %j below the target', (root, segments) => {
    expect(replicaTargetFor('/replica', root)).toBe(path.join('/replica', ...segments));
  });

  it('refuses a Master root that would climb out of the target', () => {
    expect(() => replicaTargetFor('/replica', 'C:\\Data\\..\\..\\etc')).toThrow(expect.objectContaining({ code: 'E1101' }));
  });
});
