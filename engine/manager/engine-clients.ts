import { UserError } from '../messages/user-error';
import type { EngineRuntime } from '../runtime/engine-runtime';
import { canonicalHost } from '../scenario/hosts';
import type { Connection } from '../transport/connection';
import { connectEngine } from '../transport/engine-client';

/** A way to call an engine's administrator channels, wherever it runs. */
export interface EngineClient {
  call(channel: string, body: unknown): Promise<unknown>;
}

export interface AdminCredentials {
  user: string;
  password: string;
}

/**
 * Reaches the engine of any host: this host's own engine in-process, others over the
 * network with their administrator credentials. Credentials live in this process's memory
 * only (never in the catalog or a log); connections are reused and re-opened when dropped.
 */
export class EngineClients {
  private readonly credentials = new Map<string, AdminCredentials>();
  private readonly connections = new Map<string, Promise<Connection>>();

  constructor(
    private readonly local: EngineRuntime,
    private readonly localNames: readonly string[],
  ) {}

  isLocal(host: string): boolean {
    return canonicalHost(host, this.localNames) === 'localhost';
  }

  /** Remembers credentials for a host; a changed password replaces the open connection. */
  setCredentials(host: string, port: number, credentials: AdminCredentials): void {
    const key = endpoint(host, port);
    const known = this.credentials.get(key);
    if (known?.user === credentials.user && known.password === credentials.password) return;
    this.credentials.set(key, credentials);
    const open = this.connections.get(key);
    this.connections.delete(key);
    void open?.then((connection) => connection.close()).catch(() => undefined);
  }

  hasCredentials(host: string, port: number): boolean {
    return this.isLocal(host) || this.credentials.has(endpoint(host, port));
  }

  client(host: string, port: number): EngineClient {
    if (this.isLocal(host)) {
      return {
        call: async (channel, body) => {
          const handler = this.local.adminChannels()[channel];
          if (!handler) throw new UserError('E1206', `no channel "${channel}"`);
          return handler(body);
        },
      };
    }
    return { call: async (channel, body) => (await this.connection(host, port)).request(channel, body) };
  }

  async close(): Promise<void> {
    for (const open of this.connections.values()) await open.then((connection) => connection.close()).catch(() => undefined);
    this.connections.clear();
  }

  private connection(host: string, port: number): Promise<Connection> {
    const key = endpoint(host, port);
    const existing = this.connections.get(key);
    if (existing) {
      return existing.then((connection) => (connection.isOpen ? connection : this.reconnect(host, port)));
    }
    return this.reconnect(host, port);
  }

  private reconnect(host: string, port: number): Promise<Connection> {
    const key = endpoint(host, port);
    const credentials = this.credentials.get(key);
    if (!credentials) return Promise.reject(new UserError('E1008', `${host}:${port}`));
    const opening = connectEngine({
      host,
      port,
      engineId: this.local.parts.identity.engineId,
      credentials: { method: 'password', ...credentials },
      pin: { trust: this.local.parts.trust },
    }).then((session) => session.connection);
    this.connections.set(key, opening);
    opening.catch(() => this.connections.delete(key));
    return opening;
  }
}

function endpoint(host: string, port: number): string {
  return `${host.toLowerCase()}:${port}`;
}
