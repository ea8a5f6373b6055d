import { z } from 'zod';
import type { EngineClient } from '../manager/engine-clients';
import { UserError } from '../messages/user-error';
import { ArStatusSchema, ReplicaProtectionSchema, SnapshotInfoSchema } from '../replica/protection-model';
import { asAgentError } from './agent-errors';
import { withTimeout } from '../util/with-timeout';

export interface BackupSnapshot {
  readonly snapshotId: string;
  /** How the snapshot was made consistent (SPEC.md, Backup Manager → Execution). */
  readonly method: 'assured-recovery' | 'suspend';
}

export interface BackupSnapshotOptions {
  readonly arEnabled: boolean;
  readonly backupAllowSuspend: boolean;
  /** AE0469 past this. */
  readonly timeoutMs: number;
  readonly pollMs?: number;
  /** Stopping the job or taking control of the scenario: an Assured Recovery test under way is stopped (rolled back) at once. */
  readonly signal?: AbortSignal;
}

const StatusListSchema = z.array(ReplicaProtectionSchema.omit({ host: true }).extend({ ar: ArStatusSchema }));

/**
 * Asks the Replica's engine for the snapshot a backup reads: with Assured Recovery, a test run
 * for the backup (the application started, verified and stopped; the snapshot taken then —
 * application-consistent); otherwise a snapshot pinned between two applied changes (the
 * Replica is held for that instant: crash-consistent). Neither allowed: AE0471.
 */
export async function takeBackupSnapshot(engine: EngineClient, ref: { scenarioId: string; replicaId: string }, options: BackupSnapshotOptions): Promise<BackupSnapshot> {
  if (!options.arEnabled && !options.backupAllowSuspend) throw new UserError('AE0471', `scenario ${ref.scenarioId}`);
  const deadline = Date.now() + options.timeoutMs;
  const replica = { scenarioId: ref.scenarioId, replicaId: ref.replicaId };
  options.signal?.throwIfAborted();
  const work = options.arEnabled ? testForBackup(engine, replica, deadline, options.pollMs ?? 500, options.signal) : pinForBackup(engine, replica);
  return withTimeout(work, options.timeoutMs, () => new UserError('AE0469', `no snapshot after ${Math.round(options.timeoutMs / 1000)} s`));
}

async function pinForBackup(engine: EngineClient, ref: { scenarioId: string; replicaId: string }): Promise<BackupSnapshot> {
  try {
    const snapshot = SnapshotInfoSchema.parse(await engine.call('replica.snapshot-create', { ...ref, name: `Backup ${new Date().toISOString()}`, purpose: 'backup' }));
    return { snapshotId: snapshot.id, method: 'suspend' };
  } catch (error) {
    throw asAgentError(error, 'AE0460');
  }
}

async function testForBackup(engine: EngineClient, ref: { scenarioId: string; replicaId: string }, deadline: number, pollMs: number, signal: AbortSignal | undefined): Promise<BackupSnapshot> {
  let started;
  try {
    started = ArStatusSchema.parse(await engine.call('replica.ar-start', { ...ref, trigger: 'backup' }));
  } catch (error) {
    throw asAgentError(error, 'AE0457');
  }
  const since = started.since ?? 0;
  while (Date.now() < deadline) {
    await pause(pollMs, signal);
    if (signal?.aborted) {
      await engine.call('replica.ar-stop', ref).catch(() => undefined);
      signal.throwIfAborted();
    }
    const status = StatusListSchema.parse(await engine.call('replica.protection', { scenarioId: ref.scenarioId })).find((entry) => entry.replicaId === ref.replicaId);
    const report = status?.ar.lastReport;
    if (status?.ar.state !== 'idle' || !report || report.startedAt < since) continue;
    if (report.result !== 'passed' || report.snapshotId === null) {
      const steps = report.steps.map((step) => `${step.name} exit ${step.exitCode ?? 'none'}`).join(', ');
      throw new UserError('AE0457', `the Assured Recovery test for the backup ${report.stopped ? 'was stopped' : 'failed'} (${steps || 'no command ran'})`);
    }
    return { snapshotId: report.snapshotId, method: 'assured-recovery' };
  }
  throw new UserError('AE0469', 'the Assured Recovery test for the backup did not finish in time');
}

/** Waits `ms`, or less when `signal` aborts. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
