import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../engine/engine';
import type { ScenarioControl } from '../../engine/manager/scenario-control';
import { createDispatch, createHandlers, type Dispatch } from '../../electron/api/handlers';
import { boot, type Booted } from '../../electron/boot';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';

let booted: Booted;
let engine: Engine;
let control: ScenarioControl;
let dispatch: Dispatch;
let internalErrors: unknown[];

const validDraft = {
  name: 'Payroll',
  type: 'SQLServer',
  master: { host: 'sql01', roots: ['D:\\SQLData'] },
  replicas: [{ host: 'dr01', target: 'E:\\Replicas\\Payroll' }],
};

beforeEach(async () => {
  booted = await boot({ dataDir: tempDir(), shell: 'console', version: '9.9.9', enginePort: 0, engineBind: '127.0.0.1' });
  engine = booted.engine;
  control = booted.replication.control;
  internalErrors = [];
  dispatch = createDispatch(createHandlers(engine, control, booted.replication.backup, { version: '9.9.9', shell: 'console', dataDir: '/data' }), (error) => internalErrors.push(error));
});

afterEach(async () => {
  await booted.shutdown();
  removeTempDirs();
});

describe('contract dispatch', () => {
  it('refuses an unknown channel with E1003', async () => {
    const result = await dispatch('scenario.format', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'E1003', module: 'Manager connection' } });
  });

  it('refuses a request of the wrong shape with E1003 naming the fields', async () => {
    const result = await dispatch('scenario.create', { name: 42, type: 'Oracle', master: {}, replicas: 'x' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('E1003');
    expect(Object.keys(result.error.fields ?? {})).toEqual(expect.arrayContaining(['name', 'type', 'master.host', 'replicas']));
  });

  it('returns E1001 with field errors for a draft that breaks the rules, and stores nothing', async () => {
    const result = await dispatch('scenario.create', { ...validDraft, name: ' ', master: { host: 'sql01', roots: ['relative\\path'] } });
    expect(result).toMatchObject({ ok: false, error: { code: 'E1001', fields: { name: expect.any(String), 'master.roots.0': expect.any(String) } } });
    expect(await dispatch('scenario.list', {})).toEqual({ ok: true, value: [] });
  });

  it('creates, gets, lists and removes a scenario through the contract', async () => {
    const created = await dispatch('scenario.create', validDraft);
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.value as { id: string }).id;
    expect(await dispatch('scenario.get', { id })).toMatchObject({ ok: true, value: { name: 'Payroll', type: 'SQLServer' } });
    expect(await dispatch('scenario.remove', { id })).toEqual({ ok: true, value: { id } });
    expect(await dispatch('scenario.get', { id })).toMatchObject({ ok: false, error: { code: 'E1002' } });
  });

  it('answers app.info with the shell and the engine host', async () => {
    expect(await dispatch('app.info', {})).toEqual({ ok: true, value: { version: '9.9.9', shell: 'console', dataDir: '/data', hostName: engine.hostName } });
  });

  it('turns an unexpected failure into E1099 without leaking it, and reports it', async () => {
    const broken = createDispatch(
      {
        ...createHandlers(engine, control, booted.replication.backup, { version: '1', shell: 'console', dataDir: '/data' }),
        'scenario.list': () => {
          throw new Error('disk on fire at /secret/path');
        },
      },
      (error) => internalErrors.push(error),
    );
    const result = await broken('scenario.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'E1099' } });
    expect(JSON.stringify(result)).not.toContain('/secret/path');
    expect(internalErrors).toHaveLength(1);
  });

  it('refuses to run a scenario whose Master root is missing (E1404) and leaves it stopped', async () => {
    const created = await dispatch('scenario.create', {
      name: 'Missing root',
      type: 'FileServer',
      master: { host: 'localhost', roots: [path.join(tempDir(), 'not-there')] },
      replicas: [{ host: 'localhost', target: tempDir() }],
    });
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.value as { id: string }).id;
    expect(await dispatch('scenario.run', { id, credentials: [] })).toMatchObject({ ok: false, error: { code: 'E1404', module: 'Capture' } });
    expect(await dispatch('scenario.get', { id })).toMatchObject({ ok: true, value: { status: { state: 'stopped' } } });
  });

  it('asks for engine credentials of other hosts before running (E1008)', async () => {
    const created = await dispatch('scenario.create', { ...validDraft, name: 'Remote' });
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.value as { id: string }).id;
    expect(await dispatch('scenario.needs-credentials', { id })).toEqual({ ok: true, value: ['sql01', 'dr01'] });
    expect(await dispatch('scenario.run', { id, credentials: [] })).toMatchObject({ ok: false, error: { code: 'E1008' } });
  });
});

describe('backup registration follows the scenario', () => {
  it('an edit updates a registered scenario, turning Backup off or removing the scenario unregisters it', async () => {
    const created = await dispatch('scenario.create', validDraft);
    if (!created.ok) throw new Error('not created');
    const scenario = created.value as { id: string };
    const options = { ...engine.scenarios.get(scenario.id).options, backupEnabled: true };
    booted.replication.backup.register(engine.scenarios.setOptions(scenario.id, options));
    expect(engine.backupCatalog.scenarios.get(scenario.id)?.mode).toBe('suspend');
    await dispatch('scenario.set-options', { id: scenario.id, options: { ...options, arEnabled: true, arVerifyCommand: 'true' } });
    expect(engine.backupCatalog.scenarios.get(scenario.id)?.mode).toBe('assured-recovery');
    await dispatch('scenario.set-options', { id: scenario.id, options: { ...options, backupEnabled: false } });
    expect(engine.backupCatalog.scenarios.get(scenario.id)?.removedAt).not.toBeNull();
    const messages = engine.backupCatalog.activity.entries({ runId: null, limit: 100 }).map((entry) => entry.message);
    expect(messages.some((message) => message.includes('Payroll'))).toBe(true);

    const other = await dispatch('scenario.create', { ...validDraft, name: 'Payroll archive' });
    if (!other.ok) throw new Error('not created');
    const otherId = (other.value as { id: string }).id;
    booted.replication.backup.register(engine.scenarios.setOptions(otherId, options));
    expect(engine.backupCatalog.scenarios.get(otherId)?.removedAt).toBeNull();
    await dispatch('scenario.remove', { id: otherId });
    expect(engine.backupCatalog.scenarios.get(otherId)?.removedAt).not.toBeNull();
  });
});
