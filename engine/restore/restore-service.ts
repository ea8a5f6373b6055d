import fs from 'node:fs/promises';
import type { BackupService } from '../backup/backup-service';
import type { QueueJob, RestoreJob } from '../backup/catalog/job-model';
import type { RegisteredScenario } from '../backup/catalog/registration';
import type { HostCredentials, ScenarioControl } from '../manager/scenario-control';
import { UserError } from '../messages/user-error';
import { BrowseReplySchema, type BrowseReply } from '../runtime/browse-model';
import { DEFAULT_ENGINE_PORT } from '../scenario/model';
import { copyBetweenEngines, type CopyTotals } from './engine-copy';
import { replicaTargetFor } from '../replica/path-guard';
import { destinationReplica, planRestore } from './restore-plan';
import { RestoreJobDraftSchema, type RestoreJobDraft, type RestoreSpec } from './restore-model';
import { archiveOf, requireReadable } from './restore-run';

export interface RequiredHost {
  host: string;
  role: 'Master' | 'Replica' | 'Destination';
  port: number;
}

/**
 * The Restore Manager's requests that are not catalog reads: submitting a restore job (after
 * checking credentials, selection, sessions and password, so a job that cannot run is never
 * queued), the alternate-folder browser, and the two follow-ups of a finished restore: send
 * the restored paths from the Replica to the Master, and apply files left as <name>.TMP.
 */
export class RestoreService {
  constructor(
    private readonly backup: BackupService,
    private readonly control: ScenarioControl,
  ) {}

  /** Original→Master: the Master; original→Replica: both; alternate: the destination host. */
  requiredHosts(spec: RestoreSpec): RequiredHost[] {
    const scenario = this.registration(spec.scenarioId);
    const destination = spec.destination;
    if (destination.kind === 'alternate') return [{ host: destination.host, role: 'Destination', port: DEFAULT_ENGINE_PORT }];
    const master = { host: scenario.master.host, role: 'Master' as const, port: scenario.master.port };
    if (destination.to === 'master') return [master];
    const replica = destinationReplica(destination, scenario);
    return [master, { host: replica.host, role: 'Replica', port: replica.port }];
  }

  needsCredentials(host: RequiredHost): boolean {
    return !this.control.hasCredentials(host.host, host.port);
  }

  async submit(input: RestoreJobDraft, credentials: readonly HostCredentials[], password: string | undefined): Promise<QueueJob> {
    const draft = RestoreJobDraftSchema.parse(input);
    const scenario = this.registration(draft.spec.scenarioId);
    await this.control.verifyHosts(this.requiredHosts(draft.spec), credentials);
    const catalog = this.backup.catalog;
    const sessions = new Map<number, { number: number; scenarioId: string; masterHost: string }>();
    for (const item of draft.spec.items) {
      const session = catalog.sessions.get(item.session);
      if (session?.state !== 'complete') throw new UserError('E3382', `session ${item.session} is not a complete session`);
      await requireReadable(catalog, session, password);
      sessions.set(session.number, session);
    }
    planRestore(draft.spec, scenario, sessions);
    return this.backup.submitRestore({ ...draft, name: draft.name ?? `Restore ${scenario.name}` }, password);
  }

  async browseHost(host: string, folder: string, credentials: readonly HostCredentials[]): Promise<BrowseReply> {
    const required = [{ host, port: DEFAULT_ENGINE_PORT }];
    if (credentials.length > 0 || this.control.hasCredentials(host, DEFAULT_ENGINE_PORT)) await this.control.verifyHosts(required, credentials);
    else throw new UserError('AE0459', `give the engine administrator credentials for ${host} to browse it`);
    return BrowseReplySchema.parse(await this.control.engineAt(host, DEFAULT_ENGINE_PORT).call('engine.browse', { path: folder }));
  }

