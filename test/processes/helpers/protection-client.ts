import fs from 'node:fs';
import { z } from 'zod';
import { DEFAULT_PROTECTION_SETTINGS, type ProtectionSettings } from '../../../engine/replica/protection-settings';
import {
  ArStatusSchema,
  JournalStatusSchema,
  RewindPointsReplySchema,
  RewindSummarySchema,
  SnapshotExportReplySchema,
  SnapshotInfoSchema,
  type ArStatus,
  type JournalStatus,
  type RewindSummary,
  type RewindTarget,
  type SnapshotExportReply,
  type SnapshotInfo,
} from '../../../engine/replica/protection-model';
import type { EngineProcess } from './engine-process';
import { adminSession, masterStatus, type TestScenario } from './manager-client';
import { treesEqual, waitForConvergence } from './tree-compare';

/** The engine's default protection (FileServer, Data Rewind on) with some settings changed. */
export function protection(overrides: Partial<ProtectionSettings>): ProtectionSettings {
  return { ...DEFAULT_PROTECTION_SETTINGS, ...overrides };
}

/** Calls one administrator channel of an engine on a short-lived session. */
export async function call(engine: EngineProcess, channel: string, body: unknown): Promise<unknown> {
  const connection = await adminSession(engine);
  try {
    return await connection.request(channel, body);
  } finally {
    connection.close();
  }
}

const ReplicaProtectionStatusSchema = z.object({ replicaId: z.string(), journal: JournalStatusSchema, snapshots: z.array(SnapshotInfoSchema), ar: ArStatusSchema });
export type ReplicaProtectionStatus = z.infer<typeof ReplicaProtectionStatusSchema>;

/** One Replica of a test scenario, as the protection channels address it. */
export class ReplicaHandle {
  constructor(
    readonly engine: EngineProcess,
    readonly scenarioId: string,
    readonly replicaId: string,
  ) {}

  static of(scenario: TestScenario, index = 0): ReplicaHandle {
    const replica = scenario.replicas[index];
    if (!replica) throw new Error(`scenario has no Replica ${index}`);
    return new ReplicaHandle(replica.engine, scenario.scenarioId, replica.replicaId);
  }

  private get ref(): { scenarioId: string; replicaId: string } {
    return { scenarioId: this.scenarioId, replicaId: this.replicaId };
  }

  async status(): Promise<ReplicaProtectionStatus> {
    const all = z.array(ReplicaProtectionStatusSchema).parse(await call(this.engine, 'replica.protection', { scenarioId: this.scenarioId }));
    const found = all.find((entry) => entry.replicaId === this.replicaId);
    if (!found) throw new Error(`the Replica engine reports no protection for ${this.replicaId}`);
    return found;
  }

  /** What the Replica tells its Master when it connects ('replica.status'). */
  async hello(): Promise<{ appliedSeq: number; receivedSeq: number; synced: boolean }> {
    const all = z
      .array(z.object({ replicaId: z.string(), appliedSeq: z.number(), receivedSeq: z.number(), synced: z.boolean() }))
      .parse(await call(this.engine, 'replica.status', { scenarioId: this.scenarioId }));
    const found = all.find((entry) => entry.replicaId === this.replicaId);
    if (!found) throw new Error(`the Replica engine does not host ${this.replicaId}`);
    return found;
  }

  async journal(): Promise<JournalStatus> {
    return (await this.status()).journal;
  }

  async ar(): Promise<ArStatus> {
    return (await this.status()).ar;
  }

  /** Sets a bookmark and returns its id (read back from the rewind points: the channel answers only a count). */
  async bookmark(name: string): Promise<number> {
    await call(this.engine, 'replica.bookmark', { scenarioId: this.scenarioId, name });
    const reply = RewindPointsReplySchema.parse(await call(this.engine, 'replica.rewind-points', { ...this.ref, query: { limit: 1 } }));
    const found = reply.points.find((point) => point.kind === 'bookmark' && point.name === name);
    if (found?.kind !== 'bookmark') throw new Error(`bookmark "${name}" is not among the rewind points`);
    return found.id;
  }

  async rewind(target: RewindTarget): Promise<RewindSummary> {
    return RewindSummarySchema.parse(await call(this.engine, 'replica.rewind', { ...this.ref, target }));
  }

  /** Issues a rewind without waiting for its reply (for killing the engine in the middle of it). */
  async rewindInBackground(target: RewindTarget): Promise<void> {
    const connection = await adminSession(this.engine);
    connection.request('replica.rewind', { ...this.ref, target }).catch(() => undefined);
  }

  async createSnapshot(name: string): Promise<SnapshotInfo> {
    return SnapshotInfoSchema.parse(await call(this.engine, 'replica.snapshot-create', { ...this.ref, name }));
  }

  async releaseSnapshot(snapshotId: string): Promise<void> {
    await call(this.engine, 'replica.snapshot-release', { ...this.ref, snapshotId });
  }

  /** Copies the snapshot's view of Master path `masterPath` into `destination` (new or empty). */
  async exportSnapshot(snapshotId: string, masterPath: string, destination: string): Promise<SnapshotExportReply> {
    return SnapshotExportReplySchema.parse(await call(this.engine, 'replica.snapshot-export', { ...this.ref, snapshotId, path: masterPath, destination }));
  }

  async startTest(): Promise<ArStatus> {
    return ArStatusSchema.parse(await call(this.engine, 'replica.ar-start', this.ref));
  }

  /** Polls until `check` holds for the protection status, or fails with the last status seen. */
  async waitFor(what: string, check: (status: ReplicaProtectionStatus) => boolean, timeoutMs = 30_000): Promise<ReplicaProtectionStatus> {
    const deadline = Date.now() + timeoutMs;
    let last: ReplicaProtectionStatus | undefined;
    for (;;) {
      // A restarted engine may not answer yet: that counts as "not yet".
      last = await this.status().catch(() => last);
      if (last && check(last)) return last;
      if (Date.now() > deadline) throw new Error(`Replica did not reach "${what}" within ${timeoutMs} ms: ${JSON.stringify(last)}\n${this.engine.log}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Polls `probe` until `check` holds for what it returns, or fails with the last value seen. */
export async function pollUntil<T>(what: string, probe: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms, last ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits until the Replica equals the Master and every captured change has been applied (the
 * Master's spool is empty), so a bookmark or snapshot set now marks exactly the Master's state.
 */
export async function waitForQuiet(master: EngineProcess, scenarioId: string, masterRoot: string, replicaRoot: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await waitForConvergence(masterRoot, replicaRoot, Math.max(1000, deadline - Date.now()));
    const links = (await masterStatus(master, scenarioId)).links;
    if (links.every((link) => link.spoolRecords === 0) && (await treesEqual(masterRoot, replicaRoot)).equal) return;
    if (Date.now() > deadline) throw new Error(`replication did not go quiet: ${JSON.stringify(links)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A copy of the tree as it is now, to compare with later (a rewind, a snapshot). */
export function copyTree(from: string, to: string): string {
  fs.cpSync(from, to, { recursive: true });
  return to;
}

export async function stopScenario(master: EngineProcess, scenarioId: string): Promise<void> {
  await call(master, 'master.stop', { scenarioId });
}
