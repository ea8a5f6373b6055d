import { afterEach, describe, expect, it } from 'vitest';
import { CatalogRefusalError } from '../../../../engine/backup/catalog/refusals';
import { fileServerEntities, registrationOf } from '../../../../engine/backup/catalog/registration';
import { ScenarioSchema } from '../../../../engine/scenario/model';
import { removeTempDirs } from '../../../helpers/temp-dir';
import { closeTestCatalogs, fileServerRegistration, openTestCatalog } from './catalog-fixture';

afterEach(() => {
  closeTestCatalogs();
  removeTempDirs();
});

function refusalOf(action: () => unknown): CatalogRefusalError {
  try {
    action();
  } catch (error) {
    if (error instanceof CatalogRefusalError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('RegisteredScenarios', () => {
  it('registers a scenario with its Master, Replicas, entities and mode, and logs it once', () => {
    const { catalog, clock } = openTestCatalog();
    const { scenario, change } = catalog.scenarios.register(fileServerRegistration());
    expect(change).toBe('registered');
    expect(scenario).toEqual({ ...fileServerRegistration(), source: 'scenario', registeredAt: clock.now().toISOString(), updatedAt: clock.now().toISOString(), removedAt: null });
    expect(catalog.scenarios.list()).toEqual([scenario]);

    clock.advance(60_000);
    expect(catalog.scenarios.register(fileServerRegistration()).change).toBe('unchanged');
    const entries = catalog.activity.entries({ runId: null, limit: 10 });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      type: 'Information',
      scenarioName: 'Finance shares',
      message: 'Scenario "Finance shares" registered for backup (FileServer; Master fs01 → Replica dr01; 2 entities; suspend mode)',
    });
  });

  it('an edited scenario updates its record, keeps its registration time and says what changed', () => {
    const { catalog, clock } = openTestCatalog();
    const first = catalog.scenarios.register(fileServerRegistration()).scenario;
    clock.advance(3_600_000);
    const edited = fileServerRegistration({
      name: 'Finance',
      mode: 'assured-recovery',
      replicas: [...fileServerRegistration().replicas, { id: 'replica-2', host: 'dr02', port: 25000, target: '/replicas/fs01' }],
    });
    const { scenario, change } = catalog.scenarios.register(edited);
    expect(change).toBe('updated');
    expect(scenario.registeredAt).toBe(first.registeredAt);
    expect(scenario.updatedAt).toBe(clock.now().toISOString());
    expect(scenario.replicas.map((replica) => replica.host)).toEqual(['dr01', 'dr02']);
    expect(catalog.activity.entries({ runId: null, limit: 10 })[1]?.message).toBe(
      'Scenario "Finance" registration updated: name "Finance shares" → "Finance", Replicas, mode suspend → Assured Recovery',
    );
  });

  it('unregistering keeps the record, marked removed, out of the list and out of new jobs (E3370)', () => {
    const { catalog } = openTestCatalog();
    catalog.scenarios.register(fileServerRegistration());
    const removed = catalog.scenarios.unregister('scenario-fs');
    expect(removed.removedAt).not.toBeNull();
    expect(catalog.scenarios.list()).toEqual([]);
    expect(catalog.scenarios.list({ includeRemoved: true }).map((scenario) => scenario.id)).toEqual(['scenario-fs']);
    expect(catalog.activity.entries({ runId: null, limit: 10 }).map((entry) => entry.message)).toContain(
      'Scenario "Finance shares" unregistered: it was removed from replication',
    );

    const group = catalog.devices.createGroup('Disks');
    const refusal = refusalOf(() =>
      catalog.jobs.create({ name: 'Nightly', scenarioIds: ['scenario-fs'], deviceGroupId: group.id, schedule: { kind: 'daily', time: '22:00' }, owner: 'admin' }),
    );
    expect(refusal.code).toBe('E3370');
    expect(refusal.refusal).toEqual({ kind: 'scenario-not-registered', scenarioId: 'scenario-fs' });

    // Running it again registers it anew.
    expect(catalog.scenarios.register(fileServerRegistration()).change).toBe('registered');
    expect(catalog.scenarios.get('scenario-fs')?.removedAt).toBeNull();
  });

  it('a record damaged outside the app is E3370 when read, left out of the list, and replaced by the next registration', () => {
    const { catalog, db } = openTestCatalog();
    catalog.scenarios.register(fileServerRegistration());
    catalog.scenarios.register(fileServerRegistration({ id: 'scenario-2', name: 'Second' }));
    db.prepare(`UPDATE registered_scenarios SET master_roots = 'not json' WHERE id = 'scenario-fs'`).run();
    expect(refusalOf(() => catalog.scenarios.get('scenario-fs')).code).toBe('E3370');
    expect(catalog.scenarios.list().map((scenario) => scenario.id)).toEqual(['scenario-2']);
    expect(catalog.scenarios.register(fileServerRegistration()).change).toBe('registered');
    expect(catalog.scenarios.get('scenario-fs')?.master.roots).toEqual(['C:\\Finance', 'D:\\Shares']);
  });

  it('unregistering an unknown scenario is refused with E3370', () => {
    const { catalog } = openTestCatalog();
    expect(refusalOf(() => catalog.scenarios.unregister('nope')).code).toBe('E3370');
  });
});

describe('registrationOf', () => {
  const scenario = ScenarioSchema.parse({
    id: 's1',
    name: 'Files',
    type: 'FileServer',
    group: 'Scenarios',
    master: { host: 'fs01', port: 25000, roots: ['C:\\Data', 'c:\\Shares', 'D:\\Projects'] },
    replicas: [{ id: 'r1', host: 'dr01', port: 25000, target: 'E:\\Replica' }],
    status: { state: 'running', since: '2026-11-26T09:00:00.000Z' },
    options: { backupEnabled: true },
    createdAt: '2026-11-26T09:00:00.000Z',
    updatedAt: '2026-11-26T09:00:00.000Z',
  });

  it('makes one FileServer entity per Master volume, and takes the mode from the options', () => {
    expect(registrationOf(scenario)).toEqual({
      id: 's1',
      name: 'Files',
      type: 'FileServer',
      master: { host: 'fs01', port: 25000, roots: ['C:\\Data', 'c:\\Shares', 'D:\\Projects'] },
      replicas: [{ id: 'r1', host: 'dr01', port: 25000, target: 'E:\\Replica' }],
      entities: [
        { name: 'Volume C:', masterPaths: ['C:\\Data', 'c:\\Shares'] },
        { name: 'Volume D:', masterPaths: ['D:\\Projects'] },
      ],
      mode: 'suspend',
    });
    expect(registrationOf({ ...scenario, options: { ...scenario.options, arEnabled: true } }).mode).toBe('assured-recovery');
    expect(registrationOf({ ...scenario, options: { ...scenario.options, backupAllowSuspend: false } }).mode).toBe('none');
  });

  it('takes SQLServer entities from discovery', () => {
    const sql = { ...scenario, type: 'SQLServer' as const };
    expect(registrationOf(sql).entities).toEqual([]);
    const discovered = [{ name: 'Database Payroll', masterPaths: ['D:\\SQL\\Payroll.mdf', 'D:\\SQL\\Payroll_log.ldf'] }];
    expect(registrationOf(sql, discovered).entities).toEqual(discovered);
  });

  it('POSIX roots are one entity each', () => {
    expect(fileServerEntities(['/srv/a', '/srv/b'])).toEqual([
      { name: 'Volume /srv/a', masterPaths: ['/srv/a'] },
      { name: 'Volume /srv/b', masterPaths: ['/srv/b'] },
    ]);
  });
});
