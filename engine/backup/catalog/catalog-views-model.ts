import { z } from 'zod';
import { ScenarioTypeSchema } from '../../scenario/model';

/** What the Restore Manager's Source views show of the catalog. Pure schemas for the contract and the UI. */

export const CatalogEntrySchema = z.object({
  session: z.number().int(),
  /** The Master's path. */
  path: z.string(),
  name: z.string(),
  kind: z.enum(['file', 'directory', 'symlink']),
  size: z.number(),
  mtimeMs: z.number(),
  mode: z.number().int(),
  sha256: z.string().nullable(),
});

export const FileVersionSchema = CatalogEntrySchema.extend({ backedUpAt: z.string() });

export const SearchHitSchema = FileVersionSchema.extend({ host: z.string(), scenarioId: z.string(), scenarioName: z.string(), entity: z.string() });

/** Restore by Tree, second level: a volume (entity) of a host, with the Master folders backed up in it. */
export const TreeVolumeSchema = z.object({
  scenarioId: z.string(),
  scenarioName: z.string(),
  type: ScenarioTypeSchema,
  entity: z.string(),
  roots: z.array(z.string()),
});

/** Restore by Query: a name pattern (* and ?) and optional filters. */
export const RestoreQuerySchema = z.object({
  pattern: z.string().trim().min(1).max(500),
  host: z.string().max(300).optional(),
  /** Only entries at or below this Master folder. */
  under: z.string().max(4096).optional(),
  modifiedFrom: z.number().optional(),
  modifiedTo: z.number().optional(),
  minSize: z.number().int().min(0).optional(),
  maxSize: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(10_000).default(500),
  offset: z.number().int().min(0).default(0),
});
export type RestoreQuery = z.input<typeof RestoreQuerySchema>;

/** A host that must accept credentials before a restore is queued, and why. */
export const RequiredHostSchema = z.object({
  host: z.string(),
  role: z.enum(['Master', 'Replica', 'Destination']),
  /** False for this machine's own engine (no credentials asked) or a host this manager already holds valid credentials for. */
  needsCredentials: z.boolean(),
});
