import type { Engine } from '../../engine/engine';
import type { BackupService } from '../../engine/backup/backup-service';
import { ProtectionControl } from '../../engine/manager/protection-control';
import type { ScenarioControl } from '../../engine/manager/scenario-control';
import { UserError, toErrorInfo } from '../../engine/messages/user-error';
import { RestoreService } from '../../engine/restore/restore-service';
import { detailsOf } from '../../engine/backup/catalog/activity-log';
import { BackupSources } from '../../engine/backup/backup-sources';
import { addDiskDevice } from '../../engine/backup/device-setup';
import { describeSchedule, firstRunAt } from '../../engine/backup/catalog/schedule';
import { withoutUndefined } from '../../engine/util/without-undefined';
import { channels, type Channel, type ChannelParsedRequest, type ChannelResponse, type Result, type Stream, type StreamPayload } from './contract';

export interface ShellInfo {
  version: string;
  shell: 'desktop' | 'console';
  dataDir: string;
}

type Handlers = { [C in Channel]: (request: ChannelParsedRequest<C>) => ChannelResponse<C> | Promise<ChannelResponse<C>> };

/** Channel → engine call. The one place both Electron IPC and the console host route through. */
export function createHandlers(engine: Engine, control: ScenarioControl, backup: BackupService, shell: ShellInfo): Handlers {
  const protection = new ProtectionControl(control);
  const restore = new RestoreService(backup, control);
  const catalog = engine.backupCatalog;
  const sources = new BackupSources(catalog, control);
  return {
    'app.info': () => ({ ...shell, hostName: engine.hostName }),
    'scenario.list': () => engine.scenarios.list(),
    'scenario.get': ({ id }) => engine.scenarios.get(id),
    'scenario.create': (draft) => engine.scenarios.create(draft),
    'scenario.remove': ({ id }) => {
      engine.scenarios.remove(id);
      backup.unregister(id);
      return { id };
    },
    'scenario.run': async ({ id, credentials }) => {
      const scenario = await control.run(id, credentials);
      backup.register(scenario);
      return scenario;
    },
    'scenario.stop': ({ id }) => control.stop(id),
    'scenario.suspend': async ({ id, replicaId }) => {
      await control.setSuspended(id, replicaId, true);
      return {};
    },
    'scenario.resume': async ({ id, replicaId }) => {
      await control.setSuspended(id, replicaId, false);
      return {};
    },
    'scenario.live': ({ id }) => control.live(id),
    'scenario.set-options': ({ id, options }) => {
      const scenario = engine.scenarios.setOptions(id, options);
      // An edit reaches the catalog only for scenarios already registered (or no longer to be).
      if (engine.backupCatalog.scenarios.get(id)?.removedAt === null) backup.register(scenario);
      return scenario;
    },
    'scenario.needs-credentials': ({ id }) => control.hostsNeedingCredentials(id),
    'scenario.browse': ({ id, path }) => control.browse(id, path),
    'protection.status': ({ id }) => protection.status(id, engine.scenarios.get(id).replicas),
    'rewind.points': ({ id, replicaId, query }) => protection.points(id, replicaId, query),
    'rewind.bookmark': ({ id, name }) => protection.bookmark(id, name),
    'rewind.run': ({ id, replicaId, target, scope }) => protection.rewind(id, replicaId, target, scope),
    'snapshot.create': ({ id, replicaId, name }) => protection.createSnapshot(id, replicaId, name),
    'snapshot.release': async ({ id, replicaId, snapshotId }) => {
      await protection.releaseSnapshot(id, replicaId, snapshotId);
      return {};
    },
    'snapshot.browse': ({ id, replicaId, snapshotId, path }) => protection.browseSnapshot(id, replicaId, snapshotId, path),
    'snapshot.export': ({ id, replicaId, snapshotId, path, destination }) => protection.exportSnapshot(id, replicaId, snapshotId, path, destination),
    'ar.start': ({ id, replicaId }) => protection.startTest(id, replicaId),
    'ar.stop': ({ id, replicaId }) => protection.stopTest(id, replicaId),
    'backup.now': ({ id, password, compression }) => backup.backupNow(id, { ...(password ? { password } : {}), ...(compression ? { compression } : {}) }),
    'backup.submit': async ({ draft, password, credentials }) => {
      await sources.verifyJob(draft.scenarioIds, credentials);
      return backup.submit(draft, password);
    },
    'backup.sources': ({ includeRemoved }) => sources.list({ includeRemoved }),
    'backup.source-entities': ({ scenarioId, credentials }) => sources.entities(scenarioId, credentials),
    'backup.job-hosts': ({ scenarioIds }) => sources.jobHosts(scenarioIds),
    'backup.add-folder': ({ host, path, credentials }) => sources.addFolder({ host, path }, credentials),
    'backup.remove-source': ({ id }) => {
      sources.removeFolder(id);
      return {};
    },
    'backup.schedule-preview': ({ schedule }) => ({ firstRunAt: firstRunAt(schedule, new Date()).toISOString(), description: describeSchedule(schedule) }),
    'backup.jobs': () => engine.backupCatalog.jobs.list(),
    'backup.job-modify': ({ jobId, changes }) => engine.backupCatalog.jobs.modify(jobId, changes),
    'backup.job-action': ({ jobId, action }) => {
      const jobs = engine.backupCatalog.jobs;
      if (action === 'hold') jobs.hold(jobId);
      else if (action === 'release') jobs.release(jobId);
      else if (action === 'run-now') jobs.runNow(jobId);
      else if (action === 'cancel') backup.cancel(jobId);
      else jobs.delete(jobId);
      void backup.tick();
      return {};
    },
    'backup.progress': () => backup.progressOfRunning(),
    'backup.devices': async () => {
      await backup.defaultGroup();
      return engine.backupCatalog.devices.groups();
    },
    'backup.add-disk-device': (draft) => addDiskDevice(catalog, draft),
    'backup.sessions': ({ scenarioId, mediaId, limit }) => catalog.sessions.restorable({ ...(scenarioId ? { scenarioId } : {}), ...(mediaId ? { mediaId } : {}), limit }),
    'restore.media': () => catalog.views.mediaWithSessions(),
    'restore.session': ({ session }) => restore.sessionInfo(session),
    'restore.session-dir': ({ session, path, limit, offset }) => catalog.files.listDirectory({ session, path, limit, offset }),
    'restore.tree-hosts': () => catalog.views.hosts(),
    'restore.tree-volumes': ({ host }) => catalog.views.volumes(host),
    'restore.tree-dir': ({ host, path, limit, offset }) => catalog.files.latestDirectory({ host, path, limit, offset }) ?? null,
    'restore.versions': ({ host, path }) => catalog.files.versions({ host, path }),
    'restore.query': (query) => catalog.files.search(withoutUndefined(query)).hits,
    'restore.required-hosts': ({ spec }) => restore.requiredHosts(spec).map((host) => ({ host: host.host, role: host.role, needsCredentials: restore.needsCredentials(host) })),
    'restore.browse-host': ({ host, path, credentials }) => restore.browseHost(host, path, credentials),
    'restore.submit': ({ draft, credentials, password }) => restore.submit(draft, credentials, password),
    'restore.send-to-master': ({ jobId }) => restore.sendToMaster(jobId),
    'restore.apply-pending': ({ jobId }) => restore.applyPending(jobId),
    'backup.activity': ({ limit, offset }) => engine.backupCatalog.activity.groups({ limit, offset }),
    'backup.activity-entries': ({ runId, limit, offset }) => engine.backupCatalog.activity.entries({ runId, limit, offset, withChildren: true }).map((entry) => ({ ...entry, details: detailsOf(entry) ?? null })),
    'credentials.stored': () => control.storedCredentials(),
    'credentials.forget': async ({ host }) => {
      await control.forgetCredentials(host);
      return {};
    },
    'scenario.lock': ({ id }) => backup.lockOf(id, engine.hostName),
    'scenario.take-control': ({ id }) => {
      backup.takeControl(id, `The Replication Manager on ${engine.hostName}`);
      return {};
    },
    'reports.runs': (query) => catalog.runReport(query),
    'events.list': (query) => engine.events.list(query),
  };
}

