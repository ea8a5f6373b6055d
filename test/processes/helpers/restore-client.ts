import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { ContractClient } from '../../../electron/cli/contract-client';
import type { ChannelResponse, Result } from '../../../electron/api/contract';
import type { ActivityEntry } from '../../../engine/backup/catalog/activity-log';
import type { CompleteSession } from '../../../engine/backup/catalog/sessions';
import type { RestoreSpecInput } from '../../../engine/restore/restore-model';
import { rootSubdirectory } from '../../../engine/replication/root-mapping';
import { DEFAULT_REPLICATION_OPTIONS, type ReplicationOptions } from '../../../engine/scenario/options';
import type { Scenario } from '../../../engine/scenario/model';
import { tempDir } from '../../helpers/temp-dir';
import { ok } from './console-hosts';
import { pollUntil } from './protection-client';

/**
 * What the restore tests need around the contract: scenarios with files of known content and
 * modification time, backups and restore jobs followed to their end, and trees digested with
 * content and mtime (what a restore must reproduce exactly).
 */

type QueueJob = ChannelResponse<'backup.jobs'>[number];

/** A whole-second instant (as seconds) far from now, so a restored mtime can only come from the backup. */
export const T0 = 1_600_000_000;

/**
 * Puts a file at `root/relative` with `content` and an mtime of `mtimeSeconds` (whole seconds:
 * exact through every float conversion on the way), as editors save: written and stamped beside
 * the root, then renamed into place (over the old file when there is one), so the Master's
 * watcher sees the finished file only.
 */
export function placeFile(root: string, relative: string, content: string | Uint8Array, mtimeSeconds: number): void {
  const final = path.join(root, relative);
  fs.mkdirSync(path.dirname(final), { recursive: true });
  const staged = path.join(path.dirname(root), `.staged-${randomBytes(6).toString('hex')}`);
  fs.writeFileSync(staged, content);
  fs.utimesSync(staged, mtimeSeconds, mtimeSeconds);
  fs.renameSync(staged, final);
}

/**
 * Every entry below `dir`: a folder as 'dir', a file as "sha256 mtimeMs". Temporary names
 * (`.understudy-tmp-*`) are listed like any file, so leftovers show in comparisons.
 */
export async function treeState(dir: string): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  const walk = async (current: string, prefix: string): Promise<void> => {
    const names = (await fsp.readdir(current).catch(() => [])).sort();
    for (const name of names) {
      const full = path.join(current, name);
      const relative = prefix ? `${prefix}/${name}` : name;
      const stats = await fsp.lstat(full).catch(() => undefined);
      if (stats?.isDirectory()) {
        result.set(relative, 'dir');
        await walk(full, relative);
      } else if (stats?.isFile()) {
        const content = await fsp.readFile(full).catch(() => undefined);
        result.set(relative, content ? fileState(content, stats.mtimeMs) : 'vanished');
      }
    }
  };
  await walk(dir, '');
  return result;
}

export function fileState(content: Uint8Array, mtimeMs: number): string {
  return `${createHash('sha256').update(content).digest('hex')} ${mtimeMs}`;
}

/** The entries of `state` at or below `prefix` ('' = all), keys kept as they are. */
export function below(state: ReadonlyMap<string, string>, prefix: string): Map<string, string> {
  return new Map([...state].filter(([key]) => prefix === '' || key === prefix || key.startsWith(`${prefix}/`)));
}

/** Only the files of `state`. */
export function filesOf(state: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...state].filter(([, value]) => value !== 'dir'));
}

/** `actual` cut to the keys of `expected`: toEqual(expected) then says each expected entry is there, as expected. */
export function sameKeys(actual: ReadonlyMap<string, string>, expected: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...expected.keys()].map((key) => [key, actual.get(key) ?? 'missing']));
}

/** Names of temporary files a writer left in `state`. */
export function leftovers(state: ReadonlyMap<string, string>): string[] {
  return [...state.keys()].filter((key) => path.basename(key).toLowerCase().startsWith('.understudy-tmp-'));
}

/** Where a Master root's files land below a folder that mirrors Master paths (Replica target, alternate folder). */
export function mirrored(folder: string, masterRoot: string): string {
  return path.join(folder, ...rootSubdirectory(masterRoot));
}

/** Polls until the Replica holds the Master's tree, content and mtimes alike. */
export async function waitForReplica(root: string, replicaDir: string, timeoutMs = 60_000): Promise<void> {
  let difference = '';
  await pollUntil(
    `the Replica ${replicaDir} equal to the Master ${root}`,
    async () => {
      const [master, replica] = await Promise.all([treeState(root), treeState(replicaDir)]);
      difference = describeDifference(master, replica);
      return difference;
    },
    (found) => found === '',
    timeoutMs,
  ).catch((error: unknown) => {
    throw new Error(`${String(error)} (${difference})`);
  });
}

function describeDifference(master: ReadonlyMap<string, string>, replica: ReadonlyMap<string, string>): string {
  for (const [key, value] of master) if (replica.get(key) !== value) return `${key}: ${value} vs ${replica.get(key) ?? 'missing'}`;
  for (const key of replica.keys()) if (!master.has(key)) return `${key}: only on the Replica`;
  return '';
}

export interface TestScenario {
  readonly scenario: Scenario;
  readonly root: string;
  readonly target: string;
  readonly replicaDir: string;
}

/**
 * A FileServer scenario (a Master root and a Replica target on this host, backup enabled) whose
 * root holds `files` (relative path → [content, mtime seconds]), running and replicating.
 */
