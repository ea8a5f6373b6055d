import { describe, expect, it } from 'vitest';
import type { RegisteredScenario } from '../../../engine/backup/catalog/registration';
import { planRestore, type PlanSession } from '../../../engine/restore/restore-plan';
import { RestoreSpecSchema, type RestoreSpecInput } from '../../../engine/restore/restore-model';

const scenario: RegisteredScenario = {
  id: 'sc1',
  name: 'Files',
  type: 'FileServer',
  master: { host: 'fs01', port: 25000, roots: ['/srv/data', '/srv/data/archive', '/home'] },
  replicas: [{ id: 'r1', host: 'dr01', port: 25001, target: '/replica' }],
  entities: [],
  mode: 'suspend',
  source: 'scenario',
  registeredAt: '',
  updatedAt: '',
  removedAt: null,
};
const sessions = new Map<number, PlanSession>([
  [1, { number: 1, scenarioId: 'sc1', masterHost: 'fs01' }],
  [2, { number: 2, scenarioId: 'sc1', masterHost: 'fs01' }],
  [9, { number: 9, scenarioId: 'other', masterHost: 'fs02' }],
]);

function plan(input: Partial<RestoreSpecInput> & Pick<RestoreSpecInput, 'items'>, of: RegisteredScenario = scenario) {
  return planRestore(RestoreSpecSchema.parse({ scenarioId: 'sc1', destination: { kind: 'original' }, ...input }), of, sessions);
}

describe('restore plan', () => {
  it.each([
    ['Replica (default)', { kind: 'original' } as const, 'srv/data/a/b.txt', { root: '/replica/srv/data', relative: 'a/b.txt' }],
    ['Replica, nested root wins', { kind: 'original' } as const, 'srv/data/archive/x', { root: '/replica/srv/data/archive', relative: 'x' }],
    ['Master', { kind: 'original', to: 'master' } as const, 'home/ann/n.txt', { root: '/home', relative: 'ann/n.txt' }],
    ['alternate: the Master tree below the folder', { kind: 'alternate', host: 'lab', folder: '/tmp/r' } as const, 'srv/data/a/b.txt', { root: '/tmp/r', relative: 'srv/data/a/b.txt' }],
  ])('places a whole session entry: %s', (_name, destination, entry, expected) => {
    const restore = plan({ items: [{ session: 1, path: null }], destination });
    expect(restore.place(1, entry)).toEqual(expected);
    expect(restore.place(2, entry), 'session 2 was not selected').toBeUndefined();
  });

  it('selects a folder with everything below it, and nothing beside it', () => {
    const restore = plan({ items: [{ session: 2, path: '/srv/data/finance' }], destination: { kind: 'original', to: 'master' } });
    expect(restore.place(2, 'srv/data/finance')).toEqual({ root: '/srv/data', relative: 'finance' });
    expect(restore.place(2, 'srv/data/finance/q1.csv')).toEqual({ root: '/srv/data', relative: 'finance/q1.csv' });
    expect(restore.place(2, 'srv/data/finance2/q1.csv')).toBeUndefined();
    expect(restore.place(2, 'srv/data')).toBeUndefined();
    expect(restore.targets).toEqual([{ root: '/srv/data', paths: ['finance'] }]);
    expect({ host: restore.host, port: restore.port }).toEqual({ host: 'fs01', port: 25000 });
  });

  it('goes to the chosen Replica host and lists each root of a whole session as a target', () => {
    const restore = plan({ items: [{ session: 1, path: null }] });
    expect({ host: restore.host, port: restore.port }).toEqual({ host: 'dr01', port: 25001 });
    expect(restore.targets.map((target) => target.root).sort()).toEqual(['/replica/home', '/replica/srv/data', '/replica/srv/data/archive']);
  });

  it.each([
    ['an unknown session', { items: [{ session: 7, path: null }] }, 'E3382'],
    ['a session of another scenario', { items: [{ session: 9, path: null }] }, 'E3382'],
    ['a relative path', { items: [{ session: 1, path: 'srv/data' }] }, 'E3382'],
    ['an unknown Replica', { items: [{ session: 1, path: null }], destination: { kind: 'original' as const, replicaId: 'nope' } }, 'E3383'],
    ['a relative alternate folder', { items: [{ session: 1, path: null }], destination: { kind: 'alternate' as const, host: 'lab', folder: 'restores' } }, 'E3383'],
  ])('refuses %s', (_name, input, code) => {
    expect(() => plan(input)).toThrow(expect.objectContaining({ code }));
  });

  it('restores SQL Server and Exchange scenarios only as a whole', () => {
    const sql: RegisteredScenario = { ...scenario, type: 'SQLServer' };
    expect(() => plan({ items: [{ session: 1, path: '/srv/data/Payroll.mdf' }] }, sql)).toThrow(expect.objectContaining({ code: 'E3382' }));
    expect(plan({ items: [{ session: 1, path: null }] }, sql).place(1, 'srv/data/Payroll.mdf')).toEqual({ root: '/replica/srv/data', relative: 'Payroll.mdf' });
  });
});
