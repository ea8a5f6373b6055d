import tls from 'node:tls';
import { UserError } from '../messages/user-error';
import { Connection, RemoteError } from './connection';
import { nextMessage } from './handshake';
import { HelloSchema, PROTOCOL_VERSION, SessionMessageSchema, type AuthRequest, type Role } from './messages';
import type { TrustStore } from './trust-store';

export type Credentials =
  | { method: 'password'; user: string; password: string }
  | { method: 'token'; scenarioId: string; replicaId: string; token: string };

export interface ConnectOptions {
  host: string;
  port: number;
  /** Our own engine ID (sent in hello). */
  engineId: string;
  credentials: Credentials;
  /** Pin: the exact fingerprint expected, or a trust store (trust on first use). */
  pin: { fingerprint: string } | { trust: TrustStore };
  timeoutMs?: number;
  maxFrameBytes?: number;
}

export interface EngineSession {
  connection: Connection;
  peerEngineId: string;
  fingerprint: string;
  role: Role;
}

function openTls(host: string, port: number, timeoutMs: number): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    // Identity is checked by pinning the certificate's fingerprint below, not by a CA chain.
    const socket = tls.connect({ host, port, rejectUnauthorized: false, minVersion: 'TLSv1.3', servername: host.match(/^[\d.:[\]]+$/) ? undefined : host });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new UserError('E1204', `${host}:${port} did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new UserError('E1204', `${host}:${port}: ${error.code ?? error.message}`));
    });
  });
}

async function checkPin(options: ConnectOptions, fingerprint: string): Promise<void> {
  const endpoint = `${options.host}:${options.port}`;
  if ('fingerprint' in options.pin) {
    if (options.pin.fingerprint !== fingerprint) throw new UserError('E1205', endpoint);
    return;
  }
  const verdict = await options.pin.trust.check(endpoint, fingerprint);
  if (verdict === 'mismatch') throw new UserError('E1205', endpoint);
  if (verdict === 'new') await options.pin.trust.trust(endpoint, fingerprint);
}

/** Connects over TLS, verifies the pinned certificate before sending anything, then hello and authentication. */
export async function connectEngine(options: ConnectOptions): Promise<EngineSession> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const socket = await openTls(options.host, options.port, timeoutMs);
  const fingerprint = socket.getPeerCertificate().fingerprint256;
  try {
    await checkPin(options, fingerprint);
  } catch (error) {
    socket.destroy();
    throw error;
  }
  const connection = new Connection(socket, { maxFrameBytes: options.maxFrameBytes });
  try {
    connection.send({ t: 'hello', product: 'understudy', protocol: PROTOCOL_VERSION, engineId: options.engineId });
    const hello = HelloSchema.safeParse(await nextMessage(connection, timeoutMs));
    if (!hello.success) throw new UserError('E1202', 'the peer did not answer with a hello');
    const auth: AuthRequest = { t: 'auth', ...options.credentials };
    connection.send(auth);
    const reply = SessionMessageSchema.safeParse(await nextMessage(connection, timeoutMs));
    if (!reply.success || reply.data.t !== 'auth-ok') throw new UserError('E1202', 'unexpected answer to authentication');
    return { connection, peerEngineId: hello.data.engineId, fingerprint, role: reply.data.role };
  } catch (error) {
    connection.close();
    if (error instanceof RemoteError && (error.info.code === 'E1201' || error.info.code === 'E1203')) throw new UserError(error.info.code);
    throw error;
  }
}
