import { z } from 'zod';

/** How the Replica engine's administrator channels name a scenario, one of its Replicas, and a snapshot of that Replica. */
export const ScenarioRef = z.object({ scenarioId: z.string().max(100) });
export const ReplicaRef = ScenarioRef.extend({ replicaId: z.string().max(100) });
export const SnapshotRef = ReplicaRef.extend({ snapshotId: z.string().max(100) });
