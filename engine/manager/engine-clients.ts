import { UserError } from '../messages/user-error';
import type { EngineRuntime } from '../runtime/engine-runtime';
import { canonicalHost } from '../scenario/hosts';
import type { Connection } from '../transport/connection';
import { connectEngine } from '../transport/engine-client';
import type { CredentialVault } from './credentials/credential-vault';

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
 * and, once an engine accepted them, in the vault (sealed at rest; never in the catalog or a
 * log); connections are reused and re-opened when dropped.
 */
export class EngineClients {
  private readonly credentials = new Map<string, AdminCredentials>();
  private readonly connections = new Map<string, Promise<Connection>>();

  constructor(
    private readonly local: EngineRuntime,
    private readonly localNames: readonly string[],
    private readonly vault?: CredentialVault,
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
    return this.isLocal(host) || this.credentialsFor(host, port) !== undefined;
  }

  /** The user name of credentials stored for the host, if any (never the password). */
  storedUser(host: string): string | null {
    return this.vault?.get(host)?.user ?? null;
  }

  /**
   * Proves `credentials` on a connection of their own, and only then uses them for the host
   * and stores them: a mistyped password never replaces working credentials (a running
   * scenario keeps its connection). Throws the engine's refusal otherwise.
   */
  async accept(host: string, port: number, credentials: AdminCredentials): Promise<void> {
    if (this.isLocal(host)) return;
    const session = await this.open(host, port, credentials);
    try {
      await session.connection.request('engine.info', {});
    } finally {
      session.connection.close();
    }
    this.setCredentials(host, port, credentials);
    await this.remember(host, credentials);
  }

  /** Hosts with stored credentials and their users (never a password). */
  stored(): { host: string; user: string }[] {
    return this.vault?.list() ?? [];
  }

  /** Drops a host's stored and remembered credentials; its open connections stay until they drop. */
  async forget(host: string): Promise<void> {
    for (const key of [...this.credentials.keys()]) if (key.startsWith(`${host.toLowerCase()}:`)) this.credentials.delete(key);
    await this.vault?.forget(host);
  }

  /** Stores credentials an engine has accepted (the vault, when this manager has one). */
  async remember(host: string, credentials: AdminCredentials): Promise<void> {
    if (!this.isLocal(host)) await this.vault?.set(host, credentials);
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
    const credentials = this.credentialsFor(host, port);
    if (!credentials) return Promise.reject(new UserError('E1008', `${host}:${port}`));
    const opening = this.open(host, port, credentials).then((session) => session.connection);
    this.connections.set(key, opening);
    opening.catch(() => this.connections.delete(key));
    return opening;
  }

  private open(host: string, port: number, credentials: AdminCredentials) {
    return connectEngine({
      host,
      port,
      engineId: this.local.parts.identity.engineId,
      credentials: { method: 'password', ...credentials },
      pin: { trust: this.local.parts.trust },
    });
  }

  private credentialsFor(host: string, port: number): AdminCredentials | undefined {
    return this.credentials.get(endpoint(host, port)) ?? this.vault?.get(host);
  }
}

function endpoint(host: string, port: number): string {
  return `${host.toLowerCase()}:${port}`;
}
