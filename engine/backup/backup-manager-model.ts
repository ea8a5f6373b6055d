import { z } from 'zod';
import { ScenarioTypeSchema } from '../scenario/model';
import { RegistrationModeSchema, ScenarioEntitySchema, SourceKindSchema } from './catalog/registration';

/** What the Backup Manager window shows and sends beyond the job itself. Pure schemas for the contract and the UI. */

/** Source tab: a scenario registered in the catalog, or a folder source, with the properties the right pane shows. */
export const BackupSourceSchema = z.object({
  id: z.string(),
  /** 'scenario' (Replication Scenarios) or 'folder' (a folder on a host, read live: master = that host, roots = [folder]). */
  source: SourceKindSchema,
  roots: z.array(z.string()),
  name: z.string(),
  type: ScenarioTypeSchema,
  master: z.string(),
  replicas: z.array(z.string()),
  /** How the Replica makes the backup's snapshot: Assured Recovery, suspend, or neither (AE0471 at backup). */
  mode: RegistrationModeSchema,
  registeredAt: z.string(),
});
export type BackupSource = z.infer<typeof BackupSourceSchema>;

/** A scenario's entities, once the Replica agent accepted the credentials (viewable, not selectable). */
export const SourceEntitiesSchema = z.array(ScenarioEntitySchema);

/** Security and Agent Information: per scenario a Master row (crown) and a Replica row. */
export const JobHostSchema = z.object({
  scenarioId: z.string(),
  scenarioName: z.string(),
  /** 'Source' is a folder source's host. */
  role: z.enum(['Master', 'Replica', 'Source']),
  host: z.string(),
  /** False for this machine's own engine: no credentials are asked for it. */
  needsCredentials: z.boolean(),
  /** The user name of credentials stored (encrypted) for the host; the password is never sent back. */
  storedUser: z.string().nullable(),
});
export type JobHost = z.infer<typeof JobHostSchema>;

/** Backup Manager → Source → Folders → Add folder: a folder on any host whose engine this manager reaches. */
export const FolderSourceDraftSchema = z.object({
  host: z.string().trim().min(1).max(300),
  path: z.string().trim().min(1).max(4000),
});
export type FolderSourceDraft = z.infer<typeof FolderSourceDraftSchema>;

/** Credentials the manager keeps (encrypted at rest) per host: the user only, never the password. */
export const StoredCredentialSchema = z.object({ host: z.string(), user: z.string() });
export type StoredCredential = z.infer<typeof StoredCredentialSchema>;

/** Whether a backup job controls the scenario now (SPEC: "locked from another host — take control?"). */
export const ScenarioLockSchema = z.discriminatedUnion('locked', [
  z.object({ locked: z.literal(false) }),
  z.object({
    locked: z.literal(true),
    jobId: z.number().int(),
    jobName: z.string(),
    /** The backup server running the job (this manager's host name). */
    host: z.string(),
    since: z.string(),
  }),
]);
export type ScenarioLock = z.infer<typeof ScenarioLockSchema>;
