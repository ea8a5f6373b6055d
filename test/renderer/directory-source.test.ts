import { describe, expect, it } from 'vitest';
import type { ReplicaProtection } from '../../electron/api/contract';
import {
  MASTER_SOURCE,
  parseSourceValue,
  shownSource,
  snapshotOf,
  sourceOptions,
  sourceValue,
  treeKey,
  type DirectorySource,
} from '../../renderer/src/windows/replication-manager/directory-source';
import { scenario } from './live-fixtures';

const at = (hours: number): number => new Date(2026, 10, 26, hours, 0).getTime();
const twoReplicas = { ...scenario('s1', { state: 'stopped', reason: 'user' }), replicas: [
  { id: 'r1', host: 'dr01', port: 25000, target: '/replica' },
  { id: 'r2', host: 'dr02', port: 25000, target: '/replica' },
] };
const protections: ReplicaProtection[] = [
  { replicaId: 'r2', host: 'dr02', snapshots: [{ id: 'c', name: 'Nightly', at: at(1), purpose: 'backup', changesSince: 0, duringTest: false }] },
  {
    replicaId: 'r1',
    host: 'dr01',
    snapshots: [
      { id: 'a', name: 'Older', at: at(2), purpose: 'user', changesSince: 5, duringTest: false },
      { id: 'b', name: 'Newer', at: at(3), purpose: 'user', changesSince: 1, duringTest: false },
    ],
  },
];
const snapshotB: DirectorySource = { kind: 'snapshot', replicaId: 'r1', snapshotId: 'b' };

describe('the Directories tab source', () => {
  it('keeps one tree per scenario and source', () => {
    expect(treeKey('s1', MASTER_SOURCE)).toBe('s1');
    expect(new Set([treeKey('s1', snapshotB), treeKey('s1', { ...snapshotB, snapshotId: 'a' }), treeKey('s1', MASTER_SOURCE)]).size).toBe(3);
  });

  it.each<DirectorySource>([MASTER_SOURCE, snapshotB, { kind: 'snapshot', replicaId: 'r1', snapshotId: 'id:with:colons' }])('%j survives the select', (source) => {
    expect(parseSourceValue(sourceValue(source))).toEqual(source);
  });

  it('reads anything else as the Master', () => {
    expect(parseSourceValue('snapshot:')).toEqual(MASTER_SOURCE);
    expect(parseSourceValue('')).toEqual(MASTER_SOURCE);
  });

  it('offers the Master, then each Replica’s snapshots newest first, in the scenario’s Replica order', () => {
    expect(sourceOptions(twoReplicas, protections)).toEqual([
      { value: 'master', label: 'Master localhost' },
      { value: 'snapshot:r1:b', label: 'Snapshot Newer (Replica dr01, 2026-11-26 03:00)' },
      { value: 'snapshot:r1:a', label: 'Snapshot Older (Replica dr01, 2026-11-26 02:00)' },
      { value: 'snapshot:r2:c', label: 'Snapshot Nightly (Replica dr02, 2026-11-26 01:00)' },
    ]);
  });

  it.each<[DirectorySource, ReplicaProtection[] | undefined, DirectorySource]>([
    [MASTER_SOURCE, protections, MASTER_SOURCE],
    [snapshotB, protections, snapshotB],
    [snapshotB, undefined, snapshotB],
    [{ ...snapshotB, snapshotId: 'released' }, protections, MASTER_SOURCE],
    [{ ...snapshotB, replicaId: 'r2' }, protections, MASTER_SOURCE],
  ])('%j with %j shows %j', (chosen, reported, shown) => {
    expect(shownSource(chosen, reported)).toEqual(shown);
  });

  it('finds the snapshot a source names', () => {
    expect(snapshotOf(snapshotB, protections)).toMatchObject({ replicaId: 'r1', host: 'dr01', snapshot: { name: 'Newer' } });
    expect(snapshotOf(MASTER_SOURCE, protections)).toBeUndefined();
  });
});
