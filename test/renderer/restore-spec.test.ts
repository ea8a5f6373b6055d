import { describe, expect, it } from 'vitest';
import type { MarkedItem } from '../../renderer/src/windows/restore-manager/restore-selection';
import { buildSpec, checkStart, credentialHostRows, defaultJobName, isThisMachine, noCredentialsText, runAtInstant } from '../../renderer/src/windows/restore-manager/restore-spec';
import type { SessionInfo } from '../../renderer/src/windows/restore-manager/restore-types';
import { sessionInfo } from './restore-fixtures';

const mark = (session: number, path: string | null, scenarioId = 's1'): MarkedItem => ({ session, path, scenarioId, scenarioName: 'Payroll' });
const infos = (...list: SessionInfo[]): Map<number, SessionInfo> => new Map(list.map((info) => [info.session.number, info]));

describe('Start: whether the marks make one restore job', () => {
  it('needs at least one mark', () => {
    expect(checkStart([], infos())).toMatchObject({ ok: false, message: expect.stringContaining('Mark at least one') });
  });

  it('accepts files and folders of FileServer sessions of one scenario, and names the scenario', () => {
    expect(checkStart([mark(3, '/srv/payroll/a.csv'), mark(4, null)], infos(sessionInfo(3), sessionInfo(4)))).toEqual({ ok: true, scenarioId: 's1', scenarioName: 'Payroll', encrypted: false });
  });

  it('asks for the session password when a marked session is encrypted', () => {
    expect(checkStart([mark(3, null), mark(4, null)], infos(sessionInfo(3), sessionInfo(4, {}, true)))).toMatchObject({ ok: true, encrypted: true });
  });

  it('refuses sessions of two scenarios (as the catalog says, whatever the marks said)', () => {
    const other = sessionInfo(4, { scenario: { id: 's2', name: 'Mail', type: 'FileServer' } });
    expect(checkStart([mark(3, null), mark(4, null)], infos(sessionInfo(3), other))).toMatchObject({ ok: false, message: expect.stringContaining('"Mail"') });
  });

  it.each(['SQLServer', 'Exchange'])('refuses a folder or file of a %s session, and accepts the whole session', (type) => {
    const sql = sessionInfo(3, { scenario: { id: 's1', name: 'Finance DB', type } });
    expect(checkStart([mark(3, 'D:\\SQL\\Finance.mdf')], infos(sql))).toMatchObject({ ok: false, message: expect.stringContaining('only as a whole') });
    expect(checkStart([mark(3, null)], infos(sql))).toMatchObject({ ok: true });
  });

  it('refuses a session the catalog no longer has, or one that is not complete', () => {
    expect(checkStart([mark(3, null)], infos())).toMatchObject({ ok: false, message: expect.stringContaining('no longer in the catalog') });
    const base = sessionInfo(3);
    const failed: SessionInfo = { ...base, session: { ...base.session, state: 'failed', finishedAt: base.session.startedAt, failure: 'disk full' } };
    expect(checkStart([mark(3, null)], infos(failed))).toMatchObject({ ok: false, message: expect.stringContaining('failed backup') });
  });
});

describe('the restore spec', () => {
  it('carries the marked items, the destination and the continue option', () => {
    expect(buildSpec('s1', [mark(3, '/srv/a'), mark(4, null)], { kind: 'alternate', host: 'localhost', folder: '/tmp/r' }, { continueIfNotStopped: true })).toEqual({
      scenarioId: 's1',
      items: [
        { session: 3, path: '/srv/a' },
        { session: 4, path: null },
      ],
      destination: { kind: 'alternate', host: 'localhost', folder: '/tmp/r' },
      options: { continueIfNotStopped: true, timeoutSeconds: 180 },
    });
  });

  it('is named after its scenario by default', () => {
    expect(defaultJobName('Payroll')).toBe('Restore Payroll');
  });
});

describe('the Security and Agent Information rows', () => {
  it('puts each host on one row with all its roles; it asks for credentials when any role needs them', () => {
    expect(
      credentialHostRows([
        { host: 'files01', role: 'Master', needsCredentials: true },
        { host: 'localhost', role: 'Replica', needsCredentials: false },
        { host: 'files01', role: 'Destination', needsCredentials: false },
      ]),
    ).toEqual([
      { host: 'files01', roles: ['Master', 'Destination'], needsCredentials: true },
      { host: 'localhost', roles: ['Replica'], needsCredentials: false },
    ]);
  });

  it.each<[string, string | undefined, string]>([
    ['localhost', undefined, 'this machine — no credentials needed'],
    ['127.0.0.1', 'box', 'this machine — no credentials needed'],
    ['BOX', 'box', 'this machine — no credentials needed'],
    ['files01', 'box', 'credentials already held — none needed'],
  ])('a row for %s (this host %s) without fields says "%s"', (host, thisHost, text) => {
    expect(noCredentialsText(host, thisHost)).toBe(text);
  });

  it.each<[string, string | undefined, boolean]>([
    ['localhost', undefined, true],
    [' LocalHost ', undefined, true],
    ['::1', undefined, true],
    ['box', undefined, false],
    ['Box', 'box', true],
    ['files01', 'box', false],
  ])('Browse… on %j (this host %s) asks for no credentials: %s', (host, thisHost, local) => {
    expect(isThisMachine(host, thisHost)).toBe(local);
  });
});

describe('when the job runs', () => {
  it('runs now without a time', () => {
    expect(runAtInstant({ kind: 'now' })).toEqual({ ok: true, at: undefined });
  });

  it('runs at a local date and time, sent as an ISO instant', () => {
    expect(runAtInstant({ kind: 'at', local: '2026-11-26T22:30' })).toEqual({ ok: true, at: new Date(2026, 10, 26, 22, 30).toISOString() });
  });

  it.each(['', '2026-11-26', '2026-02-30T10:00', 'tomorrow'])('refuses "%s"', (local) => {
    expect(runAtInstant({ kind: 'at', local }).ok).toBe(false);
  });
});
