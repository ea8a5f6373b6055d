import fs from 'node:fs/promises';
import path from 'node:path';
import { openSessionReader } from '../backup/archive/session-reader';
import type { BackupCatalog } from '../backup/catalog/backup-catalog';
import type { RestoreJob } from '../backup/catalog/job-model';
import type { RunOutcome } from '../backup/catalog/job-runs';
import type { CompleteSession } from '../backup/catalog/sessions';
import type { RegisteredScenario } from '../backup/catalog/registration';
import { passwordMatches } from '../backup/session-key';
import type { ScenarioControl } from '../manager/scenario-control';
import { UserError } from '../messages/user-error';
import { planRestore, type Placement } from './restore-plan';
import type { RestoreOutcome } from './restore-model';
import { RestoreTargetClient } from './restore-target-client';
import type { ProgressSink } from '../backup/job-progress';
import { stopForRestore } from './stop-for-restore';

export interface RestoreRunContext {
  readonly catalog: BackupCatalog;
  readonly control: ScenarioControl;
  readonly job: RestoreJob;
  readonly runId: number;
  readonly password: string | undefined;
  readonly signal: AbortSignal;
  /** Which running job holds the scenario, if one does (a backup holding it cannot be stopped under). */
  readonly heldBy: (scenarioId: string) => string | undefined;
  /** Told the bytes to restore (when whole sessions are), then each file written. */
  readonly progress?: ProgressSink;
}

/**
 * One restore job run: catalog → sessions → device → the destination engine. Original
 * locations first stop the scenario (stop-for-restore.ts) and, when the application runs
 * there, leave files beside the live ones as <name>.TMP. Every selected entry is read from
 * its session (checked against the session's checksums) and streamed to the destination,
 * which keeps nothing until every session was read whole: a wrong password, damaged media or
 * a failure at the destination leaves the destination as it was.
 */
export async function runRestore(context: RestoreRunContext): Promise<{ outcome: RunOutcome; restore: RestoreOutcome }> {
  const { catalog, job, runId } = context;
  const spec = job.restore;
  const registration = registrationOf(catalog, spec.scenarioId);
  const sessions = completeSessions(catalog, spec.items.map((item) => item.session));
  const plan = planRestore(spec, registration, sessions);
  for (const session of sessions.values()) await requireReadable(catalog, session, context.password);
  const log = (type: 'Information' | 'Warning', message: string): void => void catalog.activity.append({ type, runId, scenarioName: registration.name, message });

  const original = spec.destination.kind === 'original';
  if (original) await stopForRestore(context, registration, log);
  const checkCommand = original ? appRunningCommand(context.control, registration) : '';
  const engine = context.control.engineAt(plan.host, plan.port);
  const running = checkCommand !== '' && (await isRunningAt(engine, checkCommand));
  if (running) log('Warning', `The application of "${registration.name}" runs on ${plan.host}: restored files are written beside the live ones as <name>.TMP`);

  const targets = new Map<string, RestoreTargetClient>();
  const totals = { files: 0, directories: 0, bytes: 0 };
  if (spec.items.every((item) => item.path === null)) context.progress?.expect([...sessions.values()].reduce((sum, session) => sum + session.counts.bytes, 0));
  try {
    for (const [number, session] of sessions) {
      if (!plan.sessions.has(number)) continue;
      log('Information', `Reading session ${number} (${session.entity}) from media ${mediaLabel(catalog, session)}`);
      await streamSession({
        file: archiveOf(session),
        password: context.password,
        expectedSha256: session.sha256,
        signal: context.signal,
        place: (entryPath) => plan.place(number, entryPath),
        targetFor: async (root) => {
          const existing = targets.get(root);
          if (existing) return existing;
          const target = await RestoreTargetClient.begin(engine, root, running ? 'beside' : 'in-place');
          targets.set(root, target);
          return target;
        },
        totals,
        progress: context.progress,
      });
    }
    let pending = 0;
    for (const target of targets.values()) pending += (await target.commit(running ? checkCommand : '')).pending;
    const where = spec.destination.kind === 'alternate' ? `${plan.host}:${spec.destination.folder}` : `the ${spec.destination.to === 'master' ? 'Master' : 'Replica'} on ${plan.host}`;
    log('Information', `Restored ${totals.files} files and ${totals.directories} folders (${totals.bytes} bytes) to ${where}`);
    const firstPending = pending > 0 ? [...targets.values()][0] : undefined;
    if (pending > 0) {
      log('Warning', `Restart required to complete the restore: ${pending} file(s) wait beside the live ones as <name>.TMP. Stop the application, then run: understudy apply-restore ${job.id}`);
    }
    return {
      outcome: { result: 'succeeded', ...totals },
      restore: { host: plan.host, targets: plan.targets.map((target) => ({ root: target.root, paths: target.paths })), pending: firstPending ? { restoreId: firstPending.restoreId, files: pending } : null },
    };
  } catch (error) {
    for (const target of targets.values()) await target.abort();
    throw error;
  }
}

/** Files up to this size are read whole and sent in one request, several at once. */
const SMALL_FILE_BYTES = 1024 * 1024;
const SMALL_FILES_IN_FLIGHT = 16;

