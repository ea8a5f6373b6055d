import { encode } from '@msgpack/msgpack';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeChangeRecord } from '../../engine/replication/change-record';
import { connectEngine } from '../../engine/transport/engine-client';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';
import { EngineProcess } from './helpers/engine-process';
import { adminSession } from './helpers/manager-client';

const engines: EngineProcess[] = [];

afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.stop();
  removeTempDirs();
});

/** A Replica engine with one prepared scenario, and a connection holding that scenario's token (a "Master"). */
async function preparedReplica() {
  const replica = await EngineProcess.create(tempDir('understudy-replica-'));
  engines.push(replica);
  const target = tempDir('understudy-target-');
  const admin = await adminSession(replica);
  const prepared = (await admin.request('replica.prepare', {
    scenarioId: 'scenario-1',
    scenarioName: 'bad input',
    replicaId: 'replica-1',
    masterHost: '127.0.0.1',
    roots: ['/srv/data'],
    target,
  })) as { token: string };
  admin.close();
  const { connection } = await connectEngine({
    host: '127.0.0.1',
    port: replica.port,
    engineId: 'fake-master',
    credentials: { method: 'token', scenarioId: 'scenario-1', replicaId: 'replica-1', token: prepared.token },
    pin: { fingerprint: replica.fingerprint },
  });
  return { replica, target, connection, token: prepared.token };
}

const put = (relativePath: string, text: string) => encodeChangeRecord({ op: 'put', root: 0, path: relativePath, data: Buffer.from(text), mtimeMs: Date.now(), mode: 0o644 });

describe('a Replica engine refuses bad input and keeps serving', () => {
  it('refuses path traversal in synchronization and in replication records, writes nothing outside its target, and applies the next valid record', async () => {
    const { replica, target, connection } = await preparedReplica();
    const outside = path.dirname(target);
    const before = fs.readdirSync(outside).sort();
    await connection.request('rep.sync-begin', {});
    for (const evil of ['../escaped.txt', '../../etc/evil', 'C:/Windows/evil.dll', 'a/../../x', 'CON', 'sub/.understudy-tmp-x']) {
      await expect(connection.request('rep.sync-apply', { records: [put(evil, 'evil')] })).rejects.toMatchObject({ info: { code: 'E1101' } });
    }
    await connection.request('rep.sync-complete', { seq: 0 });
    await connection.request('rep.records', { records: [{ seq: 1, at: Date.now(), payload: put('../../escaped-by-record.txt', 'evil') }] });
    await connection.request('rep.records', { records: [{ seq: 2, at: Date.now(), payload: put('fine.txt', 'good') }] });
    const fine = path.join(target, 'srv', 'data', 'fine.txt');
    await expect.poll(() => fs.existsSync(fine), { timeout: 10_000 }).toBe(true);
    expect(fs.readFileSync(fine, 'utf8')).toBe('good');
    expect(fs.readdirSync(outside).sort()).toEqual(before);
    expect(replica.log).toMatch(/E1101.*refused/);
    connection.close();
  });

  it('refuses records out of sequence and malformed record payloads with clear errors', async () => {
    const { connection } = await preparedReplica();
    await connection.request('rep.sync-begin', {});
    await connection.request('rep.sync-complete', { seq: 0 });
    await expect(connection.request('rep.records', { records: [{ seq: 5, at: 0, payload: put('gap.txt', 'x') }] })).rejects.toMatchObject({ info: { code: 'E1003' } });
    await expect(connection.request('rep.records', { records: 'not records' })).rejects.toMatchObject({ info: { code: 'E1003' } });
    await expect(connection.request('rep.sync-apply', { records: [encode({ op: 'format-disk' })] })).rejects.toMatchObject({ info: { code: 'E1003' } });
    expect((await connection.request('rep.hello', {})) as { synced: boolean }).toMatchObject({ synced: true });
    connection.close();
  });

  it('refuses a token for an unknown scenario (E1201), and a scenario token cannot use administrator channels (E1206)', async () => {
    const { replica, connection, token } = await preparedReplica();
    await expect(
      connectEngine({
        host: '127.0.0.1',
        port: replica.port,
        engineId: 'fake-master',
        credentials: { method: 'token', scenarioId: 'no-such-scenario', replicaId: 'replica-1', token },
        pin: { fingerprint: replica.fingerprint },
      }),
    ).rejects.toMatchObject({ code: 'E1201' });
    await expect(connection.request('replica.prepare', {})).rejects.toMatchObject({ info: { code: 'E1206' } });
    await expect(connection.request('master.run', {})).rejects.toMatchObject({ info: { code: 'E1206' } });
    expect((await connection.request('rep.hello', {})) as object).toHaveProperty('appliedSeq');
    connection.close();
  });
});
