import { z } from 'zod';
import { EngineEventSchema } from '../../engine/events/model';
import { ErrorInfoSchema, type ErrorInfo } from '../../engine/messages/error-info';
import {
  ArStatusSchema,
  ReplicaProtectionSchema,
  RewindPointsQuerySchema,
  RewindPointsReplySchema,
  RewindScopeSchema,
  RewindSummarySchema,
  RewindTargetSchema,
  SnapshotExportReplySchema,
  SnapshotInfoSchema,
} from '../../engine/replica/protection-model';
import { LiveScenarioSchema } from '../../engine/replication/live-status';
import { BrowseReplySchema } from '../../engine/runtime/browse-model';
import { ScenarioDraftSchema, ScenarioSchema } from '../../engine/scenario/model';
import { ActivityEntrySchema, ActivityGroupSchema } from '../../engine/backup/catalog/activity-log';
import { DeviceGroupSchema } from '../../engine/backup/catalog/devices';
import { BackupJobDraftSchema, BackupJobSchema, QueueJobSchema, ScheduleSchema } from '../../engine/backup/catalog/job-model';
import { CatalogEntrySchema, FileVersionSchema, RequiredHostSchema, RestoreQuerySchema, SearchHitSchema, TreeVolumeSchema } from '../../engine/backup/catalog/catalog-views-model';
import { MediaSchema } from '../../engine/backup/catalog/media';
import { JobProgressSchema } from '../../engine/backup/job-progress';
import { RestoreJobDraftSchema, RestoreSpecSchema } from '../../engine/restore/restore-model';
import { BackupJobChangesSchema } from '../../engine/backup/catalog/jobs';
import { SessionSchema } from '../../engine/backup/catalog/sessions';
import { ReplicationOptionsSchema } from '../../engine/scenario/options';
import { BackupSourceSchema, FolderSourceDraftSchema, JobHostSchema, ScenarioLockSchema, SourceEntitiesSchema, StoredCredentialSchema } from '../../engine/backup/backup-manager-model';
import { RunReportQuerySchema, RunReportRowSchema } from '../../engine/backup/catalog/run-report';

/**
 * THE contract between the UI and the engine: every channel with its request and response
 * schema, and every event stream pushed from the engine. Electron IPC and the console
 * host's WebSocket both carry exactly this; the renderer imports only its types.
 */
const ScenarioIdSchema = z.object({ id: z.string().min(1).max(100) });
const ReplicaRefSchema = ScenarioIdSchema.extend({ replicaId: z.string().min(1).max(100) });
/** Engine administrator credentials for hosts other than this one; kept in the manager's memory only. */
const SnapshotRefSchema = ReplicaRefSchema.extend({ snapshotId: z.string().min(1).max(100) });
/** Paths in a snapshot are the Master's (a root, or below one); '' lists the roots. */
const SnapshotPathSchema = z.string().max(4096);
const HostCredentialsSchema = z.object({ host: z.string().min(1).max(300), user: z.string().min(1).max(200), password: z.string().min(1).max(1000) });

