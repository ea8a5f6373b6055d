import { z } from 'zod';

/** Restore jobs as submitted and stored. Pure schemas: the contract and the UI type-check against them. */

/** One thing to restore: a whole session (path null), or a directory (with everything below it) or file of it, by its Master path. */
export const RestoreItemSchema = z.object({
  session: z.number().int().min(1),
  path: z.string().min(1).max(4096).nullable(),
});
export type RestoreItem = z.infer<typeof RestoreItemSchema>;

/**
 * Where restored files go. Original location: the Master's own paths, or the same paths
 * mapped onto a Replica's target (default: no disruption of production). Alternate: a
 * folder on any connected engine's host, the Master's tree recreated below it as
 * `tar -x` of the session would (D:\Data\a.txt → <folder>/D/Data/a.txt).
 */
export const RestoreDestinationSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('original'),
    to: z.enum(['replica', 'master']).default('replica'),
    /** Which Replica (the first when absent). */
    replicaId: z.string().min(1).max(100).optional(),
  }),
  z.object({ kind: z.literal('alternate'), host: z.string().trim().min(1).max(300), folder: z.string().min(1).max(4096) }),
]);
export type RestoreDestination = z.infer<typeof RestoreDestinationSchema>;

export const RestoreOptionsSchema = z.object({
  /** Global option: restore to an original location even when the scenario cannot be stopped first (the Master may then overwrite restored data). */
  continueIfNotStopped: z.boolean().default(false),
  /** How long stopping the scenario and each engine request may take (AE0464 / AE0469). */
  timeoutSeconds: z.number().int().min(1).max(86_400).default(180),
});
export type RestoreOptions = z.infer<typeof RestoreOptionsSchema>;

export const RestoreSpecSchema = z.object({
  scenarioId: z.string().min(1).max(100),
  items: z.array(RestoreItemSchema).min(1).max(10_000),
  destination: RestoreDestinationSchema,
  options: RestoreOptionsSchema.default(RestoreOptionsSchema.parse({})),
});
export type RestoreSpec = z.infer<typeof RestoreSpecSchema>;
export type RestoreSpecInput = z.input<typeof RestoreSpecSchema>;

/** What the Restore Manager's Submit Job sends. */
export const RestoreJobDraftSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  spec: RestoreSpecSchema,
  /** Run now when absent; else once at this instant. */
  at: z.iso.datetime({ offset: true }).optional(),
  owner: z.string().min(1).max(200).default('administrator'),
});
export type RestoreJobDraft = z.input<typeof RestoreJobDraftSchema>;

/**
 * What a restore run left behind, kept with the job: where it wrote (for "send to Master"
 * and the pending list), and whether files wait beside live ones as `<name>.TMP`.
 */
export const RestoreOutcomeSchema = z.object({
  host: z.string(),
  /** Destination folders written to, each with the '/'-separated paths restored below it (items, not every file). */
  targets: z.array(z.object({ root: z.string(), paths: z.array(z.string()) })),
  pending: z.object({ restoreId: z.string(), files: z.number().int() }).nullable(),
});
export type RestoreOutcome = z.infer<typeof RestoreOutcomeSchema>;
