import { describe, expect, it } from 'vitest';
import { rootSubdirectory as engineRootSubdirectory } from '../../engine/replication/root-mapping';
import { childPath, isWithin, replicaLocation, rootSubdirectory, separatorOf } from '../../renderer/src/windows/replication-manager/directory-paths';

describe('paths on the Master and Replica hosts', () => {
  it.each([
    ['/srv/data', '/'],
    ['/', '/'],
    ['C:\\Data', '\\'],
    ['d:/mixed', '\\'],
    ['\\\\fs01\\share', '\\'],
    ['relative\\path', '/'],
  ])('%s is written with "%s"', (path, separator) => {
    expect(separatorOf(path)).toBe(separator);
  });

  it.each([
    ['/srv/data', 'a.txt', '/srv/data/a.txt'],
    ['/srv/data/', 'a.txt', '/srv/data/a.txt'],
    ['/', 'srv', '/srv'],
    ['C:\\Data', 'a.txt', 'C:\\Data\\a.txt'],
    ['C:\\', 'Data', 'C:\\Data'],
    ['\\\\fs01\\share\\', 'x', '\\\\fs01\\share\\x'],
    ['/srv/data', '', '/srv/data/'],
  ])('%s + %s = %s', (parent, name, path) => {
    expect(childPath(parent, name)).toBe(path);
  });

  it.each([
    ['/srv/data', '/srv/data', true],
    ['/srv/data/a/b', '/srv/data', true],
    ['/srv/database', '/srv/data', false],
    ['/srv', '/srv/data', false],
    ['/anything', '/', true],
    ['C:\\Data\\x', 'C:\\Data', true],
    ['C:\\Data2', 'C:\\Data', false],
  ])('%s within %s: %s', (path, folder, within) => {
    expect(isWithin(path, folder)).toBe(within);
  });
});

describe('where a Master root lands on a Replica', () => {
  const roots = ['/srv/data', '/srv//data/./x/', 'C:\\Data', 'c:/Data/Sub', 'D:\\', '\\\\fs01\\share\\x', '/', 'relative/dir'];

  it.each(roots)('%s maps to the same segments as the engine', (root) => {
    expect(rootSubdirectory(root)).toEqual(engineRootSubdirectory(root));
  });

  it.each([
    ['/replicas/finance', '/srv/data', '/replicas/finance/srv/data'],
    ['/replicas/finance/', '/srv/data', '/replicas/finance/srv/data'],
    ['/replicas/finance', '/', '/replicas/finance'],
    ['E:\\Replicas\\Payroll', 'D:\\SQLData', 'E:\\Replicas\\Payroll\\D\\SQLData'],
    ['E:\\Replicas', '\\\\fs01\\share\\x', 'E:\\Replicas\\fs01\\share\\x'],
    ['/replicas', 'C:\\Data', '/replicas/C/Data'],
    ['E:\\Replicas', '/srv/data', 'E:\\Replicas\\srv\\data'],
  ])('target %s, root %s → %s', (target, root, location) => {
    expect(replicaLocation(target, root)).toBe(location);
  });
});
