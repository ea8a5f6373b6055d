import { describe, expect, it } from 'vitest';
import { folderItem, isChosenFolder, placeScenario, type FolderPlace } from '../../renderer/src/windows/restore-manager/folder-place';
import type { TreeVolume } from '../../renderer/src/windows/restore-manager/restore-types';

const volume = (type: TreeVolume['type']): TreeVolume => ({ scenarioId: 's1', scenarioName: 'Payroll', type, entity: 'Volume /srv/payroll', roots: ['/srv/payroll'] });
const bySession = (type = 'FileServer'): FolderPlace => ({ kind: 'session', session: 3, scenario: { id: 's1', name: 'Payroll', type } });
const byTree = (type: TreeVolume['type'] = 'FileServer'): FolderPlace => ({ kind: 'tree', host: 'files01', volume: volume(type) });

describe('a folder node of either Source tree', () => {
  it.each<[string, FolderPlace]>([
    ['by Session', bySession()],
    ['by Tree', byTree()],
  ])('%s names its scenario as marks do', (_view, place) => {
    expect(placeScenario(place)).toEqual({ scenarioId: 's1', scenarioName: 'Payroll', type: 'FileServer' });
  });

  it.each<[string, FolderPlace, number | undefined, boolean]>([
    ['a FileServer folder of a session', bySession(), 3, true],
    ['a SQLServer folder of a session', bySession('SQLServer'), 3, false],
    ['a FileServer folder by Tree, its latest session known', byTree(), 5, true],
    ['a FileServer folder by Tree, its session not known yet', byTree(), undefined, false],
    ['an Exchange folder by Tree', byTree('Exchange'), 5, false],
  ])('%s has a check box: %s', (_name, place, session, markable) => {
    expect(folderItem(place, '/srv/payroll/march', session)).toEqual(markable ? { session, path: '/srv/payroll/march', scenarioId: 's1', scenarioName: 'Payroll' } : undefined);
  });

  it('is chosen only in the tree of its own view, by its session or host and path', () => {
    const chosen = { sessionNode: { kind: 'folder', session: 3, path: '/srv/payroll' }, treeNode: { kind: 'folder', host: 'files01', path: '/srv/payroll/march', volume: volume('FileServer') } } as const;
    expect(isChosenFolder(chosen, bySession(), '/srv/payroll')).toBe(true);
    expect(isChosenFolder(chosen, bySession(), '/srv/payroll/march')).toBe(false);
    expect(isChosenFolder(chosen, { ...bySession(), session: 4 } as FolderPlace, '/srv/payroll')).toBe(false);
    expect(isChosenFolder(chosen, byTree(), '/srv/payroll/march')).toBe(true);
    expect(isChosenFolder(chosen, byTree(), '/srv/payroll')).toBe(false);
    expect(isChosenFolder({ sessionNode: undefined, treeNode: undefined }, byTree(), '/srv/payroll/march')).toBe(false);
  });
});
