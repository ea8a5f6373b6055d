import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_REPLICATION_OPTIONS } from '../../../engine/scenario/options';
import { openCatalog } from '../../../engine/catalog/open-catalog';
import type { Clock } from '../../../engine/clock';
import { createEngine, type Engine } from '../../../engine/engine';
import { UserError } from '../../../engine/messages/user-error';
import type { ScenarioDraft } from '../../../engine/scenario/model';
import type { ScenarioChange } from '../../../engine/scenario/scenario-store';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const CREATED_AT = '2025-03-04T05:06:07.089Z';

const fixedClock: Clock = { now: () => new Date(CREATED_AT) };
const engines: Engine[] = [];

function startEngine(dir: string): Engine {
  const engine = createEngine({ catalog: openCatalog(dir), clock: fixedClock, hostName: 'manager-host' });
  engines.push(engine);
  return engine;
}

function stop(engine: Engine): void {
  engines.splice(engines.indexOf(engine), 1);
  engine.close();
}

function draft(overrides: Partial<ScenarioDraft> = {}): ScenarioDraft {
  return {
    name: 'Accounts',
    type: 'FileServer',
    master: { host: 'fs01', roots: ['C:\\Data', '\\\\nas\\share\\finance'] },
    replicas: [
      { host: 'fs02', target: 'D:\\Replica\\Accounts' },
      { host: 'fs03', target: '/srv/replica/accounts' },
    ],
    ...overrides,
  };
}