function isChannel(name: string): name is Channel {
  return Object.hasOwn(channels, name);
}

function issuesAsFields(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  return Object.fromEntries(issues.map((issue) => [issue.path.map(String).join('.') || '(request)', issue.message]));
}

export type Dispatch = (channel: string, rawRequest: unknown) => Promise<Result<unknown>>;

/** Validates an untrusted request against the contract, runs it, and turns every failure into an error value. */
export function createDispatch(handlers: Handlers, onInternalError: (error: unknown, channel: string) => void): Dispatch {
  return async (channel, rawRequest) => {
    if (!isChannel(channel)) return { ok: false, error: new UserError('E1003', `unknown channel "${channel}"`).toInfo() };
    const parsed = channels[channel].request.safeParse(rawRequest);
    if (!parsed.success) {
      return { ok: false, error: new UserError('E1003', `invalid request for ${channel}`, issuesAsFields(parsed.error.issues)).toInfo() };
    }
    try {
      const handler = handlers[channel] as (request: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (!(error instanceof UserError)) onInternalError(error, channel);
      return { ok: false, error: toErrorInfo(error) };
    }
  };
}

export type StreamSink = <S extends Stream>(stream: S, payload: StreamPayload<S>) => void;

/** Forwards every engine stream to a sink (a window, a WebSocket); returns the unsubscribe. */
export function forwardStreams(engine: Engine, sink: StreamSink): () => void {
  const offEvents = engine.events.onEvent((event) => sink('engine.event', event));
  const offScenarios = engine.scenarios.onChange((change) => sink('scenario.changed', change));
  return () => {
    offEvents();
    offScenarios();
  };
}
