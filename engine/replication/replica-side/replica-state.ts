import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_PROTECTION_SETTINGS, ProtectionSettingsSchema } from '../../replica/protection-settings';
import { writeFileAtomic } from '../../util/atomic-file';

/**
 * What a Replica engine knows about one Replica it hosts: where the data goes, whether its
 * copy is complete (synchronized), and the last Master sequence number applied. Written
 * atomically; read back validated (the file is input like any other).
 */
export const ReplicaStateSchema = z.object({
  scenarioId: z.string(),
  scenarioName: z.string(),
  replicaId: z.string(),
  masterHost: z.string(),
  roots: z.array(z.string()).min(1),
  target: z.string(),
  synced: z.boolean(),
  appliedSeq: z.number().int().min(0),
  protection: ProtectionSettingsSchema.default(DEFAULT_PROTECTION_SETTINGS),
});
export type ReplicaState = z.infer<typeof ReplicaStateSchema>;

export function replicaDir(stateDir: string, scenarioId: string, replicaId: string): string {
  return path.join(stateDir, 'replicas', scenarioId, replicaId);
}

export async function readReplicaState(dir: string): Promise<ReplicaState | undefined> {
  try {
    return ReplicaStateSchema.parse(JSON.parse(await fs.readFile(path.join(dir, 'replica.json'), 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function writeReplicaState(dir: string, state: ReplicaState): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFileAtomic(path.join(dir, 'replica.json'), JSON.stringify(state));
}