function thrownBy(action: () => unknown): UserError {
  try {
    action();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

afterEach(() => {
  for (const engine of engines.splice(0)) engine.close();
  removeTempDirs();
});

describe('ScenarioStore', () => {
  it('a created scenario survives closing and reopening the catalog with identical fields', () => {
    const dir = tempDir();
    const first = startEngine(dir);
    const created = first.scenarios.create(draft());
    stop(first);

    const second = startEngine(dir);
    expect(second.scenarios.list()).toEqual([created]);
    expect(second.scenarios.get(created.id)).toEqual(created);
  });

  it('a created scenario has trimmed values, the default group and port, a stopped status and uuid ids', () => {
    const engine = startEngine(tempDir());
    const created = engine.scenarios.create({
      name: '  Accounts  ',
      type: 'SQLServer',
      master: { host: ' FS01 ', roots: ['  C:\\Data  '] },
      replicas: [{ host: '\tfs02\n', target: ' D:\\Replica ' }],
    });
    expect(created).toEqual({
      id: expect.stringMatching(UUID),
      name: 'Accounts',
      type: 'SQLServer',
      group: 'Scenarios',
      master: { host: 'FS01', port: 25000, roots: ['C:\\Data'] },
      replicas: [{ id: expect.stringMatching(UUID), host: 'fs02', port: 25000, target: 'D:\\Replica' }],
      status: { state: 'stopped', reason: 'created' },
      options: DEFAULT_REPLICATION_OPTIONS,
      createdAt: CREATED_AT,
      updatedAt: CREATED_AT,
    });
    expect(engine.scenarios.get(created.id)).toEqual(created);
  });

  it('every scenario and every Replica gets its own id', () => {
    const engine = startEngine(tempDir());
    const one = engine.scenarios.create(draft({ name: 'One' }));
    const two = engine.scenarios.create(draft({ name: 'Two' }));
    const ids = [one.id, two.id, ...one.replicas.map((replica) => replica.id), ...two.replicas.map((replica) => replica.id)];
    expect(new Set(ids).size).toBe(6);
  });

  it('lists scenarios by name, ignoring case', () => {
    const engine = startEngine(tempDir());
    for (const name of ['charlie', 'Alpha', 'bravo']) engine.scenarios.create(draft({ name }));
    expect(engine.scenarios.list().map((scenario) => scenario.name)).toEqual(['Alpha', 'bravo', 'charlie']);
  });

  it.each([['Accounts'], ['accounts'], ['  ACCOUNTS ']])('a duplicate name %j is rejected with E1001 on the name field', (name) => {
    const engine = startEngine(tempDir());
    engine.scenarios.create(draft());
    const error = thrownBy(() => engine.scenarios.create(draft({ name, replicas: [{ host: 'fs09', target: 'E:\\x' }] })));
    expect(error.code).toBe('E1001');
    expect(Object.keys(error.fields ?? {})).toEqual(['name']);
    expect(error.fields?.name).toContain(name.trim());
    expect(engine.scenarios.list()).toHaveLength(1);
  });

  it('an invalid draft is rejected with E1001 and its field errors, and nothing is stored or announced', () => {
    const dir = tempDir();
    const engine = startEngine(dir);
    const changes: ScenarioChange[] = [];
    engine.scenarios.onChange((change) => changes.push(change));
    const eventsBefore = engine.events.list({ limit: 100 });

    const error = thrownBy(() =>
      engine.scenarios.create(
        draft({
          master: { host: 'localhost', roots: ['C:\\Data'] },
          replicas: [{ host: '127.0.0.1', target: 'C:\\Data\\Copy' }],
        }),
      ),
    );
    expect(error.code).toBe('E1001');
    expect(error.fields).toEqual({
      'replicas.0.target': 'On the same host, the Replica target cannot be inside the Master root "C:\\Data" or contain it.',
    });
    expect(error.message).toContain('On the same host');
    expect(error.toInfo().fields).toEqual(error.fields);

    expect(engine.scenarios.list()).toEqual([]);
    expect(changes).toEqual([]);
    expect(engine.events.list({ limit: 100 })).toEqual(eventsBefore);
    const db = openCatalog(dir);
    expect(db.prepare('SELECT COUNT(*) FROM scenarios').pluck().get()).toBe(0);
    db.close();
  });

  it('a draft with no roots and no Replica reports both fields', () => {
    const engine = startEngine(tempDir());
    const error = thrownBy(() => engine.scenarios.create(draft({ master: { host: 'fs01', roots: [] }, replicas: [] })));
    expect(error.code).toBe('E1001');
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['master.roots', 'replicas']);
  });

  it('remove deletes the scenario; a second remove or a get gives E1002', () => {
    const dir = tempDir();
    const engine = startEngine(dir);
    const kept = engine.scenarios.create(draft({ name: 'Kept' }));
    const removed = engine.scenarios.create(draft({ name: 'Removed' }));

    engine.scenarios.remove(removed.id);
    expect(engine.scenarios.list()).toEqual([kept]);
    expect(thrownBy(() => engine.scenarios.get(removed.id)).code).toBe('E1002');
    const again = thrownBy(() => engine.scenarios.remove(removed.id));
    expect(again.code).toBe('E1002');
    expect(again.message).toContain(removed.id);
    stop(engine);

    const reopened = startEngine(dir);
    expect(reopened.scenarios.list()).toEqual([kept]);
  });

  it('a removed name can be used again', () => {
    const engine = startEngine(tempDir());
    const first = engine.scenarios.create(draft());
    engine.scenarios.remove(first.id);
    const second = engine.scenarios.create(draft({ name: 'ACCOUNTS' }));
    expect(second.id).not.toBe(first.id);
    expect(engine.scenarios.list().map((scenario) => scenario.name)).toEqual(['ACCOUNTS']);
  });

  it('each create and remove records an event for the scenario and fires onChange', () => {
    const engine = startEngine(tempDir());
    const changes: ScenarioChange[] = [];
    const unsubscribe = engine.scenarios.onChange((change) => changes.push(change));

    const created = engine.scenarios.create(draft());
    engine.scenarios.remove(created.id);
    expect(changes).toEqual([
      { change: 'created', id: created.id },
      { change: 'removed', id: created.id },
    ]);

    const events = engine.events.list({ limit: 10, scenarioId: created.id });
    expect(events.map((event) => [event.severity, event.text, event.host, event.time])).toEqual([
      ['info', 'Scenario "Accounts" removed', 'manager-host', CREATED_AT],
      ['info', 'Scenario "Accounts" created (FileServer; Master fs01 → Replica fs02, fs03)', 'manager-host', CREATED_AT],
    ]);

    unsubscribe();
    engine.scenarios.create(draft({ name: 'Other' }));
    expect(changes).toHaveLength(2);
  });

  it('a row whose definition was damaged in SQLite is skipped by list and reported once as an E1004 error event', () => {
    const dir = tempDir();
    const engine = startEngine(dir);
    const good = engine.scenarios.create(draft({ name: 'Good' }));
    const damaged = engine.scenarios.create(draft({ name: 'Damaged' }));
    const wrongShape = engine.scenarios.create(draft({ name: 'Wrong shape' }));

    // Damage done "outside the app", through a second connection to the same file.
    const db = openCatalog(dir);
    db.prepare('UPDATE scenarios SET definition = ? WHERE id = ?').run('{"id": "truncated', damaged.id);
    db.prepare('UPDATE scenarios SET definition = ? WHERE id = ?').run(JSON.stringify({ ...wrongShape, replicas: [] }), wrongShape.id);
    db.close();

    expect(engine.scenarios.list()).toEqual([good]);
    expect(engine.scenarios.list()).toEqual([good]);

    const errors = engine.events.list({ limit: 100 }).filter((event) => event.severity === 'error');
    expect(errors.map((event) => [event.code, event.scenarioId])).toEqual([
      ['E1004', wrongShape.id],
      ['E1004', damaged.id],
    ]);
    for (const event of errors) expect(event.text).toContain(event.scenarioId ?? 'missing');

    // get() on a damaged row does not report it a second time either.
    expect(thrownBy(() => engine.scenarios.get(damaged.id)).code).toBe('E1002');
    expect(engine.events.list({ limit: 100, scenarioId: damaged.id }).filter((event) => event.code === 'E1004')).toHaveLength(1);
  });

  it('a damaged record can still be removed, which frees its name', () => {
    const dir = tempDir();
    const engine = startEngine(dir);
    const damaged = engine.scenarios.create(draft({ name: 'Broken' }));
    const db = openCatalog(dir);
    db.prepare('UPDATE scenarios SET definition = ? WHERE id = ?').run('not json', damaged.id);
    db.close();

    expect(thrownBy(() => engine.scenarios.create(draft({ name: 'Broken' }))).code).toBe('E1001');
    engine.scenarios.remove(damaged.id);
    expect(engine.events.list({ limit: 1 })[0]?.text).toBe('Scenario "Broken" removed');
    expect(engine.scenarios.create(draft({ name: 'Broken' })).name).toBe('Broken');
  });
});
