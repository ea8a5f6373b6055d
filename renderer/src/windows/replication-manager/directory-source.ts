import type { ReplicaProtection, Scenario } from '../../../../electron/api/contract';
import { formatTimestamp } from './format';

/** What the Directories tab lists: the Master's live folders, or a snapshot of a Replica (shown with the Master's paths). */
export type DirectorySource = { kind: 'master' } | { kind: 'snapshot'; replicaId: string; snapshotId: string };

export const MASTER_SOURCE: DirectorySource = { kind: 'master' };

/** One tree per scenario and source, so switching sources keeps what each had open. */
export function treeKey(scenarioId: string, source: DirectorySource): string {
  return source.kind === 'master' ? scenarioId : `${scenarioId}\u0000${source.replicaId}\u0000${source.snapshotId}`;
}

/** The source as a <select> value and back. */
export function sourceValue(source: DirectorySource): string {
  return source.kind === 'master' ? 'master' : `snapshot:${source.replicaId}:${source.snapshotId}`;
}

export function parseSourceValue(value: string): DirectorySource {
  const match = /^snapshot:([^:]+):(.+)$/.exec(value);
  return match?.[1] && match[2] ? { kind: 'snapshot', replicaId: match[1], snapshotId: match[2] } : MASTER_SOURCE;
}

export interface SourceOption {
  value: string;
  label: string;
}

/** Master first, then every Replica's snapshots (newest first) in the scenario's Replica order. */
export function sourceOptions(scenario: Scenario, protections: readonly ReplicaProtection[]): SourceOption[] {
  const options: SourceOption[] = [{ value: 'master', label: `Master ${scenario.master.host}` }];
  for (const replica of scenario.replicas) {
    const snapshots = protections.find((protection) => protection.replicaId === replica.id)?.snapshots ?? [];
    for (const snapshot of [...snapshots].sort((a, b) => b.at - a.at)) {
      options.push({
        value: sourceValue({ kind: 'snapshot', replicaId: replica.id, snapshotId: snapshot.id }),
        label: `Snapshot ${snapshot.name} (Replica ${replica.host}, ${formatTimestamp(snapshot.at)})`,
      });
    }
  }
  return options;
}

/** The snapshot a source names, while the Replica still holds it. */
export function snapshotOf(source: DirectorySource, protections: readonly ReplicaProtection[]): { replicaId: string; host: string; snapshot: ReplicaProtection['snapshots'][number] } | undefined {
  if (source.kind !== 'snapshot') return undefined;
  const protection = protections.find((candidate) => candidate.replicaId === source.replicaId);
  const snapshot = protection?.snapshots.find((candidate) => candidate.id === source.snapshotId);
  return protection && snapshot ? { replicaId: protection.replicaId, host: protection.host, snapshot } : undefined;
}

/**
 * The source to show: the chosen one, or the Master once its snapshot is released. While the
 * protection status has not been read yet (undefined) a chosen snapshot is kept.
 */
export function shownSource(source: DirectorySource, protections: readonly ReplicaProtection[] | undefined): DirectorySource {
  if (source.kind === 'master' || protections === undefined) return source;
  return snapshotOf(source, protections) ? source : MASTER_SOURCE;
}
