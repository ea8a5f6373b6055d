import tls from 'node:tls';
import type { EngineIdentity } from '../identity/engine-identity';
import { UserError } from '../messages/user-error';
import { Connection } from './connection';
import { nextMessage } from './handshake';
import { AuthSchema, HelloSchema, PROTOCOL_VERSION, type AuthRequest, type Role } from './messages';

export interface ServerLog {
  (severity: 'info' | 'warning' | 'error', text: string, code?: string): void;
}

export interface EngineServerOptions {
  identity: EngineIdentity;
  /** Default 0.0.0.0: engines serve other hosts. Tests bind 127.0.0.1. */
  host?: string;
  port: number;
  authenticate(auth: AuthRequest): Promise<Role | undefined>;
  /** Called once a peer is authenticated: register its channels on the connection. */
  onSession(connection: Connection, role: Role, peer: string): void;
  log: ServerLog;
  handshakeTimeoutMs?: number;
  maxFrameBytes?: number;
}

export interface EngineServer {
  readonly port: number;
  close(): Promise<void>;
}

function describeAuth(auth: AuthRequest): string {
  return auth.method === 'password' ? `user "${auth.user}"` : `the replication token of scenario ${auth.scenarioId}`;
}

/**
 * The engine's listener: TLS with the engine's own certificate, then hello (protocol
 * version), then authentication, then the session. Every refusal is logged with its code
 * and closes only that connection.
 */
export async function startEngineServer(options: EngineServerOptions): Promise<EngineServer> {
  const timeoutMs = options.handshakeTimeoutMs ?? 10_000;
  const connections = new Set<Connection>();

  const handshake = async (connection: Connection, peer: string): Promise<void> => {
    const hello = HelloSchema.safeParse(await nextMessage(connection, timeoutMs));
    if (!hello.success) throw new UserError('E1202', 'the first message was not a hello');
    if (hello.data.protocol !== PROTOCOL_VERSION) {
      throw new UserError('E1203', `peer speaks protocol ${hello.data.protocol}, this engine ${PROTOCOL_VERSION}`);
    }
    connection.send({ t: 'hello', product: 'understudy', protocol: PROTOCOL_VERSION, engineId: options.identity.engineId });
    const auth = AuthSchema.safeParse(await nextMessage(connection, timeoutMs));
    if (!auth.success) throw new UserError('E1202', 'expected an authentication message');
    const role = await options.authenticate(auth.data);
    if (!role) {
      options.log('warning', `Authentication failed for ${describeAuth(auth.data)} from ${peer}`, 'E1201');
      throw new UserError('E1201');
    }
    connection.send({ t: 'auth-ok', role });
    options.onSession(connection, role, peer);
  };

  const server = tls.createServer({ key: options.identity.key, cert: options.identity.cert, minVersion: 'TLSv1.3' }, (socket) => {
    const peer = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    const connection = new Connection(socket, { maxFrameBytes: options.maxFrameBytes });
    connections.add(connection);
    connection.on('closed', () => connections.delete(connection));
    connection.on('protocol-error', (info: { message: string }) => options.log('error', `Refused a malformed message from ${peer}: ${info.message}`, 'E1202'));
    connection.on('handler-error', (error: unknown, channel: string) =>
      options.log('error', `Internal error handling ${channel} from ${peer}: ${error instanceof Error ? error.message : String(error)}`, 'E1099'),
    );
    handshake(connection, peer).catch((error: unknown) => {
      if (!connection.isOpen) return;
      const info = (error instanceof UserError ? error : new UserError('E1202', String(error))).toInfo();
      if (info.code !== 'E1201') options.log('error', `Refused connection from ${peer}: ${info.message}`, info.code);
      connection.close(info);
    });
  });
  server.on('tlsClientError', (error, socket) => {
    options.log('warning', `TLS handshake failed from ${socket.remoteAddress ?? '?'}: ${error.message}`, 'E1202');
  });

  const host = options.host ?? '0.0.0.0';
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(new UserError('E1207', `${host}:${options.port} (${error.code ?? error.message})`)));
    server.listen(options.port, host, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('engine server: no TCP address');
  return {
    port: address.port,
    close: async () => {
      for (const connection of connections) connection.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
