import { describe, expect, it } from 'vitest';
import { archivePathOf, archivePathProblem, sessionFileName } from '../../../../engine/backup/archive/format';
import { paxSeconds, tarHeaderOf, USTAR_MAX_SIZE } from '../../../../engine/backup/archive/tar-header';

describe('paths inside a session', () => {
  it.each([
    ['/srv/finance/reports/q1.csv', 'srv/finance/reports/q1.csv'],
    ['/srv//finance/./q1.csv', 'srv/finance/q1.csv'],
    ['D:\\Finance\\q1.csv', 'D/Finance/q1.csv'],
    ['d:/Finance/q1.csv', 'D/Finance/q1.csv'],
    ['C:\\', 'C'],
    ['\\\\fs01\\share\\a.txt', 'UNC/fs01/share/a.txt'],
  ])('the Master path %s is %s in the archive', (master, inArchive) => {
    expect(archivePathOf(master)).toBe(inArchive);
  });

  it('refuses a path that is not absolute on the Master', () => {
    expect(() => archivePathOf('relative/path')).toThrow(/not an absolute Master path/);
  });

  it.each([
    ['', /empty/],
    ['/etc/passwd', /absolute/],
    ['srv/../etc', /'\.\.'/],
    ['srv//x', /empty/],
    ['srv/./x', /'\.'/],
    ['srv/x\0y', /NUL/],
    ['UNDERSTUDY-MANIFEST.json', /reserved/],
    ['UNDERSTUDY-SESSION.json', /reserved/],
  ])('%j cannot name an entry', (path, problem) => {
    expect(archivePathProblem(path)).toMatch(problem);
  });

  it('accepts ordinary, deep and non-ASCII paths', () => {
    expect(archivePathProblem('srv/ünï/履歴書.txt')).toBeUndefined();
    expect(archivePathProblem(`srv/${'x'.repeat(300)}`)).toBeUndefined();
    expect(archivePathProblem('srv/UNDERSTUDY-MANIFEST.json')).toBeUndefined();
  });

  it('names session files by what they hold', () => {
    expect(sessionFileName('S00000042', { compression: 'none', encrypted: false })).toBe('S00000042.tar');
    expect(sessionFileName('S00000042', { compression: 'gzip', encrypted: false })).toBe('S00000042.tar.gz');
    expect(sessionFileName('S00000042', { compression: 'gzip', encrypted: true })).toBe('S00000042.tar.gz.enc');
  });
});

describe('tar headers', () => {
  const file = { path: 'srv/a.bin', kind: 'file' as const, size: 10, mtimeMs: 1_700_000_000_500, mode: 0o100644 };

  it('a plain file gets a plain ustar header: whole seconds, permission bits only, owner 0', () => {
    expect(tarHeaderOf(file)).toEqual({ name: 'srv/a.bin', type: 'file', size: 10, mode: 0o644, mtime: new Date(1_700_000_000_000), uid: 0, gid: 0 });
  });

  it('a directory is named with a trailing slash', () => {
    expect(tarHeaderOf({ ...file, kind: 'directory', size: 0, mode: 0o40755 })).toMatchObject({ name: 'srv/a.bin/', type: 'directory', size: 0, mode: 0o755 });
  });

  it('files of 8 GiB and more carry their size in a pax record', () => {
    expect(tarHeaderOf({ ...file, size: USTAR_MAX_SIZE }).pax).toBeUndefined();
    expect(tarHeaderOf({ ...file, size: 9 * 1024 ** 3 }).pax).toEqual({ size: String(9 * 1024 ** 3) });
  });

  it('times before 1970 or past 2038 carry their mtime in a pax record', () => {
    expect(tarHeaderOf({ ...file, mtimeMs: -86_400_000 }).pax).toEqual({ mtime: '-86400' });
    expect(tarHeaderOf({ ...file, mtimeMs: 4_102_444_800_250 }).pax).toEqual({ mtime: '4102444800.25' });
    expect(paxSeconds(1_500)).toBe('1.5');
    expect(paxSeconds(-1_500)).toBe('-1.5');
  });
});
