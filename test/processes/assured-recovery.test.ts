import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProtectionSettings } from '../../engine/replica/protection-settings';
import type { EngineProcess } from './helpers/engine-process';
import { replicaRoot, replicatingPair, useEngines, type ReplicatingPair } from './helpers/engine-fleet';
import { call, pollUntil, protection, ReplicaHandle, waitForQuiet } from './helpers/protection-client';
import { tempDir } from '../helpers/temp-dir';
import { treesEqual } from './helpers/tree-compare';

const engine = useEngines();

const synchronizations = (master: EngineProcess): number => master.log.split('\n').filter((line) => /Synchronization of Replica .* started/.test(line)).length;

/** What an application started on the Replica might do: create a file, delete one, append to another. */
const START = 'echo test > "$UNDERSTUDY_REPLICA_ROOT/ar-created.txt" && rm -f "$UNDERSTUDY_REPLICA_ROOT/victim.txt" && echo changed >> "$UNDERSTUDY_REPLICA_ROOT/docs/1.txt"';

function seedFiles(root: string): void {
  fs.writeFileSync(path.join(root, 'victim.txt'), 'deleted by the test\n');
  fs.mkdirSync(path.join(root, 'docs'));
  for (let i = 0; i < 5; i += 1) fs.writeFileSync(path.join(root, 'docs', `${i}.txt`), `document ${i}\n`.repeat(100));
}

async function arPair(commands: Partial<ProtectionSettings>): Promise<ReplicatingPair & { replicaDir: string; handle: ReplicaHandle }> {
  const pair = await replicatingPair(engine, {}, { protection: protection({ arEnabled: true, arTimeoutSeconds: 30, ...commands }), prepareRoot: seedFiles });
  const replicaDir = replicaRoot(pair.target, pair.root);
  await waitForQuiet(pair.master, pair.scenario.scenarioId, pair.root, replicaDir);
  return { ...pair, replicaDir, handle: ReplicaHandle.of(pair.scenario) };
}

/** Changes on the Master while the Replica is under test: they must wait, then arrive. */
function changeMaster(root: string): void {
  fs.writeFileSync(path.join(root, 'during-test.txt'), 'written on the Master during the test\n');
  fs.writeFileSync(path.join(root, 'victim.txt'), 'rewritten on the Master during the test\n');
  fs.appendFileSync(path.join(root, 'docs', '1.txt'), 'appended on the Master\n');
  fs.rmSync(path.join(root, 'docs', '2.txt'));
}

/** Waits until the Replica has received the Master's changes and holds them unapplied. */
async function waitForSpooled(replica: ReplicaHandle): Promise<void> {
  await pollUntil('changes waiting on the Replica', () => replica.hello(), (hello) => hello.receivedSeq >= hello.appliedSeq + 4, 15_000);
}