export const channels = {
  'app.info': {
    request: z.object({}),
    response: z.object({
      version: z.string(),
      shell: z.enum(['desktop', 'console']),
      hostName: z.string(),
      dataDir: z.string(),
    }),
  },
  'scenario.list': { request: z.object({}), response: z.array(ScenarioSchema) },
  'scenario.get': { request: ScenarioIdSchema, response: ScenarioSchema },
  'scenario.create': { request: ScenarioDraftSchema, response: ScenarioSchema },
  'scenario.remove': { request: ScenarioIdSchema, response: ScenarioIdSchema },
  'scenario.run': { request: ScenarioIdSchema.extend({ credentials: z.array(HostCredentialsSchema).max(32) }), response: ScenarioSchema },
  'scenario.stop': { request: ScenarioIdSchema, response: ScenarioSchema },
  'scenario.suspend': { request: ReplicaRefSchema, response: z.object({}) },
  'scenario.resume': { request: ReplicaRefSchema, response: z.object({}) },
  'scenario.live': { request: ScenarioIdSchema, response: LiveScenarioSchema },
  'scenario.set-options': { request: ScenarioIdSchema.extend({ options: ReplicationOptionsSchema }), response: ScenarioSchema },
  'scenario.needs-credentials': { request: ScenarioIdSchema, response: z.array(z.string()) },
  'scenario.browse': { request: ScenarioIdSchema.extend({ path: z.string().min(1).max(4096) }), response: BrowseReplySchema },
  /** Journal, snapshots and Assured Recovery of each Replica (Framework and Host panes). */
  'protection.status': { request: ScenarioIdSchema, response: z.array(ReplicaProtectionSchema) },
  'rewind.points': { request: ReplicaRefSchema.extend({ query: RewindPointsQuerySchema }), response: RewindPointsReplySchema },
  /** Only while the scenario runs; the default name holds the date and time. */
  'rewind.bookmark': { request: ScenarioIdSchema.extend({ name: z.string().max(200).optional() }), response: z.object({ name: z.string(), replicas: z.number() }) },
  /** Stops the scenario, rolls the Replica back, and leaves it to be resynchronized on the next run. */
  'rewind.run': {
    request: ReplicaRefSchema.extend({ target: RewindTargetSchema, scope: RewindScopeSchema.optional() }),
    response: RewindSummarySchema,
  },
  'snapshot.create': { request: ReplicaRefSchema.extend({ name: z.string().max(200).optional() }), response: SnapshotInfoSchema },
  'snapshot.release': { request: SnapshotRefSchema, response: z.object({}) },
  'snapshot.browse': { request: SnapshotRefSchema.extend({ path: SnapshotPathSchema }), response: BrowseReplySchema },
  /** Copies a subtree of the snapshot to a new folder on the Replica host (read-only export for tools). */
  'snapshot.export': {
    request: SnapshotRefSchema.extend({ path: SnapshotPathSchema, destination: z.string().min(1).max(4096) }),
    response: SnapshotExportReplySchema,
  },
  'ar.start': { request: ReplicaRefSchema, response: ArStatusSchema },
  /** Kills the running test command, skips the rest, and rolls the Replica back. */
  'ar.stop': { request: ReplicaRefSchema, response: ArStatusSchema },
  /** "Back up now": a one-time job for the scenario to the default device group (created on first use). */
  'backup.now': {
    request: ScenarioIdSchema.extend({ password: z.string().min(8).max(1000).optional(), compression: z.enum(['gzip', 'none']).optional() }),
    response: BackupJobSchema,
  },
  /** Submits a job; an encryption password is kept in the backup server's memory only. */
  /**
   * Submits a job after proving every Master and Replica engine of its scenarios accepts the
   * credentials (given here or stored): AE0459 naming the host, and nothing queued, when not.
   * Credentials that worked are stored encrypted. A job's session password is kept in the
   * backup server's memory only.
   */
  'backup.submit': {
    request: z.object({ draft: BackupJobDraftSchema, password: z.string().min(8).max(1000).optional(), credentials: z.array(HostCredentialsSchema).max(64).default([]) }),
    response: BackupJobSchema,
  },
  /** Backup Manager → Source: the scenarios and folder sources registered in the catalog; removed ones too when asked (their sessions stay restorable). */
  'backup.sources': { request: z.object({ includeRemoved: z.boolean().default(false) }), response: z.array(BackupSourceSchema) },
  /** Expanding a scenario in the Source tree: proves the Replica's engine accepts the credentials (AE0459), then lists the entities. */
  'backup.source-entities': { request: z.object({ scenarioId: z.string().min(1).max(100), credentials: z.array(HostCredentialsSchema).max(8).default([]) }), response: SourceEntitiesSchema },
  /** Schedule tab: when a job with this schedule would first run (server local time rules), and how the queue describes it. */
  'backup.schedule-preview': { request: z.object({ schedule: ScheduleSchema }), response: z.object({ firstRunAt: z.string(), description: z.string() }) },
  /** Source → Folders → Add folder: a folder on a host (its engine's credentials proven, AE0459; the folder must exist there, E3389). */
  'backup.add-folder': { request: FolderSourceDraftSchema.extend({ credentials: z.array(HostCredentialsSchema).max(1).default([]) }), response: BackupSourceSchema },
  /** Removes a folder source from the list; its sessions stay restorable. */
  'backup.remove-source': { request: z.object({ id: z.string().min(1).max(100) }), response: z.object({}) },
  /** Security and Agent Information: the Master and Replica rows of each scenario of a job (a folder source: its host). */
  'backup.job-hosts': { request: z.object({ scenarioIds: z.array(z.string().min(1).max(100)).min(1).max(256) }), response: z.array(JobHostSchema) },
  /** The Job Queue: backup and restore jobs. */
  'backup.jobs': { request: z.object({}), response: z.array(QueueJobSchema) },
  /** Changes a job that is not running (name, scenarios, device group, options, schedule). */
  'backup.job-modify': { request: z.object({ jobId: z.number().int(), changes: BackupJobChangesSchema }), response: BackupJobSchema },
  'backup.job-action': {
    request: z.object({ jobId: z.number().int(), action: z.enum(['hold', 'release', 'run-now', 'delete', 'cancel']) }),
    response: z.object({}),
  },
  /** How far each running (Active) job is: bytes moved of those expected, throughput, time left. */
  'backup.progress': { request: z.object({}), response: z.array(JobProgressSchema) },
  /** Device groups with their disk devices; the group "Default" is created on first use. */
  'backup.devices': { request: z.object({}), response: z.array(DeviceGroupSchema) },
  /** A disk device (a folder on the backup server, created and test-written first: E3390), in a group created when new. */
  'backup.add-disk-device': {
    request: z.object({ group: z.string().trim().min(1).max(200), name: z.string().trim().min(1).max(200), path: z.string().trim().min(1).max(4000) }),
    response: DeviceGroupSchema,
  },
  'backup.sessions': {
    request: z.object({ scenarioId: z.string().max(100).optional(), mediaId: z.string().max(100).optional(), limit: z.number().int().min(1).max(10_000).default(200) }),
    response: z.array(SessionSchema),
  },
  /** Restore by Session, first level: every media holding complete sessions, newest first. */
  'restore.media': { request: z.object({}), response: z.array(MediaSchema.extend({ sessions: z.number().int() })) },
  /** A session's properties, and whether its file is where the catalog says (E3371 at restore when not). */
  'restore.session': {
    request: z.object({ session: z.number().int() }),
    response: z.object({
      session: SessionSchema,
      media: MediaSchema.nullable(),
      scenario: z.object({ id: z.string(), name: z.string(), type: z.string() }),
      /** The Master folders the session holds (its content's top level). */
      roots: z.array(z.string()),
      present: z.boolean(),
    }),
  },
  /** One folder of one session (by Session: content; by Tree: a chosen version). Folders first. */
  'restore.session-dir': {
    request: z.object({ session: z.number().int(), path: z.string().min(1).max(4096), limit: z.number().int().min(1).max(10_000).default(1000), offset: z.number().int().min(0).default(0) }),
    response: z.array(CatalogEntrySchema),
  },
  /** Restore by Tree, first level: the Master hosts with complete sessions. */
  'restore.tree-hosts': { request: z.object({}), response: z.array(z.string()) },
  'restore.tree-volumes': { request: z.object({ host: z.string().min(1).max(300) }), response: z.array(TreeVolumeSchema) },
  /** A Master folder as its latest complete session holds it; null when no session holds it. */
  'restore.tree-dir': {
    request: z.object({ host: z.string().min(1).max(300), path: z.string().min(1).max(4096), limit: z.number().int().min(1).max(10_000).default(1000), offset: z.number().int().min(0).default(0) }),
    response: z.object({ session: z.number().int(), entries: z.array(CatalogEntrySchema) }).nullable(),
  },
  /** Version History: the path in every complete session, newest first. */
  'restore.versions': { request: z.object({ host: z.string().min(1).max(300), path: z.string().min(1).max(4096) }), response: z.array(FileVersionSchema) },
  /** Restore by Query (FileServer scenarios only). */
  'restore.query': { request: RestoreQuerySchema, response: z.array(SearchHitSchema) },
  /** Which hosts a restore to this destination needs credentials for (Start → credentials dialog rows). */
  'restore.required-hosts': { request: z.object({ spec: RestoreSpecSchema }), response: z.array(RequiredHostSchema) },
  /** Lists a folder on any connected engine's host (the alternate-location folder browser). */
  'restore.browse-host': {
    request: z.object({ host: z.string().min(1).max(300), path: z.string().min(1).max(4096), credentials: z.array(HostCredentialsSchema).max(4).default([]) }),
    response: BrowseReplySchema,
  },
  /**
   * Checks the credentials (each host's engine must accept them), the selection, the sessions
   * (present, password right) and the destination, then queues the job. Passwords stay in memory.
   */
  'restore.submit': {
    request: z.object({ draft: RestoreJobDraftSchema, credentials: z.array(HostCredentialsSchema).max(8).default([]), password: z.string().min(1).max(1000).optional() }),
    response: QueueJobSchema,
  },
  /** After a restore to a Replica: copies the restored paths from the Replica to the Master (reverse synchronization). */
  'restore.send-to-master': {
    request: z.object({ jobId: z.number().int() }),
    response: z.object({ files: z.number().int(), directories: z.number().int(), bytes: z.number().int() }),
  },
  /** Swaps files restored beside a running application (<name>.TMP) in, once the application is stopped (E3384 while it runs). */
  'restore.apply-pending': { request: z.object({ jobId: z.number().int() }), response: z.object({ files: z.number().int() }) },
  /** The Activity Log grouped by job run, newest first. */
  'backup.activity': {
    request: z.object({ limit: z.number().int().min(1).max(1000).default(100), offset: z.number().int().min(0).default(0) }),
    /** Each top-level run with its child runs (one per scenario or folder source). */
    response: z.array(ActivityGroupSchema.extend({ children: z.array(ActivityGroupSchema) })),
  },
  /** One job run's Activity Log entries (with its child runs'), oldest first, a page at a time (fewer than `limit`: the last page). */
  'backup.activity-entries': {
    request: z.object({ runId: z.number().int(), limit: z.number().int().min(1).max(10_000).default(1000), offset: z.number().int().min(0).default(0) }),
    /** Each entry with its code's module, reason and action (Message details), when it has a catalogued code. */
    response: z.array(ActivityEntrySchema.extend({ details: ErrorInfoSchema.nullable() })),
  },
  /** Hosts whose engine credentials are stored (encrypted); user names only, never a password. */
  'credentials.stored': { request: z.object({}), response: z.array(StoredCredentialSchema) },
  'credentials.forget': { request: z.object({ host: z.string().min(1).max(300) }), response: z.object({}) },
  /** Whether a running backup job controls the scenario (the Replication Manager asks before opening it). */
  'scenario.lock': { request: ScenarioIdSchema, response: ScenarioLockSchema },
  /** Takes the scenario from the backup job controlling it: that job fails (E3387, saying who took control). */
  'scenario.take-control': { request: ScenarioIdSchema, response: z.object({}) },
  /** Reports → Backup and restore activity. */
  'reports.runs': { request: RunReportQuerySchema, response: z.array(RunReportRowSchema) },
  'events.list': {
    request: z.object({
      limit: z.number().int().min(1).max(100_000),
      beforeId: z.number().int().optional(),
      scenarioId: z.string().max(100).optional(),
    }),
    response: z.array(EngineEventSchema),
  },
} as const;

