import type { ScenarioControl } from '../manager/scenario-control';
import { describeError } from '../messages/describe-error';
import { UserError } from '../messages/user-error';
import type { Scenario } from '../scenario/model';
import { asAgentError, codeOf } from './agent-errors';
import { takeBackupSnapshot } from './backup-snapshot';
import type { BackupCatalog } from './catalog/backup-catalog';
import { registrationOf, type RegisteredScenario, type ScenarioEntity } from './catalog/registration';
import type { BackupJob } from './catalog/job-model';
import type { RunOutcome } from './catalog/job-runs';
import { entityOf, joinMasterPath } from './entities';
import { FolderSource } from './folder-source';
import { writeSession, type BackupSubject, type Totals } from './session-backup';
import { SnapshotSource, type SnapshotItem, type TreeSource } from './snapshot-source';
import type { VirusScanner } from './virus-scan';
import type { ProgressSink } from './job-progress';

export interface ScenarioBackupContext {
  readonly catalog: BackupCatalog;
  readonly control: ScenarioControl;
  readonly job: BackupJob;
  readonly runId: number;
  readonly password: string | undefined;
  /** Aborted when the user stops the job: checked between two files. */
  readonly signal?: AbortSignal;
  /** Used when the job asks for virus scanning. */
  readonly scanner?: VirusScanner;
  /** Told the bytes to back up once the snapshot is walked, then each file written. */
  readonly progress?: ProgressSink;
}


/**
 * One scenario of a backup job (one child run): the scenario must be replicating; the
 * Replica's engine makes the snapshot (AR or a pin); the snapshot is walked and read through
 * that engine — never the Master — and written as one session per entity to a device of the
 * job's group, every file recorded in the catalog under the Master's host and path; then the
 * snapshot is released or kept per the job and scenario type. A folder source is read live
 * through its host's engine instead (no snapshot).
 */
export async function backUpScenario(context: ScenarioBackupContext, scenarioId: string): Promise<RunOutcome> {
  const { catalog, control, job, runId } = context;
  const registered = catalog.scenarios.get(scenarioId);
  if (registered?.source === 'folder') return backUpFolder(context, registered);
  const scenario = scenarioOf(control, scenarioId);
  await requireReplicating(control, scenario);
  const replica = scenario.replicas[0];
  if (!replica) throw new UserError('E3370', `scenario "${scenario.name}" has no Replica`);
  const { engine } = control.replicaEngine(scenario.id, replica.id);
  const ref = { scenarioId: scenario.id, replicaId: replica.id };
  const timeoutMs = job.options.timeoutSeconds * 1000;
  const snapshot = await takeBackupSnapshot(engine, ref, { arEnabled: scenario.options.arEnabled, backupAllowSuspend: scenario.options.backupAllowSuspend, timeoutMs, ...(context.signal ? { signal: context.signal } : {}) });
  catalog.activity.append({ type: 'Information', runId, scenarioName: scenario.name, message: `Snapshot of the Replica on ${replica.host} taken (${snapshot.method === 'assured-recovery' ? 'Assured Recovery test' : 'between two applied changes'})` });
  try {
    const source = new SnapshotSource(engine, { ...ref, snapshotId: snapshot.snapshotId });
    const entities = await groupByEntity(source, scenario);
    if (scenario.type !== 'FileServer') catalog.scenarios.register(registrationOf(scenario, discoveredEntities(scenario, entities)));
    return await writeSessions(context, scenario, source, entities);
  } finally {
    await releaseOrKeep(context, engine, ref, snapshot.snapshotId, scenario);
  }
}

/** A folder source: its host's engine must answer and the folder exist (E3389), then its tree is read as it is now. */
async function backUpFolder(context: ScenarioBackupContext, folder: RegisteredScenario): Promise<RunOutcome> {
  const root = folder.master.roots[0] ?? '';
  const source = new FolderSource(context.control.engineAt(folder.master.host, folder.master.port), root);
  let entities: Map<string, SnapshotItem[]>;
  try {
    entities = await groupByEntity(source, folder);
  } catch (error) {
    const code = codeOf(error);
    if (code === 'AE0459' || code === 'E1008' || code === 'E1201') throw new UserError('AE0459', `${folder.master.host} refused the stored credentials or has none`);
    throw new UserError('E3389', `${root} on ${folder.master.host}: ${describeError(error)}`);
  }
  context.catalog.activity.append({ type: 'Information', runId: context.runId, scenarioName: folder.name, message: `Reading ${root} on ${folder.master.host} as it is now (a folder source has no snapshot)` });
  return writeSessions(context, folder, source, entities);
}

