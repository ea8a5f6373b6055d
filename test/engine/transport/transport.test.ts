import { encode } from '@msgpack/msgpack';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setAdminAccount, verifyAdmin } from '../../../engine/identity/admin-account';
import { loadOrCreateIdentity, type EngineIdentity } from '../../../engine/identity/engine-identity';
import { ReplicationTokens } from '../../../engine/identity/replication-tokens';
import type { Connection } from '../../../engine/transport/connection';
import { connectEngine, type Credentials } from '../../../engine/transport/engine-client';
import { startEngineServer, type EngineServer } from '../../../engine/transport/engine-server';
import { encodeFrame } from '../../../engine/transport/frame-codec';
import type { Role } from '../../../engine/transport/messages';
import { TrustStore } from '../../../engine/transport/trust-store';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir';

let identity: EngineIdentity;
let other: EngineIdentity;
let accountDir: string;
let tokens: ReplicationTokens;
const servers: EngineServer[] = [];
let logged: { severity: string; text: string; code?: string }[] = [];

beforeAll(async () => {
  const dir = tempDir('understudy-identity-');
  identity = await loadOrCreateIdentity(path.join(dir, 'a'), 'engine-a');
  other = await loadOrCreateIdentity(path.join(dir, 'b'), 'engine-b');
  accountDir = path.join(dir, 'accounts');
  await setAdminAccount(accountDir, 'admin', 'correct horse battery');
  tokens = new ReplicationTokens(accountDir);
}, 30_000);

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
  logged = [];
});

afterAll(() => removeTempDirs());

async function serve(onSession: (connection: Connection, role: Role) => void = () => undefined, extra: { handshakeTimeoutMs?: number; maxFrameBytes?: number } = {}): Promise<EngineServer> {
  const server = await startEngineServer({
    identity,
    host: '127.0.0.1',
    port: 0,
    log: (severity, text, code) => logged.push({ severity, text, code }),
    authenticate: async (auth) => {
      if (auth.method === 'password') return (await verifyAdmin(accountDir, auth.user, auth.password)) ? { kind: 'admin' } : undefined;
      return (await tokens.verify(auth.scenarioId, auth.replicaId, auth.token)) ? { kind: 'replication', scenarioId: auth.scenarioId, replicaId: auth.replicaId } : undefined;
    },
    onSession: (connection, role) => {
      connection.handle('echo', (body) => ({ echoed: body, role: role.kind }));
      onSession(connection, role);
    },
    ...extra,
  });
  servers.push(server);
  return server;
}

const admin: Credentials = { method: 'password', user: 'admin', password: 'correct horse battery' };

function connect(server: EngineServer, credentials: Credentials = admin, pin: { fingerprint: string } | { trust: TrustStore } = { fingerprint: identity.fingerprint }) {
  return connectEngine({ host: '127.0.0.1', port: server.port, engineId: other.engineId, credentials, pin, timeoutMs: 5000 });
}

/** A raw TLS socket that sends whatever bytes a test wants, to play a hostile peer. */
function rawSocket(server: EngineServer): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port: server.port, rejectUnauthorized: false }, () => resolve(socket));
    socket.once('error', reject);
  });
}

function closedWith(socket: tls.TLSSocket): Promise<void> {
  return new Promise((resolve) => {
    socket.on('data', () => undefined);
    socket.once('close', () => resolve());
  });
}

async function expectServerStillServes(server: EngineServer): Promise<void> {
  const session = await connect(server);
  expect(await session.connection.request('echo', 'still here')).toEqual({ echoed: 'still here', role: 'admin' });
  session.connection.close();
}