  /** After a restore to a Replica: the restored paths, copied from the Replica's target to the Master's roots (reverse synchronization). */
  async sendToMaster(jobId: number): Promise<CopyTotals> {
    const { job, outcome } = this.finishedRestore(jobId);
    const destination = job.restore.destination;
    if (destination.kind !== 'original' || destination.to !== 'replica') throw new UserError('E3386', `job ${jobId} did not restore to a Replica`);
    const scenario = this.registration(job.restore.scenarioId);
    const replica = destinationReplica(destination, scenario);
    const from = this.control.engineAt(replica.host, replica.port);
    const to = this.control.engineAt(scenario.master.host, scenario.master.port);
    const totals: CopyTotals = { files: 0, directories: 0, bytes: 0 };
    for (const target of outcome.targets) {
      const masterRoot = scenario.master.roots.find((root) => replicaTargetFor(replica.target, root) === target.root);
      if (!masterRoot) continue;
      const copied = await copyBetweenEngines({ engine: from, root: target.root }, { engine: to, root: masterRoot }, target.paths);
      totals.files += copied.files;
      totals.directories += copied.directories;
      totals.bytes += copied.bytes;
    }
    this.backup.catalog.activity.append({ type: 'Information', scenarioName: scenario.name, message: `Job ${jobId}: restored data sent from the Replica on ${replica.host} to the Master on ${scenario.master.host} (${totals.files} files, ${totals.bytes} bytes)` });
    return totals;
  }

  /** Swaps in files left as <name>.TMP beside a running application; the destination refuses (E3384) while it still runs. */
  async applyPending(jobId: number): Promise<{ files: number }> {
    const { job, outcome } = this.finishedRestore(jobId);
    if (!outcome.pending) throw new UserError('E3386', `job ${jobId} left no files waiting as <name>.TMP`);
    // The host written to is the last one a restore needs credentials for.
    const port = this.requiredHosts(job.restore).at(-1)?.port ?? DEFAULT_ENGINE_PORT;
    const reply = (await this.control.engineAt(outcome.host, port).call('restore.pending-apply', { restoreId: outcome.pending.restoreId })) as { files: number };
    this.backup.catalog.jobs.runs.clearRestorePending(jobId);
    this.backup.catalog.activity.append({ type: 'Information', message: `Job ${jobId}: ${reply.files} restored file(s) swapped in on ${outcome.host}; the restore is complete` });
    return { files: reply.files };
  }

  /** Session properties for the by-Session view, with whether its file is on its device. */
  async sessionInfo(number: number) {
    const catalog = this.backup.catalog;
    const session = catalog.sessions.require(number);
    const scenario = catalog.scenarios.get(session.scenarioId);
    const present = session.state === 'complete' ? (await fs.stat(archiveOf(session)).catch(() => undefined))?.isFile() === true : false;
    return {
      session,
      media: catalog.media.get(session.mediaId) ?? null,
      scenario: { id: session.scenarioId, name: scenario?.name ?? session.scenarioId, type: scenario?.type ?? 'FileServer' },
      roots: catalog.views.sessionRoots(session),
      present,
    };
  }

  private finishedRestore(jobId: number): { job: RestoreJob; outcome: NonNullable<ReturnType<BackupService['catalog']['jobs']['runs']['lastRestoreOutcome']>> } {
    const job = this.backup.catalog.jobs.requireJob(jobId);
    if (job.kind !== 'restore') throw new UserError('E3386', `job ${jobId} is a backup job`);
    const outcome = this.backup.catalog.jobs.runs.lastRestoreOutcome(jobId);
    if (!outcome || job.lastRun?.result !== 'succeeded') throw new UserError('E3386', `job ${jobId} has not completed a restore`);
    return { job, outcome };
  }

  private registration(scenarioId: string): RegisteredScenario {
    const scenario = this.backup.catalog.scenarios.get(scenarioId);
    if (!scenario) throw new UserError('E3382', `scenario ${scenarioId} is not registered in the catalog`);
    return scenario;
  }
}
