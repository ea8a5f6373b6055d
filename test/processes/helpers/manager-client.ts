import { randomUUID } from 'node:crypto';
import { connectEngine } from '../../../engine/transport/engine-client';
import type { Connection } from '../../../engine/transport/connection';
import type { ProtectionSettings } from '../../../engine/replica/protection-settings';
import { ADMIN, type EngineProcess } from './engine-process';

/** Plays the manager: calls engines' administrator channels, as the app does for remote hosts. */
export async function adminSession(engine: EngineProcess): Promise<Connection> {
  const session = await connectEngine({
    host: '127.0.0.1',
    port: engine.port,
    engineId: 'test-manager',
    credentials: { method: 'password', ...ADMIN },
    pin: { fingerprint: engine.fingerprint },
  });
  return session.connection;
}

export interface TestScenario {
  scenarioId: string;
  roots: string[];
  replicas: { replicaId: string; engine: EngineProcess; target: string }[];
  options?: Record<string, unknown>;
  /** Sent to each Replica with `replica.prepare`; the engine's default (FileServer, Data Rewind on) when absent. */
  protection?: ProtectionSettings;
}

export function newScenario(
  roots: string[],
  replicas: { engine: EngineProcess; target: string }[],
  options: Record<string, unknown> = {},
  protection?: ProtectionSettings,
): TestScenario {
  return { scenarioId: randomUUID(), roots, replicas: replicas.map((replica) => ({ replicaId: randomUUID(), ...replica })), options, ...(protection ? { protection } : {}) };
}

/** Prepares every Replica on its engine, then runs the scenario on the Master's engine. */
export async function runScenario(master: EngineProcess, scenario: TestScenario): Promise<void> {
  const links = [];
  for (const replica of scenario.replicas) {
    const connection = await adminSession(replica.engine);
    const prepared = (await connection.request('replica.prepare', {
      scenarioId: scenario.scenarioId,
      scenarioName: 'test',
      replicaId: replica.replicaId,
      masterHost: '127.0.0.1',
      roots: scenario.roots,
      target: replica.target,
      ...(scenario.protection ? { protection: scenario.protection } : {}),
    })) as { token: string; fingerprint: string };
    connection.close();
    links.push({ replicaId: replica.replicaId, host: '127.0.0.1', port: replica.engine.port, fingerprint: prepared.fingerprint, token: prepared.token });
  }
  const connection = await adminSession(master);
  await connection.request('master.run', { scenarioId: scenario.scenarioId, name: 'test', roots: scenario.roots, links, options: scenario.options ?? {} });
  connection.close();
}

export async function masterStatus(master: EngineProcess, scenarioId: string): Promise<{ running: boolean; links: { state: string; spoolRecords: number; sync?: { filesSent: number } }[] }> {
  const connection = await adminSession(master);
  try {
    return (await connection.request('master.status', { scenarioId })) as { running: boolean; links: { state: string; spoolRecords: number; sync?: { filesSent: number } }[] };
  } finally {
    connection.close();
  }
}

/** Waits until every Replica link of the scenario replicates (its synchronization finished). */
export async function waitForReplicating(master: EngineProcess, scenarioId: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await masterStatus(master, scenarioId);
    if (status.links.length > 0 && status.links.every((link) => link.state === 'replicating')) return;
    if (Date.now() > deadline) throw new Error(`links did not reach 'replicating': ${JSON.stringify(status.links)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