describe('engine transport', () => {
  it('authenticates the administrator over pinned TLS and answers requests both ways', async () => {
    let serverSide: Connection | undefined;
    const server = await serve((connection) => (serverSide = connection));
    const session = await connect(server);
    expect(session.peerEngineId).toBe(identity.engineId);
    expect(session.role).toEqual({ kind: 'admin' });
    const reply = (await session.connection.request('echo', { n: 1, data: new Uint8Array([1, 2, 3]) })) as { echoed: { n: number; data: Uint8Array }; role: string };
    expect(reply.role).toBe('admin');
    expect([reply.echoed.n, ...reply.echoed.data]).toEqual([1, 1, 2, 3]);
    session.connection.handle('reverse', (body) => String(body).split('').reverse().join(''));
    expect(await serverSide?.request('reverse', 'abc')).toBe('cba');
    session.connection.close();
  });

  it('refuses a wrong password with E1201, logs it without the password, and keeps serving', async () => {
    const server = await serve();
    await expect(connect(server, { method: 'password', user: 'admin', password: 'wrong password!' })).rejects.toMatchObject({ code: 'E1201' });
    expect(logged.some((entry) => entry.code === 'E1201' && entry.text.includes('"admin"'))).toBe(true);
    expect(JSON.stringify(logged)).not.toContain('wrong password!');
    await expectServerStillServes(server);
  });

  it('refuses an engine whose certificate does not match the pin, before sending credentials', async () => {
    const server = await serve();
    await expect(connect(server, admin, { fingerprint: other.fingerprint })).rejects.toMatchObject({ code: 'E1205' });
    expect(logged.filter((entry) => entry.code === 'E1201')).toEqual([]);
  });

  it('trusts an engine on first use and refuses a changed certificate afterwards', async () => {
    const trust = new TrustStore(path.join(tempDir(), 'known-engines.json'));
    const server = await serve();
    const endpoint = `127.0.0.1:${server.port}`;
    (await connect(server, admin, { trust })).connection.close();
    expect(await trust.check(endpoint, identity.fingerprint)).toBe('trusted');
    await trust.trust(endpoint, other.fingerprint);
    await expect(connect(server, admin, { trust })).rejects.toMatchObject({ code: 'E1205' });
  });

  it('accepts a scenario replication token only for its scenario and Replica', async () => {
    const server = await serve();
    const token = await tokens.issue('scenario-1', 'replica-1');
    const session = await connect(server, { method: 'token', scenarioId: 'scenario-1', replicaId: 'replica-1', token });
    expect(session.role).toEqual({ kind: 'replication', scenarioId: 'scenario-1', replicaId: 'replica-1' });
    session.connection.close();
    await expect(connect(server, { method: 'token', scenarioId: 'scenario-1', replicaId: 'replica-2', token })).rejects.toMatchObject({ code: 'E1201' });
  });

  it('closes a connection that sends a malformed message with E1202 and keeps serving others', async () => {
    const server = await serve();
    const socket = await rawSocket(server);
    const closed = closedWith(socket);
    socket.write(encodeFrame(encode({ t: 'hello', product: 'something-else', protocol: 1 })));
    await closed;
    expect(logged.some((entry) => entry.code === 'E1202')).toBe(true);
    await expectServerStillServes(server);
  });

  it('closes a connection announcing an oversized frame without buffering it', async () => {
    const server = await serve(undefined, { maxFrameBytes: 1024 });
    const socket = await rawSocket(server);
    const closed = closedWith(socket);
    const header = Buffer.alloc(4);
    header.writeUInt32BE(0x7fffffff);
    socket.write(header);
    await closed;
    expect(logged.some((entry) => entry.code === 'E1202' && entry.text.includes('exceeds'))).toBe(true);
    await expectServerStillServes(server);
  });

  it('refuses garbage that is not msgpack, and a peer of another protocol version (E1203)', async () => {
    const server = await serve();
    const garbage = await rawSocket(server);
    const garbageClosed = closedWith(garbage);
    garbage.write(encodeFrame(Buffer.from([0xc1, 0xc1, 0xc1])));
    await garbageClosed;
    const old = await rawSocket(server);
    const oldClosed = closedWith(old);
    old.write(encodeFrame(encode({ t: 'hello', product: 'understudy', protocol: 99, engineId: 'x' })));
    await oldClosed;
    expect(logged.some((entry) => entry.code === 'E1203')).toBe(true);
    await expectServerStillServes(server);
  });

  it('drops a peer that never completes the handshake', async () => {
    const server = await serve(undefined, { handshakeTimeoutMs: 200 });
    const idle = await rawSocket(server);
    await closedWith(idle);
    expect(logged.some((entry) => entry.text.includes('no handshake message'))).toBe(true);
  });

  it('answers an unknown channel with E1206', async () => {
    const server = await serve();
    const session = await connect(server);
    await expect(session.connection.request('format-disk', {})).rejects.toMatchObject({ info: { code: 'E1206' } });
    session.connection.close();
  });

  it('reports a closed or silent engine as unreachable (E1204)', async () => {
    const server = await serve();
    const port = server.port;
    await server.close();
    servers.splice(0);
    await expect(connectEngine({ host: '127.0.0.1', port, engineId: 'x', credentials: admin, pin: { fingerprint: identity.fingerprint }, timeoutMs: 2000 })).rejects.toMatchObject({ code: 'E1204' });
  });

  it('explains a port already in use (E1207) instead of crashing', async () => {
    const server = await serve();
    await expect(
      startEngineServer({ identity, host: '127.0.0.1', port: server.port, authenticate: async () => undefined, onSession: () => undefined, log: () => undefined }),
    ).rejects.toMatchObject({ code: 'E1207', message: expect.stringContaining(`127.0.0.1:${server.port} (EADDRINUSE)`) });
  });
});
