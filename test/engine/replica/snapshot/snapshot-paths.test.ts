import { describe, expect, it } from 'vitest';
import { toRootPath } from '../../../../engine/replica/snapshot/snapshot-paths';

describe('snapshot paths are the Master paths of the scenario roots', () => {
  const roots = ['/srv/data', '/srv/data/db', 'D:\\Shares\\Finance'];
  it.each([
    ['/srv/data', { root: 0, relative: '' }],
    ['/srv/data/reports/q1.csv', { root: 0, relative: 'reports/q1.csv' }],
    ['/srv/data/db/main.mdf', { root: 1, relative: 'main.mdf' }],
    ['D:\\Shares\\Finance\\2026\\ledger.xlsx', { root: 2, relative: '2026/ledger.xlsx' }],
    ['/srv/database', undefined],
    ['/other', undefined],
  ])('%s', (masterPath, expected) => {
    expect(toRootPath(roots, masterPath)).toEqual(expected);
  });
});