export async function replicatingScenario(
  client: ContractClient,
  name: string,
  files: Record<string, readonly [string | Uint8Array, number]>,
  options: Partial<ReplicationOptions> = {},
): Promise<TestScenario> {
  const root = tempDir('understudy-root-');
  for (const [relative, [content, mtime]] of Object.entries(files)) placeFile(root, relative, content, mtime);
  const target = tempDir('understudy-target-');
  const replicaDir = mirrored(target, root);
  const created = await ok(client.invoke('scenario.create', { name, type: 'FileServer', master: { host: 'localhost', roots: [root] }, replicas: [{ host: 'localhost', target }] }));
  await ok(client.invoke('scenario.set-options', { id: created.id, options: { ...DEFAULT_REPLICATION_OPTIONS, backupEnabled: true, ...options } }));
  const scenario = await ok(client.invoke('scenario.run', { id: created.id, credentials: [] }));
  await waitForReplica(root, replicaDir);
  await waitReplicating(client, scenario.id);
  return { scenario, root, target, replicaDir };
}

/** Backups need the replication state (AE0465 otherwise). */
export async function waitReplicating(client: ContractClient, scenarioId: string): Promise<void> {
  await pollUntil(
    'the scenario replicating',
    () => ok(client.invoke('scenario.live', { id: scenarioId })),
    (live) => live.state === 'running' && live.links.length > 0 && live.links.every((link) => link.state === 'replicating'),
    60_000,
  );
}

export async function scenarioState(client: ContractClient, scenarioId: string): Promise<string> {
  return (await ok(client.invoke('scenario.get', { id: scenarioId }))).status.state;
}

export interface JobEnd {
  readonly job: QueueJob;
  readonly result: string;
  /** The run's Activity Log entries, oldest first. */
  readonly entries: ActivityEntry[];
}

export async function findJob(client: ContractClient, jobId: number): Promise<QueueJob | undefined> {
  return (await ok(client.invoke('backup.jobs', {}))).find((job) => job.id === jobId);
}

/** Polls the Job Queue until the job's run has ended, and reads that run's Activity Log. */
export async function jobEnd(client: ContractClient, jobId: number, timeoutMs = 60_000): Promise<JobEnd> {
  const job = await pollUntil(`job ${jobId} to end`, () => findJob(client, jobId), (found) => found?.state.status === 'Done' && Boolean(found.lastRun?.result), timeoutMs);
  const run = job?.lastRun;
  if (!job || !run?.result) throw new Error(`job ${jobId} vanished from the queue`);
  const entries = await ok(client.invoke('backup.activity-entries', { runId: run.id }));
  return { job, result: run.result, entries };
}

/** What a job's end says, for assertion messages. */
export function told(end: JobEnd): string {
  return `${end.job.kind} job ${end.job.id} ${end.result}:\n${end.entries.map((entry) => `  ${entry.type} ${entry.code ?? ''} ${entry.message}`).join('\n')}`;
}

/** "Back up now" followed to its end; the new complete session (one entity: one root). */
export async function backUp(client: ContractClient, scenarioId: string, password?: string): Promise<CompleteSession> {
  const before = new Set((await ok(client.invoke('backup.sessions', { scenarioId }))).map((session) => session.number));
  const job = await ok(client.invoke('backup.now', { id: scenarioId, ...(password === undefined ? {} : { password }) }));
  const end = await jobEnd(client, job.id, 90_000);
  if (end.result !== 'succeeded') throw new Error(`the backup did not succeed: ${told(end)}`);
  const made = (await ok(client.invoke('backup.sessions', { scenarioId }))).filter((session): session is CompleteSession => session.state === 'complete' && !before.has(session.number));
  const [session, ...others] = made;
  if (!session || others.length > 0) throw new Error(`expected one new complete session, found ${made.map((entry) => entry.number).join(', ') || 'none'}`);
  return session;
}

export function submitRestore(client: ContractClient, spec: RestoreSpecInput, password?: string): Promise<Result<QueueJob>> {
  return client.invoke('restore.submit', { draft: { spec }, credentials: [], ...(password === undefined ? {} : { password }) });
}

/** Submits a restore job (it must be accepted) and follows it to its end. */
export async function restore(client: ContractClient, spec: RestoreSpecInput, password?: string, timeoutMs = 60_000): Promise<JobEnd> {
  const job = await ok(submitRestore(client, spec, password));
  if (job.kind !== 'restore') throw new Error(`restore.submit answered a ${job.kind} job`);
  return jobEnd(client, job.id, timeoutMs);
}

/** How a restore that must fail failed: refused at Submit Job, or its job's error. */
export interface RestoreFailure {
  readonly where: 'submit' | 'job';
  readonly code: string | null;
  readonly message: string;
}

export async function failedRestore(client: ContractClient, spec: RestoreSpecInput, password?: string): Promise<RestoreFailure> {
  const reply = await submitRestore(client, spec, password);
  if (!reply.ok) return { where: 'submit', code: reply.error.code, message: reply.error.message };
  const end = await jobEnd(client, reply.value.id);
  if (end.result !== 'failed') return { where: 'job', code: null, message: `the restore did not fail: ${told(end)}` };
  const error = end.entries.find((entry) => entry.type === 'Error');
  return { where: 'job', code: error?.code ?? null, message: error?.message ?? told(end) };
}

export async function restoreJobCount(client: ContractClient): Promise<number> {
  return (await ok(client.invoke('backup.jobs', {}))).filter((job) => job.kind === 'restore').length;
}

/**
 * Checks `holds` again and again for `ms` and fails the first time it does not: the only way to
 * see that something does NOT happen (a change that must not reach a stopped Replica).
 */
export async function keepsHolding(what: string, holds: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!(await holds())) throw new Error(`${what} stopped holding`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
