import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { replicaTargetFor } from '../../../engine/replica/path-guard';
import { rootSubdirectory } from '../../../engine/replication/root-mapping';

describe('rootSubdirectory', () => {
  const cases: Array<[string, string, string[]]> = [
    ['Windows drive path', 'C:\\Data', ['C', 'Data']],
    ['lower-case drive, deeper path', 'd:\\Data\\Projects\\2024', ['d', 'Data', 'Projects', '2024']],
    ['drive path with forward slashes', 'C:/Data', ['C', 'Data']],
    ['drive path with mixed separators', 'C:\\Data/sub\\deeper', ['C', 'Data', 'sub', 'deeper']],
    ['drive root', 'C:\\', ['C']],
    ['bare drive', 'E:', ['E']],
    ['names with spaces', 'C:\\My Data\\Q1 reports', ['C', 'My Data', 'Q1 reports']],
    ['UNC path', '\\\\server\\share\\x', ['server', 'share', 'x']],
    ['UNC share root', '\\\\fs\\share', ['fs', 'share']],
    ['UNC path with forward slashes', '//server/share/x', ['server', 'share', 'x']],
    ['POSIX path', '/srv/data', ['srv', 'data']],
    ['POSIX root', '/', []],
    ['trailing backslash', 'C:\\Data\\', ['C', 'Data']],
    ['trailing slash', '/srv/data/', ['srv', 'data']],
    ['several trailing separators', '/srv/data//\\', ['srv', 'data']],
    ['trailing separator on a UNC share', '\\\\server\\share\\', ['server', 'share']],
    ['doubled separators inside', '/srv//data\\\\x', ['srv', 'data', 'x']],
    ['"." segments', '/srv/./data/.', ['srv', 'data']],
    ['"." segments in a Windows path', 'C:\\.\\Data\\.\\x', ['C', 'Data', 'x']],
    ['a colon after the drive letter is kept only as the drive', 'C:\\a', ['C', 'a']],
  ];

  it.each(cases)('%s: %j → %j', (_name, root, expected) => {
    expect(rootSubdirectory(root)).toEqual(expected);
  });

  it('distinct roots land in distinct subdirectories', () => {
    const roots = ['C:\\Data', 'D:\\Data', 'C:\\Data2', '\\\\fs\\share\\Data', '/srv/data', '/srv/data2'];
    const mapped = roots.map((root) => rootSubdirectory(root).join('/'));
    expect(new Set(mapped).size).toBe(roots.length);
  });

  it('keeps ".." segments so the path guard refuses such a root instead of climbing out of the target', () => {
    expect(rootSubdirectory('/srv/../etc')).toEqual(['srv', '..', 'etc']);
    expect(() => replicaTargetFor(path.join(path.sep, 'replica'), '/../etc')).toThrow();
  });
});