/** One session per entity on the job's device group; the totals of them all. */
async function writeSessions(context: ScenarioBackupContext, subject: BackupSubject, source: TreeSource, entities: ReadonlyMap<string, readonly SnapshotItem[]>): Promise<RunOutcome> {
  const { catalog, job, runId } = context;
  context.progress?.expect([...entities.values()].flat().reduce((sum, item) => sum + (item.kind === 'file' ? item.size : 0), 0));
  const staging = job.options.staging;
  const groupId = staging?.deviceGroupId ?? job.deviceGroupId;
  const device = catalog.devices.requireGroup(groupId).devices[0];
  if (!device) throw new UserError('E3377', `device group ${groupId} has no device`);
  const media = catalog.media.create({ deviceId: device.id, pool: staging ? null : job.mediaPool, runId });
  const destination = catalog.devices.requireGroup(job.deviceGroupId).name;
  const totals: Totals = { files: 0, directories: 0, bytes: 0 };
  for (const [entity, items] of entities) {
    const written = await writeSession(context, { scenario: subject, entity, items, source, devicePath: device.path, mediaId: media.id });
    if (staging) {
      catalog.staged.note({ session: written.session, runId, finalGroupId: job.deviceGroupId, mediaPool: job.mediaPool, stagingPath: device.path, migrateAfterHours: staging.migrateAfterHours });
      const when = staging.migrateAfterHours === 0 ? 'now' : `in ${staging.migrateAfterHours} h`;
      catalog.activity.append({ type: 'Information', runId, session: written.session, scenarioName: subject.name, message: `Session ${written.session} written to the staging device ${device.path}; it migrates to device group "${destination}" ${when}` });
    }
    totals.files += written.files;
    totals.directories += written.directories;
    totals.bytes += written.bytes;
  }
  return { result: 'succeeded', ...totals };
}

function scenarioOf(control: ScenarioControl, scenarioId: string): Scenario {
  try {
    return control.scenario(scenarioId);
  } catch (error) {
    throw new UserError('E3370', describeError(error));
  }
}

async function requireReplicating(control: ScenarioControl, scenario: Scenario): Promise<void> {
  const live = await control.live(scenario.id);
  if (live.state === 'not-authorized') throw new UserError('AE0459', `scenario "${scenario.name}"`);
  if (live.state === 'problem' && live.error) throw asAgentError({ info: live.error });
  const replicating = live.state !== 'stopped' && live.links.length > 0 && live.links.every((link) => link.state === 'replicating');
  if (!replicating) throw new UserError('AE0465', `scenario "${scenario.name}" is ${live.state === 'stopped' ? 'stopped' : (live.links.map((link) => link.state).join(', ') || 'starting')}`);
}

/** Every item of the snapshot grouped by entity, roots in order (metadata only; contents are read later). */
async function groupByEntity(source: TreeSource, scenario: BackupSubject): Promise<Map<string, SnapshotItem[]>> {
  const entities = new Map<string, SnapshotItem[]>();
  for (const [root, masterRoot] of scenario.master.roots.entries()) {
    for await (const item of source.walk(root)) {
      const entity = entityOf(scenario.type, masterRoot, item.relative);
      const list = entities.get(entity) ?? [];
      list.push(item);
      entities.set(entity, list);
    }
  }
  return entities;
}

/** Databases and storage groups as the backup found them (with their files), and the volumes holding the rest (by root), for the registration. */
function discoveredEntities(scenario: Scenario, entities: ReadonlyMap<string, readonly SnapshotItem[]>): ScenarioEntity[] {
  return [...entities].map(([name, items]) => {
    const roots = [...new Set(items.map((item) => scenario.master.roots[item.root] ?? ''))];
    const files = items.filter((item) => item.kind === 'file').map((item) => joinMasterPath(scenario.master.roots[item.root] ?? '', item.relative));
    return { name, masterPaths: name.startsWith('Volume ') || files.length === 0 ? roots : files };
  });
}

async function releaseOrKeep(context: ScenarioBackupContext, engine: { call(channel: string, body: unknown): Promise<unknown> }, ref: { scenarioId: string; replicaId: string }, snapshotId: string, scenario: Scenario): Promise<void> {
  // SQLServer/Exchange backup snapshots rotate on the Replica ("Number of snapshots to keep").
  if (context.job.options.snapshot === 'keep' || scenario.type !== 'FileServer') return;
  try {
    await engine.call('replica.snapshot-release', { ...ref, snapshotId });
  } catch (error) {
    context.catalog.activity.appendError(new UserError('AE0461', describeError(error)), { runId: context.runId, scenarioName: scenario.name });
  }
}

