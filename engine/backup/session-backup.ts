import path from 'node:path';
import { describeError } from '../messages/describe-error';
import { UserError } from '../messages/user-error';
import type { ScenarioType } from '../scenario/model';
import { archivePathOf, sessionFileName } from './archive/format';
import { openSessionReader } from './archive/session-reader';
import { openSessionWriter } from './archive/session-writer';
import type { BackupCatalog } from './catalog/backup-catalog';
import { joinMasterPath } from './entities';
import type { ScenarioBackupContext } from './scenario-backup';
import { newSessionKeyRecord } from './session-key';
import type { SnapshotItem, TreeSource } from './snapshot-source';
import { scanWhileReading, type ScanResult } from './virus-scan';

/** What is backed up, as the session and the catalog name it: a scenario's registration, or a folder source's. */
export interface BackupSubject {
  readonly id: string;
  readonly name: string;
  readonly type: ScenarioType;
  readonly master: { readonly host: string; readonly roots: readonly string[] };
}

export interface SessionWork {
  readonly scenario: BackupSubject;
  readonly entity: string;
  readonly items: readonly SnapshotItem[];
  readonly source: TreeSource;
  readonly devicePath: string;
  readonly mediaId: string;
}

export interface Totals {
  files: number;
  directories: number;
  bytes: number;
}

/**
 * One session: an entity's folders and files read from the source (a Replica snapshot or a
 * folder on a host) and written to the device as one archive, every file recorded in the file
 * catalog under the Master's host and path, optionally scanned and read back (verification).
 */
export async function writeSession(context: ScenarioBackupContext, work: SessionWork): Promise<Totals & { session: number }> {
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
    return { session: session.number, files: summary.files, directories: summary.directories, bytes: summary.contentBytes };
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