/** One session read and sent to its destinations: what runRestore does per session (exported for the restore bench). */
export interface SessionStream {
  readonly file: string;
  readonly password?: string | undefined;
  readonly expectedSha256?: string;
  readonly signal?: AbortSignal;
  /** Where a session entry goes, or undefined when it was not selected. */
  place(entryPath: string): Placement | undefined;
  targetFor(root: string): Promise<RestoreTargetClient>;
  readonly totals: { files: number; directories: number; bytes: number };
  readonly progress?: ProgressSink | undefined;
}

export async function streamSession(stream: SessionStream): Promise<void> {
  const { totals, targetFor } = stream;
  const reader = await openSessionReader({ file: stream.file, ...(stream.password === undefined ? {} : { password: stream.password }), ...(stream.expectedSha256 ? { expectedSha256: stream.expectedSha256 } : {}) });
  const inFlight = new InFlight(SMALL_FILES_IN_FLIGHT);
  try {
    for await (const entry of reader.entries()) {
      stream.signal?.throwIfAborted();
      const placement = stream.place(entry.path);
      if (!placement) continue;
      const target = await targetFor(placement.root);
      const stat = { mtimeMs: entry.mtime.getTime(), mode: entry.mode };
      if (entry.kind === 'directory') {
        await inFlight.drain();
        await target.directory(placement.relative, stat);
        totals.directories += 1;
        continue;
      }
      if (entry.size <= SMALL_FILE_BYTES) {
        // Read whole here (its checksum is checked as the reader moves on), written while the next ones are read.
        const parts: Buffer[] = [];
        for await (const chunk of entry.content) parts.push(chunk);
        await inFlight.add(target.smallFile(placement.relative, Buffer.concat(parts), stat, entry.sha256));
      } else {
        await target.file(placement.relative, entry.size, stat, entry.content, entry.sha256);
      }
      totals.files += 1;
      totals.bytes += entry.size;
      stream.progress?.moved(entry.size);
    }
    await inFlight.drain();
  } catch (error) {
    // Nothing may still be writing when the caller aborts the destination.
    await inFlight.settle();
    throw error;
  }
}

/** Up to `limit` writes under way at once; the first failure is thrown by the next add or drain. */
class InFlight {
  private readonly running = new Set<Promise<void>>();
  private failure: { error: unknown } | undefined;

  constructor(private readonly limit: number) {}

  async add(work: Promise<void>): Promise<void> {
    const tracked: Promise<void> = work.then(
      () => void this.running.delete(tracked),
      (error: unknown) => {
        this.running.delete(tracked);
        this.failure ??= { error };
      },
    );
    this.running.add(tracked);
    if (this.running.size >= this.limit) await Promise.race(this.running);
    this.rethrow();
  }

  async drain(): Promise<void> {
    await Promise.all(this.running);
    this.rethrow();
  }

  async settle(): Promise<void> {
    await Promise.all(this.running);
  }

  private rethrow(): void {
    if (this.failure) throw this.failure.error;
  }
}

function registrationOf(catalog: BackupCatalog, scenarioId: string): RegisteredScenario {
  const registration = catalog.scenarios.get(scenarioId);
  if (!registration) throw new UserError('E3382', `scenario ${scenarioId} is not registered in the catalog`);
  return registration;
}

function completeSessions(catalog: BackupCatalog, numbers: readonly number[]): Map<number, CompleteSession> {
  const sessions = new Map<number, CompleteSession>();
  for (const number of [...new Set(numbers)].sort((a, b) => a - b)) {
    const session = catalog.sessions.get(number);
    if (session?.state !== 'complete') throw new UserError('E3382', `session ${number} is ${session ? session.state : 'not in the catalog'}: only complete sessions restore`);
    sessions.set(number, session);
  }
  return sessions;
}

/** E3371 when the session's file is not where the catalog says; E3373 when its size changed; E3372 for a wrong or missing password. */
export async function requireReadable(catalog: BackupCatalog, session: CompleteSession, password: string | undefined): Promise<void> {
  const file = archiveOf(session);
  const stats = await fs.stat(file).catch(() => undefined);
  if (!stats?.isFile()) throw new UserError('E3371', `session ${session.number} on media ${mediaLabel(catalog, session)}: ${file} is missing`);
  if (stats.size !== session.archiveSize) throw new UserError('E3373', `${file} holds ${stats.size} bytes, the catalog recorded ${session.archiveSize}: it was cut short or changed`);
  if (!session.encryption) return;
  if (password === undefined) throw new UserError('E3372', `session ${session.number} is encrypted: give its password`);
  if (!(await passwordMatches(password, session.encryption))) throw new UserError('E3372', `the password does not open session ${session.number}`);
}

export function archiveOf(session: CompleteSession): string {
  return path.join(session.devicePath, session.archiveFile);
}

function mediaLabel(catalog: BackupCatalog, session: CompleteSession): string {
  const media = catalog.media.get(session.mediaId);
  return media ? `${media.name} (${media.id})` : session.mediaId;
}

function appRunningCommand(control: ScenarioControl, registration: RegisteredScenario): string {
  if (registration.type === 'FileServer') return '';
  try {
    return control.scenario(registration.id).options.appRunningCommand;
  } catch {
    return '';
  }
}

async function isRunningAt(engine: { call(channel: string, body: unknown): Promise<unknown> }, command: string): Promise<boolean> {
  const reply = (await engine.call('restore.app-running', { command })) as { running?: unknown };
  return reply.running === true;
}
