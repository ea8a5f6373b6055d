import { z } from 'zod';
import { volumeOf } from '../entities';
import { ScenarioTypeSchema, type Scenario } from '../../scenario/model';

/**
 * A scenario as the backup catalog registers it (Backup Manager → Source): what a backup
 * needs to find its Replica and to catalogue its files under the Master. Pure schemas.
 */
export const ScenarioEntitySchema = z.object({
  /** As entityOf() names it: "Volume C:", "Database Payroll", "Storage group D:\\Exchange\\SG1". */
  name: z.string().min(1).max(1000),
  masterPaths: z.array(z.string().min(1).max(4000)).min(1),
});
export type ScenarioEntity = z.infer<typeof ScenarioEntitySchema>;

/**
 * How the Replica makes a consistent snapshot for a backup: an Assured Recovery test
 * (application-consistent), a suspension (crash-consistent), or neither (AE0471 at backup).
 */
export const RegistrationModeSchema = z.enum(['assured-recovery', 'suspend', 'none']);
export type RegistrationMode = z.infer<typeof RegistrationModeSchema>;

/**
 * What a registration stands for: a replication scenario (read from its Replica's snapshot), or
 * an ordinary source — a folder on a host, read live through that host's engine; its "Master"
 * is that host and folder, it has no Replica.
 */
export const SourceKindSchema = z.enum(['scenario', 'folder']);
export type SourceKind = z.infer<typeof SourceKindSchema>;

export const ScenarioRegistrationSchema = z
  .object({
    id: z.string().min(1).max(100),
    name: z.string().min(1).max(1000),
    type: ScenarioTypeSchema,
    master: z.object({ host: z.string().min(1).max(1000), port: z.number().int().min(1).max(65535), roots: z.array(z.string().min(1).max(4000)).min(1) }),
    replicas: z.array(z.object({ id: z.string().min(1).max(100), host: z.string().min(1).max(1000), port: z.number().int().min(1).max(65535), target: z.string().min(1).max(4000) })),
    entities: z.array(ScenarioEntitySchema).max(10_000),
    mode: RegistrationModeSchema,
    source: SourceKindSchema.default('scenario'),
  })
  .refine((registration) => (registration.source === 'folder' ? registration.replicas.length === 0 : registration.replicas.length > 0), {
    message: 'a scenario has at least one Replica; a folder source none',
    path: ['replicas'],
  });
export type ScenarioRegistration = z.input<typeof ScenarioRegistrationSchema>;

export const RegisteredScenarioSchema = ScenarioRegistrationSchema.safeExtend({
  registeredAt: z.string(),
  updatedAt: z.string(),
  /** Set once the scenario was removed; its sessions stay restorable. */
  removedAt: z.string().nullable(),
});
export type RegisteredScenario = z.infer<typeof RegisteredScenarioSchema>;

/** FileServer entities: one per Master volume, covering the roots on it ("Volume C:" → C:\Data, C:\Shares). */
export function fileServerEntities(roots: readonly string[]): ScenarioEntity[] {
  const byVolume = new Map<string, string[]>();
  for (const root of roots) {
    const name = `Volume ${volumeOf(root)}`;
    byVolume.set(name, [...(byVolume.get(name) ?? []), root]);
  }
  return [...byVolume].map(([name, masterPaths]) => ({ name, masterPaths }));
}

export function registrationMode(options: Scenario['options']): RegistrationMode {
  if (options.arEnabled) return 'assured-recovery';
  return options.backupAllowSuspend ? 'suspend' : 'none';
}

/**
 * The registration a scenario run with the Backup option sends. FileServer entities follow
 * from the roots; SQLServer and Exchange entities come from discovery on the Master (pass them).
 */
export function registrationOf(scenario: Scenario, discovered?: readonly ScenarioEntity[]): ScenarioRegistration {
  return {
    id: scenario.id,
    name: scenario.name,
    type: scenario.type,
    master: { host: scenario.master.host, port: scenario.master.port, roots: [...scenario.master.roots] },
    replicas: scenario.replicas.map((replica) => ({ id: replica.id, host: replica.host, port: replica.port, target: replica.target })),
    entities: discovered ? [...discovered] : scenario.type === 'FileServer' ? fileServerEntities(scenario.master.roots) : [],
    mode: registrationMode(scenario.options),
  };
}

/** Which parts of a registration differ, in the words the Activity Log uses. */
export function registrationChanges(before: ScenarioRegistration, after: ScenarioRegistration): string[] {
  const changes: string[] = [];
  if (before.name !== after.name) changes.push(`name "${before.name}" → "${after.name}"`);
  if (before.type !== after.type) changes.push(`type ${before.type} → ${after.type}`);
  if (JSON.stringify(before.master) !== JSON.stringify(after.master)) changes.push('Master');
  if (JSON.stringify(before.replicas) !== JSON.stringify(after.replicas)) changes.push('Replicas');
  if (JSON.stringify(before.entities) !== JSON.stringify(after.entities)) changes.push('entities');
  if (before.mode !== after.mode) changes.push(`mode ${describeMode(before.mode)} → ${describeMode(after.mode)}`);
  return changes;
}

export function describeMode(mode: RegistrationMode): string {
  switch (mode) {
    case 'assured-recovery':
      return 'Assured Recovery';
    case 'suspend':
      return 'suspend';
    case 'none':
      return 'neither AR nor suspend';
  }
}
