import { describe, expect, it } from 'vitest';
import { childPath, directoryKey, splitMasterPath } from '../../../../engine/backup/catalog/master-path';

describe('Master paths in the file catalog', () => {
  it.each([
    ['C:\\Finance\\q1.xlsx', 'C:\\Finance', 'q1.xlsx'],
    ['C:\\Finance', 'C:\\', 'Finance'],
    ['C:/Finance/Reports/', 'C:\\Finance', 'Reports'],
    ['d:\\\\Shares\\\\a.txt', 'd:\\Shares', 'a.txt'],
    ['\\\\fs01\\share\\dept\\a.txt', '\\\\fs01\\share\\dept', 'a.txt'],
    ['\\\\fs01\\share\\a.txt', '\\\\fs01\\share', 'a.txt'],
    ['/srv/data/a b.txt', '/srv/data', 'a b.txt'],
    ['/srv', '/', 'srv'],
    ['//srv//data/', '/srv', 'data'],
    ['/srv/back\\slash', '/srv', 'back\\slash'],
  ])('splits %j into %j and %j', (path, dir, name) => {
    expect(splitMasterPath(path)).toEqual({ dir, name });
    expect(childPath(dir, name)).toBe(directoryKey(path));
  });

  it.each(['C:\\', 'C:/', '/', '\\\\fs01\\share', '\\\\fs01\\share\\', 'relative\\path', ''])('refuses %j (a root or not absolute)', (path) => {
    expect(() => splitMasterPath(path)).toThrow();
  });

  it.each([
    ['C:\\', 'C:\\'],
    ['C:/', 'C:\\'],
    ['C:\\Data\\', 'C:\\Data'],
    ['/', '/'],
    ['/srv/', '/srv'],
    ['\\\\fs01\\share\\', '\\\\fs01\\share'],
  ])('keys directory %j as %j', (dir, key) => {
    expect(directoryKey(dir)).toBe(key);
  });
});