export const streams = {
  'engine.event': EngineEventSchema,
  'scenario.changed': z.object({ change: z.enum(['created', 'removed', 'updated']), id: z.string() }),
} as const;

export type Channel = keyof typeof channels;
export type ChannelRequest<C extends Channel> = z.input<(typeof channels)[C]['request']>;
/** A request as handlers receive it: validated, defaults applied. */
export type ChannelParsedRequest<C extends Channel> = z.output<(typeof channels)[C]['request']>;
export type ChannelResponse<C extends Channel> = z.output<(typeof channels)[C]['response']>;
export type Stream = keyof typeof streams;
export type StreamPayload<S extends Stream> = z.output<(typeof streams)[S]>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** What `window.understudy` (Electron preload) and the WebSocket client both implement. */
export interface UnderstudyApi {
  invoke<C extends Channel>(channel: C, request: ChannelRequest<C>): Promise<Result<ChannelResponse<C>>>;
  subscribe<S extends Stream>(stream: S, listener: (payload: StreamPayload<S>) => void): () => void;
}

/** The console host's WebSocket messages, validated on both ends. */
export const WireRequestSchema = z.object({ id: z.number().int(), channel: z.string().max(100), request: z.unknown() });
export const WireReplySchema = z.object({
  id: z.number().int(),
  result: z.union([z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: ErrorInfoSchema })]),
});
export const WireEventSchema = z.object({ stream: z.string(), payload: z.unknown() });

export type { ErrorInfo };
export type { BackupSource, JobHost, ScenarioLock, StoredCredential } from '../../engine/backup/backup-manager-model';
export type { RunReportRow, RunReportQuery } from '../../engine/backup/catalog/run-report';
export type { Scenario, ScenarioDraft, ScenarioType } from '../../engine/scenario/model';
export type { ReplicationOptions } from '../../engine/scenario/options';
export type { LiveScenario, LinkStatus } from '../../engine/replication/live-status';
export type { BrowseEntry, BrowseReply } from '../../engine/runtime/browse-model';
export type { EngineEvent, Severity } from '../../engine/events/model';
export type {
  ArReport,
  ArStatus,
  JournalStatus,
  ReplicaProtection,
  RewindPoint,
  RewindSummary,
  RewindTarget,
  SnapshotInfo,
} from '../../engine/replica/protection-model';
