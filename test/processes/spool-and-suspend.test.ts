import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import type { EngineProcess } from './helpers/engine-process';
import { replicaRoot, replicatingPair, useEngines } from './helpers/engine-fleet';
import { adminSession, masterStatus, newScenario, runScenario } from './helpers/manager-client';
import { waitForConvergence } from './helpers/tree-compare';

const engine = useEngines();

const synchronizations = (master: EngineProcess): number => master.log.split('\n').filter((line) => /Synchronization of Replica .* started/.test(line)).length;

describe('spool, suspend and several scenarios', () => {
  it('a suspended Replica gets nothing applied while the spool grows; Resume drains it without resynchronizing', async () => {
    const { master, root, target, scenario } = await replicatingPair(engine);
    const admin = await adminSession(master);
    const replicaId = scenario.replicas[0]?.replicaId ?? '';
    await admin.request('master.suspend', { scenarioId: scenario.scenarioId, replicaId });
    for (let i = 0; i < 20; i += 1) fs.writeFileSync(path.join(root, `while-suspended-${i}.txt`), `change ${i}`);
    await expect.poll(async () => (await masterStatus(master, scenario.scenarioId)).links[0]?.spoolRecords ?? 0, { timeout: 10_000 }).toBeGreaterThanOrEqual(20);
    expect((await masterStatus(master, scenario.scenarioId)).links[0]?.state).toBe('suspended');
    expect(fs.existsSync(path.join(replicaRoot(target, root), 'while-suspended-0.txt'))).toBe(false);
    await admin.request('master.resume', { scenarioId: scenario.scenarioId, replicaId });
    admin.close();
    await waitForConvergence(root, replicaRoot(target, root));
    await expect.poll(async () => (await masterStatus(master, scenario.scenarioId)).links[0]?.spoolRecords ?? -1, { timeout: 10_000 }).toBe(0);
    expect(synchronizations(master)).toBe(1);
  });

  it('past the spool limit a Replica raises Queue overflow (E1301) and is resynchronized, never left silently behind', async () => {
    const { master, replica, root, target } = await replicatingPair(engine, { spoolMaxBytes: 1024 * 1024 });
    await replica.stop();
    for (let i = 0; i < 12; i += 1) fs.writeFileSync(path.join(root, `big-${i}.bin`), Buffer.alloc(200 * 1024, i));
    await expect.poll(() => master.log, { timeout: 20_000 }).toMatch(/E1301 .*Queue overflow/);
    await replica.start();
    await waitForConvergence(root, replicaRoot(target, root));
    expect(synchronizations(master)).toBe(2);
  });

  it('one Master engine runs two scenarios to different Replicas independently', async () => {
    const master = await engine('master');
    const replica = await engine('replica');
    const roots = [tempDir('understudy-root-a-'), tempDir('understudy-root-b-')];
    const targets = [tempDir('understudy-target-a-'), tempDir('understudy-target-b-')];
    const scenarios = roots.map((root, index) => newScenario([root], [{ engine: replica, target: targets[index] ?? '' }]));
    for (const scenario of scenarios) await runScenario(master, scenario);
    roots.forEach((root, index) => fs.writeFileSync(path.join(root, `only-in-${index}.txt`), `scenario ${index}`));
    for (const [index, root] of roots.entries()) await waitForConvergence(root, replicaRoot(targets[index] ?? '', root));
    const admin = await adminSession(master);
    await admin.request('master.stop', { scenarioId: scenarios[0]?.scenarioId });
    admin.close();
    fs.writeFileSync(path.join(roots[1] ?? '', 'after-stop.txt'), 'still replicated');
    fs.writeFileSync(path.join(roots[0] ?? '', 'after-stop.txt'), 'not replicated: stopped');
    await waitForConvergence(roots[1] ?? '', replicaRoot(targets[1] ?? '', roots[1] ?? ''));
    expect(fs.existsSync(path.join(replicaRoot(targets[0] ?? '', roots[0] ?? ''), 'after-stop.txt'))).toBe(false);
  });
});
