import path from 'node:path';
import type { EventLog } from '../events/event-log';
import { hasAdminAccount, verifyAdmin } from '../identity/admin-account';
import { loadOrCreateIdentity, type EngineIdentity } from '../identity/engine-identity';
import { ReplicationTokens } from '../identity/replication-tokens';
import type { Connection } from '../transport/connection';
import { startEngineServer, type EngineServer } from '../transport/engine-server';
import type { AuthRequest, Role } from '../transport/messages';
import { TrustStore } from '../transport/trust-store';
import { browseDirectory } from './browse';
import { registerChannels, type Channels } from './channel-registry';

export const DEFAULT_ENGINE_PORT = 25000;

export interface EngineRuntimeOptions {
  /** The engine's own folder: identity, accounts, tokens, spools, journals. */
  stateDir: string;
  port: number;
  bind: string;
  hostName: string;
  version: string;
  events: EventLog;
}

export interface EngineParts {
  identity: EngineIdentity;
  tokens: ReplicationTokens;
  trust: TrustStore;
  stateDir: string;
  hostName: string;
  events: EventLog;
}

/** A capability of the engine (Master side, Replica side): its channels for administrators and for replication peers. */
export interface EngineService {
  adminChannels(): Channels;
  /** Channels for a Master replicating one scenario to one Replica; `connection` lets the service talk back. */
  replicationChannels(scenarioId: string, replicaId: string, connection: Connection): Channels;
  close(): Promise<void>;
}

/**
 * One engine on one host: its TLS identity, its listener on the network (default port
 * 25000), the administrator account, and the services that do the work. The desktop app,
 * the console host and the headless daemon each run exactly one.
 */
export class EngineRuntime {
  private constructor(
    readonly parts: EngineParts,
    private readonly server: EngineServer,
    private readonly services: EngineService[],
    private readonly version: string,
  ) {}

  static async start(options: EngineRuntimeOptions, makeServices: (parts: EngineParts) => Promise<EngineService[]>): Promise<EngineRuntime> {
    const identity = await loadOrCreateIdentity(path.join(options.stateDir, 'identity'), options.hostName);
    const accountsDir = path.join(options.stateDir, 'accounts');
    const parts: EngineParts = {
      identity,
      tokens: new ReplicationTokens(accountsDir),
      trust: new TrustStore(path.join(options.stateDir, 'known-engines.json')),
      stateDir: options.stateDir,
      hostName: options.hostName,
      events: options.events,
    };
    const services = await makeServices(parts);
    const holder: { runtime?: EngineRuntime } = {};
    const authenticate = async (auth: AuthRequest): Promise<Role | undefined> => {
      if (auth.method === 'password') {
        if (!(await hasAdminAccount(accountsDir))) return undefined;
        return (await verifyAdmin(accountsDir, auth.user, auth.password)) ? { kind: 'admin' } : undefined;
      }
      const valid = await parts.tokens.verify(auth.scenarioId, auth.replicaId, auth.token);
      return valid ? { kind: 'replication', scenarioId: auth.scenarioId, replicaId: auth.replicaId } : undefined;
    };
    const server = await startEngineServer({
      identity,
      host: options.bind,
      port: options.port,
      authenticate,
      log: (severity, text, code) => options.events.record({ severity, text, ...(code ? { code } : {}) }),
      onSession: (connection, role, peer) => {
        const runtime = holder.runtime;
        if (!runtime) return connection.close();
        if (role.kind === 'admin') {
          options.events.record({ severity: 'info', text: `Manager connected from ${peer}` });
          registerChannels(connection, runtime.adminChannels());
        } else {
          registerChannels(connection, runtime.replicationChannels(role.scenarioId, role.replicaId, connection));
        }
      },
    });
    const runtime = new EngineRuntime(parts, server, services, options.version);
    holder.runtime = runtime;
    options.events.record({ severity: 'info', text: `Engine listening on ${options.bind}:${server.port} (certificate ${identity.fingerprint.slice(0, 23)}…)` });
    return runtime;
  }

  get port(): number {
    return this.server.port;
  }

  /** What an authenticated administrator (a remote manager, or this host's own manager in-process) may call. */
  adminChannels(): Channels {
    const info: Channels = {
      'engine.info': () => ({
        engineId: this.parts.identity.engineId,
        fingerprint: this.parts.identity.fingerprint,
        hostName: this.parts.hostName,
        version: this.version,
        port: this.port,
      }),
      'engine.browse': (body) => browseDirectory(body as { path: string }),
    };
    return Object.assign(info, ...this.services.map((service) => service.adminChannels()));
  }

  replicationChannels(scenarioId: string, replicaId: string, connection: Connection): Channels {
    return Object.assign({}, ...this.services.map((service) => service.replicationChannels(scenarioId, replicaId, connection)));
  }

  async close(): Promise<void> {
    for (const service of this.services) await service.close();
    await this.server.close();
  }
}
