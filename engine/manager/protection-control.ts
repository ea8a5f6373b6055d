import { describeError } from '../messages/describe-error';
import { UserError } from '../messages/user-error';
import {
  ArStatusSchema,
  RewindPointsReplySchema,
  RewindSummarySchema,
  SnapshotExportReplySchema,
  SnapshotInfoSchema,
  type ArStatus,
  type ReplicaProtection,
  type RewindPointsQuery,
  type RewindPointsReply,
  type RewindSummary,
  type RewindTarget,
  type SnapshotExportReply,
  type SnapshotInfo,
} from '../replica/protection-model';
import { BrowseReplySchema, type BrowseReply } from '../runtime/browse-model';
import { z } from 'zod';
import { JournalStatusSchema } from '../replica/protection-model';
import type { ScenarioControl } from './scenario-control';

const ProtectionReplySchema = z.array(
  z.object({ replicaId: z.string(), journal: JournalStatusSchema, snapshots: z.array(SnapshotInfoSchema), ar: ArStatusSchema }),
);

/**
 * The manager's side of rewind points, Data Rewind, snapshots and Assured Recovery: each
 * request goes to the engine of the Replica concerned, and its reply is checked.
 */
export class ProtectionControl {
  constructor(private readonly control: ScenarioControl) {}

  async status(id: string, scenarioReplicas: readonly { id: string; host: string }[]): Promise<ReplicaProtection[]> {
    const results: ReplicaProtection[] = [];
    for (const replica of scenarioReplicas) {
      try {
        const { engine } = this.control.replicaEngine(id, replica.id);
        const found = ProtectionReplySchema.parse(await engine.call('replica.protection', { scenarioId: id })).find((entry) => entry.replicaId === replica.id);
        results.push(found ? { ...found, host: replica.host } : { replicaId: replica.id, host: replica.host, snapshots: [], error: 'the Replica has not been prepared yet: run the scenario' });
      } catch (error) {
        results.push({ replicaId: replica.id, host: replica.host, snapshots: [], error: describeError(error) });
      }
    }
    return results;
  }

  async points(id: string, replicaId: string, query: RewindPointsQuery): Promise<RewindPointsReply> {
    const { engine } = this.control.replicaEngine(id, replicaId);
    return RewindPointsReplySchema.parse(await engine.call('replica.rewind-points', { scenarioId: id, replicaId, query }));
  }

  async bookmark(id: string, name: string | undefined): Promise<{ name: string; replicas: number }> {
    const scenario = this.control.scenario(id);
    if (scenario.status.state !== 'running') throw new UserError('E1510', `scenario "${scenario.name}" is stopped`);
    const chosen = name?.trim() || `Bookmark ${new Date().toLocaleString('sv-SE')}`;
    let replicas = 0;
    for (const replica of scenario.replicas) {
      const { engine } = this.control.replicaEngine(id, replica.id);
      await engine.call('replica.bookmark', { scenarioId: id, name: chosen });
      replicas += 1;
    }
    return { name: chosen, replicas };
  }

  /** Data Rewind stops the scenario first: the Replica must not receive changes while it goes back. */
  async rewind(id: string, replicaId: string, target: RewindTarget, scope: { root: number; path: string } | undefined): Promise<RewindSummary> {
    const { scenario, engine } = this.control.replicaEngine(id, replicaId);
    if (scenario.status.state === 'running') await this.control.stop(id);
    return RewindSummarySchema.parse(await engine.call('replica.rewind', { scenarioId: id, replicaId, target, scope }));
  }

  async createSnapshot(id: string, replicaId: string, name: string | undefined): Promise<SnapshotInfo> {
    const { engine } = this.control.replicaEngine(id, replicaId);
    return SnapshotInfoSchema.parse(await engine.call('replica.snapshot-create', { scenarioId: id, replicaId, name, purpose: 'user' }));
  }

  async releaseSnapshot(id: string, replicaId: string, snapshotId: string): Promise<void> {
    const { engine } = this.control.replicaEngine(id, replicaId);
    await engine.call('replica.snapshot-release', { scenarioId: id, replicaId, snapshotId });
  }

  async browseSnapshot(id: string, replicaId: string, snapshotId: string, path: string): Promise<BrowseReply> {
    const { engine } = this.control.replicaEngine(id, replicaId);
    return BrowseReplySchema.parse(await engine.call('replica.snapshot-browse', { scenarioId: id, replicaId, snapshotId, path }));
  }

  async exportSnapshot(id: string, replicaId: string, snapshotId: string, path: string, destination: string): Promise<SnapshotExportReply> {
    const { engine } = this.control.replicaEngine(id, replicaId);
    return SnapshotExportReplySchema.parse(await engine.call('replica.snapshot-export', { scenarioId: id, replicaId, snapshotId, path, destination }));
  }

  async startTest(id: string, replicaId: string, trigger: 'user' | 'schedule' = 'user'): Promise<ArStatus> {
    const { scenario, engine } = this.control.replicaEngine(id, replicaId);
    if (scenario.status.state !== 'running') throw new UserError('E1505', `scenario "${scenario.name}" is not running`);
    return ArStatusSchema.parse(await engine.call('replica.ar-start', { scenarioId: id, replicaId, trigger }));
  }

  async stopTest(id: string, replicaId: string): Promise<ArStatus> {
    const { engine } = this.control.replicaEngine(id, replicaId);
    return ArStatusSchema.parse(await engine.call('replica.ar-stop', { scenarioId: id, replicaId }));
  }
}
