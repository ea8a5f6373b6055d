import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { takeBackupSnapshot } from '../../engine/backup/backup-snapshot';
import type { EngineClient } from '../../engine/manager/engine-clients';
import { replicaRoot, replicatingPair, useEngines } from './helpers/engine-fleet';
import { adminSession } from './helpers/manager-client';
import { protection, ReplicaHandle, waitForQuiet } from './helpers/protection-client';

const engine = useEngines();

async function withClient<T>(replica: ReplicaHandle, work: (client: EngineClient) => Promise<T>): Promise<T> {
  const connection = await adminSession(replica.engine);
  try {
    return await work({ call: (channel, body) => connection.request(channel, body) });
  } finally {
    connection.close();
  }
}

describe('the snapshot a backup reads', () => {
  it('without Assured Recovery: pinned between two applied changes, kept for the backup', async () => {
    const { master, root, target, scenario } = await replicatingPair(engine, {}, { prepareRoot: (dir) => fs.writeFileSync(path.join(dir, 'a.txt'), 'a') });
    await waitForQuiet(master, scenario.scenarioId, root, replicaRoot(target, root));
    const replica = ReplicaHandle.of(scenario);
    const taken = await withClient(replica, (client) => takeBackupSnapshot(client, replica, { arEnabled: false, backupAllowSuspend: true, timeoutMs: 10_000 }));
    expect(taken.method).toBe('suspend');
    expect((await replica.status()).snapshots.map((snapshot) => [snapshot.id, snapshot.purpose])).toEqual([[taken.snapshotId, 'backup']]);
  });

  it('with Assured Recovery: from a test run for the backup; a failing test is AE0457; neither AR nor suspension is AE0471', async () => {
    const { master, root, target, scenario } = await replicatingPair(engine, {}, {
      protection: protection({ arEnabled: true, arVerifyCommand: 'test -f "$UNDERSTUDY_REPLICA_ROOT/a.txt"' }),
      prepareRoot: (dir) => fs.writeFileSync(path.join(dir, 'a.txt'), 'a'),
    });
    await waitForQuiet(master, scenario.scenarioId, root, replicaRoot(target, root));
    const replica = ReplicaHandle.of(scenario);
    const options = { arEnabled: true, backupAllowSuspend: false, timeoutMs: 20_000, pollMs: 100 };
    const taken = await withClient(replica, (client) => takeBackupSnapshot(client, replica, options));
    expect(taken.method).toBe('assured-recovery');
    expect((await replica.status()).snapshots.find((snapshot) => snapshot.id === taken.snapshotId)?.duringTest).toBe(true);

    fs.rmSync(path.join(root, 'a.txt'));
    await waitForQuiet(master, scenario.scenarioId, root, replicaRoot(target, root));
    await expect(withClient(replica, (client) => takeBackupSnapshot(client, replica, options))).rejects.toMatchObject({ code: 'AE0457' });
    await expect(withClient(replica, (client) => takeBackupSnapshot(client, replica, { ...options, arEnabled: false }))).rejects.toMatchObject({ code: 'AE0471' });
  });

  it('a Replica engine that went down is AE0463 (cannot attach to the scenario)', async () => {
    const { master, root, target, scenario } = await replicatingPair(engine, {}, { prepareRoot: (dir) => fs.writeFileSync(path.join(dir, 'a.txt'), 'a') });
    await waitForQuiet(master, scenario.scenarioId, root, replicaRoot(target, root));
    const replica = ReplicaHandle.of(scenario);
    const connection = await adminSession(replica.engine);
    try {
      await replica.engine.stop();
      const client: EngineClient = { call: (channel, body) => connection.request(channel, body) };
      await expect(takeBackupSnapshot(client, replica, { arEnabled: false, backupAllowSuspend: true, timeoutMs: 10_000 })).rejects.toMatchObject({ code: 'AE0463' });
    } finally {
      connection.close();
    }
  });
});
