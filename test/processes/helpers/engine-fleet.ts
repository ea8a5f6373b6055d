import path from 'node:path';
import { afterEach } from 'vitest';
import { rootSubdirectory } from '../../../engine/replication/root-mapping';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir';
import { EngineProcess } from './engine-process';

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
