import { z } from 'zod';
import { BrowseRequestSchema } from '../../runtime/browse-model';
import { RewindPointsQuerySchema, RewindScopeSchema, RewindTargetSchema } from '../../replica/protection-model';
import type { Channels } from '../../runtime/channel-registry';
import { ReplicaRef, ScenarioRef, SnapshotRef } from './admin-refs';
import type { ReplicaProtection } from './replica-protection';

const SnapshotPath = z.string().max(4096);
const RootIndex = z.number().int().min(0).max(255);
/** Largest piece of a snapshot file one request returns (a frame stays well under the transport's limit). */
export const MAX_READ = 4 * 1024 * 1024;

/** The Replica engine's administrator channels for rewind points, Data Rewind, snapshots and Assured Recovery. */
export function protectionChannels(
  one: (body: unknown) => ReplicaProtection,
  all: (scenarioId: string) => { replicaId: string; protection: ReplicaProtection }[],
): Channels {
  return {
    'replica.protection': (body) => all(ScenarioRef.parse(body).scenarioId).map(({ replicaId, protection }) => ({ replicaId, ...protection.status() })),
    'replica.rewind-points': (body) => one(body).points(ReplicaRef.extend({ query: RewindPointsQuerySchema }).parse(body).query),
    'replica.bookmark': (body) => {
      const { scenarioId, name } = ScenarioRef.extend({ name: z.string().min(1).max(200) }).parse(body);
      const replicas = all(scenarioId);
      for (const { protection } of replicas) protection.bookmark(name);
      return { replicas: replicas.length };
    },
    'replica.rewind': (body) => {
      const { target, scope } = ReplicaRef.extend({ target: RewindTargetSchema, scope: RewindScopeSchema.optional() }).parse(body);
      return one(body).rewind(target, scope);
    },
    'replica.snapshot-create': (body) => {
      const { name, purpose } = ReplicaRef.extend({ name: z.string().max(200).optional(), purpose: z.enum(['user', 'backup', 'assured-recovery']).default('user') }).parse(body);
      return one(body).createSnapshot(name, purpose);
    },
    'replica.snapshot-release': async (body) => {
      await one(body).release(SnapshotRef.parse(body).snapshotId);
      return {};
    },
    'replica.snapshot-browse': (body) => {
      const { snapshotId, path, limit } = SnapshotRef.extend({ path: SnapshotPath, limit: BrowseRequestSchema.shape.limit }).parse(body);
      return one(body).browse(snapshotId, path, limit);
    },
    'replica.snapshot-export': (body) => {
      const { snapshotId, path, destination } = SnapshotRef.extend({ path: SnapshotPath, destination: z.string().min(1).max(4096) }).parse(body);
      return one(body).exportTree(snapshotId, path, destination);
    },
    'replica.snapshot-list': (body) => {
      const { snapshotId, root, path, after, limit } = SnapshotRef.extend({ root: RootIndex, path: SnapshotPath, after: z.string().max(1024).optional(), limit: z.number().int().min(1).max(10_000) }).parse(body);
      return one(body).listPage(snapshotId, root, path, after, limit);
    },
    'replica.snapshot-read': async (body) => {
      const { snapshotId, root, path, offset, length } = SnapshotRef.extend({ root: RootIndex, path: SnapshotPath, offset: z.number().int().min(0), length: z.number().int().min(1).max(MAX_READ) }).parse(body);
      return { data: await one(body).readChunk(snapshotId, root, path, offset, length) };
    },
    'replica.ar-start': (body) => {
      const { trigger } = ReplicaRef.extend({ trigger: z.enum(['user', 'schedule', 'backup']).default('user') }).parse(body);
      return one(body).startTest(trigger);
    },
    'replica.ar-stop': (body) => one(body).stopTest(),
  };
}
