import { describe, expect, it } from 'vitest';
import { NO_SCOPE, parseRewindScope, scopeFolder, type RewindScopeForm } from '../../renderer/src/windows/replication-manager/rewind-scope';

const ROOTS = ['/srv/finance', 'D:\\Data'];
const on = (root: string, path: string): RewindScopeForm => ({ enabled: true, root, path });

describe('"Only files under" → the rewind scope', () => {
  it.each<[RewindScopeForm, object]>([
    [NO_SCOPE, { ok: true, scope: undefined }],
    [{ ...NO_SCOPE, path: 'ignored while off' }, { ok: true, scope: undefined }],
    [on('0', ''), { ok: true, scope: { root: 0, path: '' } }],
    [on('0', 'reports/q1'), { ok: true, scope: { root: 0, path: 'reports/q1' } }],
    [on('0', ' reports//q1/ '), { ok: true, scope: { root: 0, path: 'reports/q1' } }],
    [on('0', './reports'), { ok: true, scope: { root: 0, path: 'reports' } }],
    [on('0', '/srv/finance/reports/q1'), { ok: true, scope: { root: 0, path: 'reports/q1' } }],
    [on('0', '/srv/finance'), { ok: true, scope: { root: 0, path: '' } }],
    [on('1', 'Ledgers\\2026'), { ok: true, scope: { root: 1, path: 'Ledgers/2026' } }],
    [on('1', 'd:\\data\\Ledgers'), { ok: true, scope: { root: 1, path: 'Ledgers' } }],
    [on('0', '/srv/other'), { ok: false, error: 'Enter a folder inside /srv/finance.' }],
    [on('1', 'C:\\Data\\x'), { ok: false, error: 'Enter a folder inside D:\\Data.' }],
    [on('0', 'reports/../../etc'), { ok: false, error: 'Enter a folder inside /srv/finance (without "..").' }],
    [on('2', ''), { ok: false, error: 'Choose one of the scenario’s root directories.' }],
    [on('x', ''), { ok: false, error: 'Choose one of the scenario’s root directories.' }],
  ])('%j → %j', (form, parsed) => {
    expect(parseRewindScope(form, ROOTS)).toEqual(parsed);
  });

  it('names the folder in the confirmation as the Master writes it', () => {
    expect(scopeFolder(undefined, ROOTS)).toBeUndefined();
    expect(scopeFolder({ root: 1, path: 'Ledgers/2026' }, ROOTS)).toBe('D:\\Data\\Ledgers\\2026');
    expect(scopeFolder({ root: 0, path: '' }, ROOTS)).toBe('/srv/finance');
  });
});
