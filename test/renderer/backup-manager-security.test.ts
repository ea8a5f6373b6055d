import { describe, expect, it } from 'vitest';
import type { JobHost } from '../../renderer/src/windows/backup-manager/backup-types';
import { credentialsToSend, hostsMissingCredentials, passwordStatus, replicasToAskFor, rowUser } from '../../renderer/src/windows/backup-manager/security-rows';

const row = (role: JobHost['role'], host: string, needsCredentials: boolean, storedUser: string | null = null, scenarioId = 's1'): JobHost => ({
  scenarioId,
  scenarioName: scenarioId === 's1' ? 'Payroll' : 'Mail',
  role,
  host,
  needsCredentials,
  storedUser,
});

const local = row('Master', 'localhost', false);
const stored = row('Replica', 'records-01', true, 'admin');
const unknown = row('Replica', 'records-02', true);
const typed = { 'records-02': { host: 'records-02', user: 'backup', password: 'secret' } };

describe('Security and Agent Information rows', () => {
  it.each([
    ['this machine', local, {}, 'not needed (this machine)', '—'],
    ['stored credentials', stored, {}, 'stored', 'admin'],
    ['nothing held', unknown, {}, 'required', '—'],
    ['credentials typed', unknown, typed, 'entered', 'backup'],
    ['typed over stored', { ...stored, host: 'records-02' }, typed, 'entered', 'backup'],
  ] as const)('%s: password %s', (_case, host, given, status, user) => {
    expect(passwordStatus(host, given)).toBe(status);
    expect(rowUser(host, given)).toBe(user);
  });

  it('asks for each host still required once, even when two scenarios share it', () => {
    const rows = [local, unknown, row('Master', 'localhost', false, null, 's2'), row('Replica', 'records-02', true, null, 's2'), stored];
    expect(hostsMissingCredentials(rows, {})).toEqual(['records-02']);
    expect(hostsMissingCredentials(rows, typed)).toEqual([]);
  });

  it('sends only the credentials typed for hosts of the job that need them', () => {
    const extra = { ...typed, localhost: { host: 'localhost', user: 'x', password: 'y' }, elsewhere: { host: 'elsewhere', user: 'x', password: 'y' } };
    expect(credentialsToSend([local, unknown, stored], extra)).toEqual([typed['records-02']]);
  });
});

describe('expanding a scenario', () => {
  it('asks only for Replica agents that need credentials the manager does not hold', () => {
    expect(replicasToAskFor([local, stored])).toEqual([]);
    expect(replicasToAskFor([row('Master', 'hq-01', true), unknown, unknown])).toEqual(['records-02']);
  });
});
