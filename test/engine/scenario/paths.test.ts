import { describe, expect, it } from 'vitest';
import { comparablePath, hasParentSegment, isSameOrInside, overlaps, pathFlavour } from '../../../engine/scenario/paths';

describe('pathFlavour', () => {
  it.each([
    ['C:\\Data', 'windows'],
    ['c:\\data', 'windows'],
    ['D:/Data/Sub', 'windows'],
    ['C:\\', 'windows'],
    ['\\\\server\\share', 'windows'],
    ['\\\\server\\share\\dir\\sub', 'windows'],
    ['\\\\server/share', 'windows'],
    ['/', 'posix'],
    ['/srv/data', 'posix'],
    ['/srv/data/', 'posix'],
  ] as const)('%s is an absolute %s path', (path, flavour) => {
    expect(pathFlavour(path)).toBe(flavour);
  });

  it.each([
    ['data'],
    ['data/sub'],
    ['.\\data'],
    ['./data'],
    ['..\\data'],
    ['C:'],
    ['C:Data'],
    ['\\Data'],
    ['\\\\server'],
    ['\\\\server\\'],
    [''],
    ['~/data'],
  ])('%j is not an absolute path', (path) => {
    expect(pathFlavour(path)).toBeUndefined();
  });
});

describe('hasParentSegment', () => {
  it.each([
    ['C:\\Data\\..\\Windows', true],
    ['C:\\Data\\..', true],
    ['/srv/../etc', true],
    ['/srv/data/..', true],
    ['..', true],
    ['../data', true],
    ['\\\\server\\share\\..\\other', true],
    ['C:/Data\\../x', true],
    ['C:\\Data', false],
    ['C:\\Data..', false],
    ['C:\\..Data', false],
    ['/srv/...', false],
    ['/srv/./data', false],
    ['/srv/data.old', false],
  ])('%j → %s', (path, expected) => {
    expect(hasParentSegment(path)).toBe(expected);
  });
});

describe('comparablePath', () => {
  it.each([
    // Windows drive paths: forward slashes, case folded, trailing separators dropped.
    ['C:\\Data', 'c:/data'],
    ['C:\\Data\\', 'c:/data'],
    ['c:/DATA/', 'c:/data'],
    ['C:\\Data\\\\Sub', 'c:/data/sub'],
    ['C:\\.\\Data\\.\\Sub\\.', 'c:/data/sub'],
    ['C:\\', 'c:'],
    ['C:/', 'c:'],
    // UNC paths keep their double leading slash and are case folded.
    ['\\\\Server\\Share', '//server/share'],
    ['\\\\Server\\Share\\Dir\\', '//server/share/dir'],
    ['\\\\server/share/dir', '//server/share/dir'],
    // POSIX paths keep their case.
    ['/', '/'],
    ['/srv/Data', '/srv/Data'],
    ['/srv/Data/', '/srv/Data'],
    ['/srv//Data///', '/srv/Data'],
    ['/srv/./Data/.', '/srv/Data'],
    // Relative paths have no leading slash and keep their case.
    ['Data\\Sub', 'Data/Sub'],
    ['./Data/', 'Data'],
  ])('%j → %j', (path, expected) => {
    expect(comparablePath(path)).toBe(expected);
  });
});

describe('isSameOrInside', () => {
  it.each([
    // Same directory, spelled differently.
    ['C:\\Data', 'C:\\Data'],
    ['C:\\Data\\', 'C:\\Data'],
    ['c:\\data', 'C:\\DATA'],
    ['C:/Data', 'C:\\Data\\'],
    ['C:\\.\\Data', 'C:\\Data'],
    ['\\\\SERVER\\Share', '\\\\server\\share\\'],
    ['/srv/data/', '/srv/data'],
    ['/srv/./data', '/srv/data'],
    // Below it.
    ['C:\\Data\\Sub', 'C:\\Data'],
    ['C:\\DATA\\Sub\\Deeper', 'c:\\data'],
    ['C:\\Data', 'C:\\'],
    ['\\\\server\\share\\dir', '\\\\server\\share'],
    ['/srv/data/sub', '/srv/data'],
    ['/srv/data', '/'],
    ['/', '/'],
    ['Data/Sub', 'Data'],
  ])('%j is the same as or inside %j', (inner, outer) => {
    expect(isSameOrInside(inner, outer)).toBe(true);
  });

  it.each([
    // The outer one is inside the inner one, not the other way round.
    ['C:\\Data', 'C:\\Data\\Sub'],
    ['/srv', '/srv/data'],
    // Sibling prefixes are not parents.
    ['C:\\Data2', 'C:\\Data'],
    ['C:\\Data2\\Sub', 'C:\\Data'],
    ['C:\\Database', 'C:\\Data'],
    ['/srv/data2', '/srv/data'],
    ['/srv/data-old/x', '/srv/data'],
    ['\\\\server\\share2', '\\\\server\\share'],
    // Other drives, servers and flavours.
    ['D:\\Data', 'C:\\Data'],
    ['\\\\other\\share\\dir', '\\\\server\\share'],
    ['/Data', 'C:\\Data'],
    ['C:\\Data', '/Data'],
    // POSIX is case-sensitive.
    ['/srv/Data/sub', '/srv/data'],
    ['/SRV/data', '/srv/data'],
  ])('%j is not inside %j', (inner, outer) => {
    expect(isSameOrInside(inner, outer)).toBe(false);
  });
});

describe('overlaps', () => {
  it.each([
    ['C:\\Data', 'C:\\Data', true],
    ['C:\\Data', 'C:\\Data\\Sub', true],
    ['C:\\Data\\Sub', 'C:\\Data', true],
    ['C:\\data\\sub', 'c:\\DATA', true],
    ['C:\\', 'D:\\', false],
    ['C:\\', 'C:\\Anything', true],
    ['C:\\Data', 'C:\\Data2', false],
    ['C:\\Data2', 'C:\\Data', false],
    ['C:\\Data\\', 'C:\\Data2\\', false],
    ['C:\\Data\\A', 'C:\\Data\\B', false],
    ['\\\\server\\share', '\\\\SERVER\\SHARE\\dir', true],
    ['\\\\server\\share', '\\\\server\\share2', false],
    ['\\\\server\\share', 'C:\\share', false],
    ['/srv/data', '/srv/data/sub', true],
    ['/srv/data/', '/srv/data', true],
    ['/srv/data', '/srv/data2', false],
    ['/srv/data', '/srv/Data', false],
    ['/srv/data', '/', true],
    ['/srv/./data/.', '/srv/data/sub', true],
    ['/data', 'C:\\data', false],
  ])('%j and %j → %s (in either order)', (a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });
});

describe('POSIX names with a backslash', () => {
  it('a backslash is part of a POSIX folder name, not a separator', () => {
    expect(isSameOrInside('/srv/a\\b', '/srv/a')).toBe(false);
    expect(comparablePath('/srv/a\\b')).toBe('/srv/a\\b');
    expect(hasParentSegment('/srv/..\\x')).toBe(false);
  });

  it('on Windows both separators count', () => {
    expect(isSameOrInside('C:\\Data/Sub', 'c:/data')).toBe(true);
  });
});
