import { z } from 'zod';
import { ReplicationOptionsSchema } from './options';

/** The scenario as stored and shown. Pure schemas: the renderer type-checks against them. */
export const SCENARIO_TYPES = ['FileServer', 'SQLServer', 'Exchange'] as const;
export const ScenarioTypeSchema = z.enum(SCENARIO_TYPES);
export type ScenarioType = z.infer<typeof ScenarioTypeSchema>;

export const DEFAULT_ENGINE_PORT = 25000;
export const DEFAULT_SCENARIO_GROUP = 'Scenarios';

/**
 * What the New Scenario dialog sends. Deliberately loose (plain strings) so that every
 * mistake reaches the semantic validation and comes back as a message on its field.
 */
export const ScenarioDraftSchema = z.object({
  name: z.string().max(1000),
  type: ScenarioTypeSchema,
  master: z.object({
    host: z.string().max(1000),
    roots: z.array(z.string().max(4000)).max(256),
  }),
  replicas: z
    .array(
      z.object({
        host: z.string().max(1000),
        target: z.string().max(4000),
      }),
    )
    .max(16),
});
export type ScenarioDraft = z.infer<typeof ScenarioDraftSchema>;

/** What the administrator last asked for; live replication states come from the engines. */
export const ScenarioStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('stopped'), reason: z.enum(['created', 'user', 'autostop']) }),
  z.object({ state: z.literal('running'), since: z.string() }),
]);
export type ScenarioStatus = z.infer<typeof ScenarioStatusSchema>;

export const MasterSchema = z.object({
  host: z.string(),
  port: z.number().int().min(1).max(65535),
  roots: z.array(z.string()).min(1),
});

export const ReplicaSchema = z.object({
  id: z.string(),
  host: z.string(),
  port: z.number().int().min(1).max(65535),
  target: z.string(),
});
export type Replica = z.infer<typeof ReplicaSchema>;

export const ScenarioSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: ScenarioTypeSchema,
  group: z.string(),
  master: MasterSchema,
  replicas: z.array(ReplicaSchema).min(1),
  status: ScenarioStatusSchema,
  options: ReplicationOptionsSchema.default(ReplicationOptionsSchema.parse({})),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Scenario = z.infer<typeof ScenarioSchema>;
