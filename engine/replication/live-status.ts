import { z } from 'zod';
import { ErrorInfoSchema } from '../messages/error-info';

/** Pure schemas of what the engines report about running scenarios (the UI type-checks against them). */
export const LinkStateSchema = z.enum(['connecting', 'synchronizing', 'replicating', 'suspended', 'disconnected', 'stopped']);
export type LinkState = z.infer<typeof LinkStateSchema>;

export const SyncProgressSchema = z.object({
  filesCompared: z.number(),
  filesSent: z.number(),
  bytesSent: z.number(),
  removed: z.number(),
});
export type SyncProgress = z.infer<typeof SyncProgressSchema>;

export const LinkStatusSchema = z.object({
  replicaId: z.string(),
  host: z.string(),
  state: LinkStateSchema,
  spoolRecords: z.number(),
  spoolBytes: z.number(),
  /** Age of the oldest change not yet applied on the Replica (0 when caught up). */
  lagMs: z.number(),
  appliedSeq: z.number(),
  /** Records and bytes shipped by replication since the scenario started on this engine. */
  recordsSent: z.number(),
  bytesSent: z.number(),
  sync: SyncProgressSchema.optional(),
});
export type LinkStatus = z.infer<typeof LinkStatusSchema>;

export const RootStatisticsSchema = z.object({ root: z.string(), changes: z.number(), bytes: z.number() });

export const MasterStatusSchema = z.object({
  running: z.boolean(),
  links: z.array(LinkStatusSchema),
  roots: z.array(RootStatisticsSchema),
});
export type MasterStatus = z.infer<typeof MasterStatusSchema>;

export const LiveScenarioSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('stopped') }),
  z.object({ state: z.literal('running'), links: z.array(LinkStatusSchema), roots: z.array(RootStatisticsSchema) }),
  z.object({ state: z.literal('problem'), links: z.array(LinkStatusSchema), roots: z.array(RootStatisticsSchema), error: ErrorInfoSchema.optional() }),
  z.object({ state: z.literal('not-authorized'), error: ErrorInfoSchema }),
]);
export type LiveScenario = z.infer<typeof LiveScenarioSchema>;
