import path from 'node:path';
import type { ScenarioControl } from '../manager/scenario-control';
import { describeError } from '../messages/describe-error';
import { UserError } from '../messages/user-error';
import type { Scenario } from '../scenario/model';
import { archivePathOf, sessionFileName } from './archive/format';
import { openSessionWriter } from './archive/session-writer';
import { openSessionReader } from './archive/session-reader';
import { asAgentError } from './agent-errors';
import { takeBackupSnapshot } from './backup-snapshot';
import type { BackupCatalog } from './catalog/backup-catalog';
import { registrationOf, type ScenarioEntity } from './catalog/registration';
import type { BackupJob } from './catalog/job-model';
import type { RunOutcome } from './catalog/job-runs';
import { entityOf, joinMasterPath } from './entities';
import { newSessionKeyRecord } from './session-key';
import { SnapshotSource, type SnapshotItem } from './snapshot-source';
import { scanWhileReading, type ScanResult, type VirusScanner } from './virus-scan';
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

interface Totals {
  files: number;
  directories: number;
  bytes: number;
}

/**
 * One scenario of a backup job (one child run): the scenario must be replicating; the
 * Replica's engine makes the snapshot (AR or a pin); the snapshot is walked and read through
 * that engine — never the Master — and written as one session per entity to a device of the
 * job's group, every file recorded in the catalog under the Master's host and path; then the
 * snapshot is released or kept per the job and scenario type.
 */