describe('Assured Recovery between engine processes', () => {
  it('a passing test changes the Replica, then is rolled back and the changes the Master made meanwhile are applied', async () => {
    const { master, root, replicaDir, handle: replica, scenario } = await arPair({ arStartCommand: START, arVerifyCommand: 'sleep 2' });
    await replica.startTest();
    await replica.waitFor('verify step', (status) => status.ar.state === 'testing' && status.ar.step === 'verify');
    expect(fs.readFileSync(path.join(replicaDir, 'ar-created.txt'), 'utf8')).toBe('test\n');
    expect(fs.existsSync(path.join(replicaDir, 'victim.txt'))).toBe(false);

    changeMaster(root);
    await waitForSpooled(replica);
    expect((await replica.ar()).state, 'the Master changes arrived while the test was still running').toBe('testing');
    expect(fs.existsSync(path.join(replicaDir, 'during-test.txt')), 'nothing is applied during the test').toBe(false);

    const done = await replica.waitFor('test finished', (status) => status.ar.state === 'idle' && status.ar.lastReport !== null);
    const report = done.ar.lastReport;
    expect(report?.result).toBe('passed');
    expect(report?.steps.map((step) => [step.name, step.exitCode])).toEqual([
      ['start', 0],
      ['verify', 0],
    ]);
    expect(report?.rolledBack.removed).toBeGreaterThanOrEqual(1);
    expect(report?.rolledBack.restored).toBeGreaterThanOrEqual(2);
    expect(report?.spooled).toBeGreaterThanOrEqual(4);

    await waitForQuiet(master, scenario.scenarioId, root, replicaDir);
    expect(fs.existsSync(path.join(replicaDir, 'ar-created.txt'))).toBe(false);
    expect(synchronizations(master), 'no resynchronization after the test').toBe(1);
  });

  it('a failing verify command gives result "failed", still runs the stop command, and the Replica is rolled back all the same', async () => {
    const { master, root, replicaDir, handle: replica, scenario } = await arPair({
      arStartCommand: START,
      arVerifyCommand: 'echo "database did not mount" >&2; exit 3',
      arStopCommand: 'touch "$UNDERSTUDY_REPLICA_ROOT/stop-ran.txt"',
    });
    const reference = await treesEqual(root, replicaDir);
    expect(reference.equal).toBe(true);
    await replica.startTest();
    const done = await replica.waitFor('test finished', (status) => status.ar.state === 'idle' && status.ar.lastReport !== null);
    const report = done.ar.lastReport;
    expect(report?.result).toBe('failed');
    expect(report?.steps.map((step) => [step.name, step.exitCode])).toEqual([
      ['start', 0],
      ['verify', 3],
      ['stop', 0],
    ]);
    expect(report?.steps[1]?.output).toContain('database did not mount');
    expect(await treesEqual(root, replicaDir), 'rolled back to the Master state').toEqual({ equal: true });

    changeMaster(root);
    await waitForQuiet(master, scenario.scenarioId, root, replicaDir);
    expect(synchronizations(master)).toBe(1);
  });

  it('a Replica engine killed during the test finishes the rollback when it restarts, then applies what the Master changed meanwhile', async () => {
    const { master, replica: replicaEngine, root, replicaDir, handle: replica, scenario } = await arPair({ arStartCommand: START, arVerifyCommand: 'sleep 5' });
    await replica.startTest();
    await replica.waitFor('verify step', (status) => status.ar.state === 'testing' && status.ar.step === 'verify');
    changeMaster(root);
    await waitForSpooled(replica);
    await replicaEngine.kill();
    expect(fs.existsSync(path.join(replicaDir, 'ar-created.txt')), 'the engine died with the test changes in place').toBe(true);

    await replicaEngine.start();
    const done = await replica.waitFor('rollback after restart', (status) => status.ar.state === 'idle' && status.ar.lastReport !== null);
    expect(done.ar.lastReport?.result).toBe('failed');
    expect(replicaEngine.log).toMatch(/Assured Recovery test of "test" was interrupted; rolling the Replica back/);

    await waitForQuiet(master, scenario.scenarioId, root, replicaDir);
    expect(fs.existsSync(path.join(replicaDir, 'ar-created.txt'))).toBe(false);
    expect(synchronizations(master), 'no resynchronization after the interrupted test').toBe(1);
  });

  it('Stop test kills a hung verify command at once, still runs the stop command, and rolls the Replica back', async () => {
    const { master, root, replicaDir, handle: replica, scenario } = await arPair({ arStartCommand: START, arVerifyCommand: 'sleep 60', arStopCommand: 'true' });
    await replica.startTest();
    await replica.waitFor('verify step', (status) => status.ar.state === 'testing' && status.ar.step === 'verify');
    const stoppedAt = Date.now();
    await call(replica.engine, 'replica.ar-stop', { scenarioId: replica.scenarioId, replicaId: replica.replicaId });
    const done = await replica.waitFor('test stopped', (status) => status.ar.state === 'idle' && status.ar.lastReport !== null, 15_000);
    expect(Date.now() - stoppedAt, 'the sleeping command did not run to its end').toBeLessThan(15_000);
    const report = done.ar.lastReport;
    expect(report?.result).toBe('failed');
    expect(report?.stopped).toBe(true);
    expect(report?.steps.map((step) => [step.name, step.aborted])).toEqual([
      ['start', false],
      ['verify', true],
      ['stop', false],
    ]);
    await waitForQuiet(master, scenario.scenarioId, root, replicaDir);
    expect(fs.existsSync(path.join(replicaDir, 'ar-created.txt'))).toBe(false);
    await expect(call(replica.engine, 'replica.ar-stop', { scenarioId: replica.scenarioId, replicaId: replica.replicaId })).rejects.toMatchObject({ info: { code: 'E1511' } });
  });

  it('a test run for a backup takes its snapshot once the application is verified and stopped: the snapshot keeps that state after the rollback', async () => {
    const { master, root, replicaDir, handle: replica, scenario } = await arPair({ arStartCommand: START, arVerifyCommand: 'true', arStopCommand: 'echo stopped >> "$UNDERSTUDY_REPLICA_ROOT/ar-created.txt"' });
    await call(replica.engine, 'replica.ar-start', { scenarioId: replica.scenarioId, replicaId: replica.replicaId, trigger: 'backup' });
    const done = await replica.waitFor('test finished', (status) => status.ar.state === 'idle' && status.ar.lastReport !== null);
    const snapshotId = done.ar.lastReport?.snapshotId;
    expect(done.ar.lastReport?.result).toBe('passed');
    expect(snapshotId).toEqual(expect.any(String));
    expect(done.snapshots.find((snapshot) => snapshot.id === snapshotId)?.duringTest).toBe(true);

    const exported = path.join(tempDir(), 'backup-view');
    await replica.exportSnapshot(snapshotId ?? '', root, exported);
    expect(fs.readFileSync(path.join(exported, 'ar-created.txt'), 'utf8'), 'the state the application left when stopped').toBe('test\nstopped\n');
    expect(fs.existsSync(path.join(exported, 'victim.txt'))).toBe(false);
    await waitForQuiet(master, scenario.scenarioId, root, replicaDir);
    expect(fs.existsSync(path.join(replicaDir, 'ar-created.txt')), 'the live Replica is rolled back').toBe(false);
  });
});
