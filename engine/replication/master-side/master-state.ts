import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ReplicationOptionsSchema } from '../../scenario/options';
import { writeFileAtomic } from '../../util/atomic-file';

export const LinkDefinitionSchema = z.object({
  replicaId: z.string().min(1).max(100),
  host: z.string().min(1).max(300),
  /** The Replica's host as the scenario names it (events and status), when it differs from the address dialled. */
  label: z.string().max(300).optional(),
  port: z.number().int().min(1).max(65535),
  fingerprint: z.string().min(1).max(200),
  /** The replication token the Replica issued; the file holding it is readable by the engine's account only. */
  token: z.string().min(1).max(200),
});
export type LinkDefinition = z.infer<typeof LinkDefinitionSchema>;

export const MasterScenarioSchema = z.object({
  scenarioId: z.string().min(1).max(100),
  name: z.string().max(200),
  roots: z.array(z.string().min(1).max(4096)).min(1).max(256),
  links: z.array(LinkDefinitionSchema).min(1).max(16),
  options: ReplicationOptionsSchema,
});
export type MasterScenario = z.infer<typeof MasterScenarioSchema>;

export const LinkProgressSchema = z.object({
  /** 'replicating' once a synchronization completed and records flow; otherwise it must synchronize first. */
  mode: z.enum(['needs-sync', 'replicating']),
  suspended: z.boolean(),
});
export type LinkProgress = z.infer<typeof LinkProgressSchema>;

export function masterDir(stateDir: string, scenarioId: string): string {
  return path.join(stateDir, 'masters', scenarioId);
}

async function readJson<T>(file: string, schema: z.ZodType<T>): Promise<T | undefined> {
  try {
    return schema.parse(JSON.parse(await fs.readFile(file, 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export function readMasterScenario(dir: string): Promise<MasterScenario | undefined> {
  return readJson(path.join(dir, 'scenario.json'), MasterScenarioSchema);
}

export async function writeMasterScenario(dir: string, scenario: MasterScenario): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFileAtomic(path.join(dir, 'scenario.json'), JSON.stringify(scenario), 0o600);
}

export function readLinkProgress(dir: string): Promise<LinkProgress | undefined> {
  return readJson(path.join(dir, 'link.json'), LinkProgressSchema);
}

export async function writeLinkProgress(dir: string, progress: LinkProgress): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFileAtomic(path.join(dir, 'link.json'), JSON.stringify(progress));
}
