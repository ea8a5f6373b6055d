import { describe, expect, it } from 'vitest';
import { missingSessionWarning, sessionPropertyRows } from '../../renderer/src/windows/restore-manager/session-properties';
import { sessionInfo } from './restore-fixtures';

describe('the session properties', () => {
  it('show the session, its scenario, media, counts, encryption and whether it is on its device', () => {
    const rows = Object.fromEntries(sessionPropertyRows(sessionInfo(3, {}, true)));
    expect(rows).toMatchObject({
      Session: '3',
      Scenario: 'Payroll (FileServer)',
      Entity: 'Volume /srv/payroll',
      Media: 'BACKUP-2026-11-26-0001',
      'Media ID': 'm1',
      Files: '12',
      Data: '121 KB',
      Compression: 'gzip',
      'Present on device': 'yes',
    });
    expect(rows.Encrypted).toMatch(/^yes/);
  });

  it('warn with E3371 when the session file is not on its device', () => {
    expect(missingSessionWarning(sessionInfo(3))).toBeUndefined();
    const warning = missingSessionWarning(sessionInfo(3, { present: false }));
    expect(warning).toMatchObject({ code: 'E3371', module: 'Restore task' });
    expect(warning?.message).toContain('session 3');
    expect(warning?.message).toContain('BACKUP-2026-11-26-0001');
  });
});