export async function backUpScenario(context: ScenarioBackupContext, scenarioId: string): Promise<RunOutcome> {
  const { catalog, control, job, runId } = context;
  const scenario = scenarioOf(control, scenarioId);
  await requireReplicating(control, scenario);
  const replica = scenario.replicas[0];
  if (!replica) throw new UserError('E3370', `scenario "${scenario.name}" has no Replica`);
  const { engine } = control.replicaEngine(scenario.id, replica.id);
  const ref = { scenarioId: scenario.id, replicaId: replica.id };
  const timeoutMs = job.options.timeoutSeconds * 1000;
  const snapshot = await takeBackupSnapshot(engine, ref, { arEnabled: scenario.options.arEnabled, backupAllowSuspend: scenario.options.backupAllowSuspend, timeoutMs });
  catalog.activity.append({ type: 'Information', runId, scenarioName: scenario.name, message: `Snapshot of the Replica on ${replica.host} taken (${snapshot.method === 'assured-recovery' ? 'Assured Recovery test' : 'between two applied changes'})` });
  const source = new SnapshotSource(engine, { ...ref, snapshotId: snapshot.snapshotId });
  const totals: Totals = { files: 0, directories: 0, bytes: 0 };
  try {
    const entities = await groupByEntity(source, scenario);
    context.progress?.expect([...entities.values()].flat().reduce((sum, item) => sum + (item.kind === 'file' ? item.size : 0), 0));
    if (scenario.type !== 'FileServer') catalog.scenarios.register(registrationOf(scenario, discoveredEntities(scenario, entities)));
    const device = catalog.devices.requireGroup(job.deviceGroupId).devices[0];
    if (!device) throw new UserError('E3377', `device group ${job.deviceGroupId} has no device`);
    const media = catalog.media.create({ deviceId: device.id, pool: job.mediaPool, runId });
    for (const [entity, items] of entities) {
      const written = await writeSession(context, { scenario, entity, items, source, devicePath: device.path, mediaId: media.id });
      totals.files += written.files;
      totals.directories += written.directories;
      totals.bytes += written.bytes;
    }
  } finally {
    await releaseOrKeep(context, engine, ref, snapshot.snapshotId, scenario);
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
async function groupByEntity(source: SnapshotSource, scenario: Scenario): Promise<Map<string, SnapshotItem[]>> {
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

async function writeSession(
  context: ScenarioBackupContext,
  work: { scenario: Scenario; entity: string; items: SnapshotItem[]; source: SnapshotSource; devicePath: string; mediaId: string },
): Promise<Totals> {
  const { catalog, job, runId, password } = context;
  const { scenario, entity, items, source } = work;
  const encrypted = job.options.encryption;
  if (encrypted && !password) throw new UserError('E3372', `job "${job.name}" encrypts its sessions and no password is available (passwords are kept in memory only: submit the job again)`);
  const session = catalog.sessions.begin({
    runId,
    scenarioId: scenario.id,
    masterHost: scenario.master.host,
    entity,
    mediaId: work.mediaId,
    devicePath: work.devicePath,
    archiveFile: (number) => sessionFileName(`S${String(number).padStart(8, '0')}`, { compression: job.options.compression, encrypted }),
    compression: job.options.compression,
    encryption: encrypted && password ? await newSessionKeyRecord(password) : null,
  });
  const writer = await openSessionWriter({
    file: path.join(work.devicePath, session.archiveFile),
    compression: job.options.compression,
    ...(encrypted && password ? { encryption: { password } } : {}),
    manifestBase: { session: session.number, scenario: { id: scenario.id, name: scenario.name, type: scenario.type }, entity, masterHost: scenario.master.host },
  });
  const rows = catalog.files.writer(session.number);
  const scanProblems = new ScanReport(catalog, runId, session.number, scenario.name);
  try {
    for (const item of items) {
      context.signal?.throwIfAborted();
      const masterRoot = scenario.master.roots[item.root] ?? '';
      const masterPath = joinMasterPath(masterRoot, item.relative);
      const stat = { mtimeMs: item.mtimeMs, mode: item.mode };
      if (item.kind === 'directory') {
        await writer.addDirectory(archivePathOf(masterPath), stat);
        rows.add({ path: masterPath, kind: 'directory', size: 0, ...stat, sha256: null });
      } else {
        const content = source.read(item, context.signal);
        const scan = job.options.virusScan && context.scanner ? scanWhileReading(content, context.scanner) : undefined;
        const { sha256 } = await writer.addFile(archivePathOf(masterPath), { ...stat, size: item.size }, scan?.stream ?? content);
        rows.add({ path: masterPath, kind: 'file', size: item.size, ...stat, sha256 });
        context.progress?.moved(item.size);
        if (scan) scanProblems.note(await scan.result, masterPath);
      }
    }
    context.signal?.throwIfAborted();
    rows.flush();
    const summary = await writer.finish();
    if (job.options.verification === 'checksum') await verifySession(context, path.join(work.devicePath, session.archiveFile), session.number, summary.sha256OfArchive, scenario.name);
    catalog.sessions.complete(session.number, { archiveSize: summary.bytes, sha256: summary.sha256OfArchive, files: summary.files, directories: summary.directories, bytes: summary.contentBytes });
    catalog.activity.append({ type: 'Information', runId, session: session.number, scenarioName: scenario.name, message: `Session ${session.number} (${entity}): ${summary.files} files, ${summary.directories} folders, ${summary.contentBytes} bytes` });
    return { files: summary.files, directories: summary.directories, bytes: summary.contentBytes };
  } catch (error) {
    await writer.abort();
    catalog.sessions.fail(session.number, describeError(error));
    throw error instanceof UserError ? error : new UserError('AE0458', describeError(error));
  }
}

/** The Verification option: the whole session read back from the device, each file against its recorded checksum (E3388 when not). */
async function verifySession(context: ScenarioBackupContext, file: string, session: number, sha256: string, scenarioName: string): Promise<void> {
  context.signal?.throwIfAborted();
  let report;
  try {
    const reader = await openSessionReader({ file, ...(context.password ? { password: context.password } : {}), expectedSha256: sha256 });
    report = await reader.verify();
  } catch (error) {
    throw new UserError('E3388', `session ${session}: ${describeError(error)}`);
  }
  context.catalog.activity.append({ type: 'Information', runId: context.runId, session, scenarioName, message: `Session ${session} verified on the device: ${report.files} files, ${report.contentBytes} bytes, archive checksum matches` });
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

/** Virus scan findings of one session in the Activity Log: each detection, and a scanner failure once. */
class ScanReport {
  private failed = false;

  constructor(
    private readonly catalog: BackupCatalog,
    private readonly runId: number,
    private readonly session: number,
    private readonly scenarioName: string,
  ) {}

  note(result: ScanResult, masterPath: string): void {
    const context = { runId: this.runId, session: this.session, scenarioName: this.scenarioName };
    if (result.kind === 'infected') this.catalog.activity.appendError(new UserError('W3380', `${result.signature} in ${masterPath}`), context);
    if (result.kind === 'error' && !this.failed) {
      this.failed = true;
      this.catalog.activity.appendError(new UserError('W3381', result.detail), context);
    }
  }
}
