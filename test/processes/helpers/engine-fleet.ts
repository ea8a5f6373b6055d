import path from 'node:path';
import { afterEach } from 'vitest';
import { rootSubdirectory } from '../../../engine/replication/root-mapping';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir';
import type { ProtectionSettings } from '../../../engine/replica/protection-settings';
import { EngineProcess } from './engine-process';
import { newScenario, runScenario, waitForReplicating, type TestScenario } from './manager-client';

/** Registers clean-up for the engine processes a test file starts; returns the function that starts one. */
export function useEngines(): (name: string) => Promise<EngineProcess> {
  const engines: EngineProcess[] = [];
  afterEach(async () => {
    for (const engine of engines.splice(0)) await engine.stop();
    removeTempDirs();
  });
  return async (name) => {
    const created = await EngineProcess.create(tempDir(`understudy-${name}-`));
    engines.push(created);
    return created;
  };
}

/** Where a Master root lands under a Replica target. */
export function replicaRoot(target: string, root: string): string {
  return path.join(target, ...rootSubdirectory(root));
}

export interface ReplicatingPair {
  master: EngineProcess;
  replica: EngineProcess;
  root: string;
  target: string;
  scenario: TestScenario;
}

/** A Master and a Replica engine with one scenario run and synchronized (links replicating). */
export async function replicatingPair(
  engine: (name: string) => Promise<EngineProcess>,
  options: Record<string, unknown> = {},
  setup: { protection?: ProtectionSettings; prepareRoot?: (root: string) => void | Promise<void> } = {},
): Promise<ReplicatingPair> {
  const master = await engine('master');
  const replica = await engine('replica');
  const root = tempDir('understudy-root-');
  const target = tempDir('understudy-target-');
  await setup.prepareRoot?.(root);
  const scenario = newScenario([root], [{ engine: replica, target }], options, setup.protection);
  await runScenario(master, scenario);
  await waitForReplicating(master, scenario.scenarioId);
  return { master, replica, root, target, scenario };
}
