import { describe, expect, it } from 'vitest';
import { entityOf, joinMasterPath, volumeOf } from '../../../engine/backup/entities';

describe('entities a backup groups its sessions by', () => {
  it.each<[Parameters<typeof entityOf>, string]>([
    [['FileServer', 'C:\\Shares\\Finance', 'q1/ledger.xlsx'], 'Volume C:'],
    [['FileServer', 'd:\\data', 'a.txt'], 'Volume D:'],
    [['FileServer', '\\\\nas01\\public\\docs', 'a.txt'], 'Volume \\\\nas01\\public'],
    [['FileServer', '/srv/finance', 'reports/q1.csv'], 'Volume /srv/finance'],
    [['SQLServer', 'D:\\SQLData', 'Payroll.mdf'], 'Database Payroll'],
    [['SQLServer', 'D:\\SQLData', 'logs/Payroll_log.ldf'], 'Database Payroll'],
    [['SQLServer', 'D:\\SQLData', 'Payroll_2.ndf'], 'Database Payroll'],
    [['SQLServer', 'D:\\SQLData', 'readme.txt'], 'Volume D:'],
    [['Exchange', 'E:\\Exchsrvr', 'First Storage Group/priv1.edb'], 'Storage group E:\\Exchsrvr\\First Storage Group'],
    [['Exchange', 'E:\\Exchsrvr', 'First Storage Group/E0000001.log'], 'Storage group E:\\Exchsrvr\\First Storage Group'],
    [['Exchange', 'E:\\Exchsrvr', 'notes.txt'], 'Volume E:'],
  ])('%j → %s', (args, expected) => {
    expect(entityOf(...args)).toBe(expected);
  });

  it('joins Master paths in the root’s own style', () => {
    expect(joinMasterPath('C:\\Data\\', 'a/b.txt')).toBe('C:\\Data\\a\\b.txt');
    expect(joinMasterPath('/srv/data', 'a/b.txt')).toBe('/srv/data/a/b.txt');
    expect(joinMasterPath('/srv/data', '')).toBe('/srv/data');
    expect(volumeOf('/srv')).toBe('/srv');
  });
});
