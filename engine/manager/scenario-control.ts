import os from 'node:os';
import { z } from 'zod';
import type { EventLog } from '../events/event-log';
import { describeError } from '../messages/describe-error';
import { UserError, toErrorInfo } from '../messages/user-error';
import { MasterStatusSchema, type LiveScenario } from '../replication/live-status';
import { protectionSettings } from '../replica/protection-settings';
import type { Scenario } from '../scenario/model';
import type { ScenarioStore } from '../scenario/scenario-store';
import { BrowseReplySchema, type BrowseReply } from '../runtime/browse-model';
import type { AdminCredentials, EngineClients } from './engine-clients';
import { canonicalHost } from '../scenario/hosts';

export interface HostCredentials extends AdminCredentials {
  host: string;
}

const PreparedSchema = z.object({ token: z.string(), fingerprint: z.string(), engineId: z.string() });

/**
 * Runs, stops, suspends and watches scenarios by talking to the engines of their hosts:
 * each Replica's engine prepares its Replica and issues a replication token, then the
 * Master's engine starts capturing and replicating to them.
 */
export class ScenarioControl {
  constructor(
    private readonly store: ScenarioStore,
    private readonly clients: EngineClients,
    private readonly events: EventLog,
    private readonly localPort: () => number,
  ) {}

  async run(id: string, credentials: readonly HostCredentials[]): Promise<Scenario> {
    const scenario = this.store.get(id);
    for (const entry of credentials) this.clients.setCredentials(entry.host, this.portOf(entry.host, scenario.master.port), entry);
    for (const host of [scenario.master, ...scenario.replicas]) {
      if (!this.clients.hasCredentials(host.host, host.port)) throw new UserError('E1008', host.host);
    }
    const masterLocal = this.clients.isLocal(scenario.master.host);
    const links = [];
    for (const replica of scenario.replicas) {
      const port = this.portOf(replica.host, replica.port);
      const prepared = PreparedSchema.parse(
        await this.clients.client(replica.host, port).call('replica.prepare', {
          scenarioId: scenario.id,
          scenarioName: scenario.name,
          replicaId: replica.id,
          masterHost: scenario.master.host,
          roots: scenario.master.roots,
          target: replica.target,
          protection: protectionSettings(scenario.type, scenario.options),
        }),
      );
      links.push({ replicaId: replica.id, host: this.addressFromMaster(replica.host, masterLocal), label: replica.host, port, fingerprint: prepared.fingerprint, token: prepared.token });
    }
    await this.master(scenario).call('master.run', { scenarioId: scenario.id, name: scenario.name, roots: scenario.master.roots, links, options: scenario.options });
    for (const entry of credentials) await this.clients.remember(entry.host, entry);
    this.events.record({ severity: 'info', scenarioId: id, text: `Scenario "${scenario.name}" started` });
    return this.store.setStatus(id, { state: 'running', since: new Date().toISOString() });
  }

  /** The hosts of a scenario whose engines this manager has no administrator credentials for (the Run dialog asks for them). */
  hostsNeedingCredentials(id: string): string[] {
    const scenario = this.store.get(id);
    const hosts = [scenario.master, ...scenario.replicas].filter((host) => !this.clients.hasCredentials(host.host, this.portOf(host.host, host.port)));
    return [...new Set(hosts.map((host) => host.host))];
  }

  /** Lists a directory on the scenario's Master (the Directories tab). */
  async browse(id: string, directory: string): Promise<BrowseReply> {
    const scenario = this.store.get(id);
    return BrowseReplySchema.parse(await this.master(scenario).call('engine.browse', { path: directory }));
  }

  async stop(id: string): Promise<Scenario> {
    const scenario = this.store.get(id);
    await this.master(scenario).call('master.stop', { scenarioId: id });
    this.events.record({ severity: 'info', scenarioId: id, text: `Scenario "${scenario.name}" stopped by user` });
    return this.store.setStatus(id, { state: 'stopped', reason: 'user' });
  }

  async setSuspended(id: string, replicaId: string, suspended: boolean): Promise<void> {
    const scenario = this.store.get(id);
    if (!scenario.replicas.some((replica) => replica.id === replicaId)) throw new UserError('E1002', `no Replica ${replicaId} in "${scenario.name}"`);
    await this.master(scenario).call(suspended ? 'master.suspend' : 'master.resume', { scenarioId: id, replicaId });
  }

  async live(id: string): Promise<LiveScenario> {
    const scenario = this.store.get(id);
    if (scenario.status.state !== 'running') return { state: 'stopped' };
    try {
      const status = MasterStatusSchema.parse(await this.master(scenario).call('master.status', { scenarioId: id }));
      if (!status.running) return { state: 'problem', links: [], roots: [], error: new UserError('E1204', `the Master engine does not run "${scenario.name}"`).toInfo() };
      const healthy = status.links.every((link) => link.state === 'replicating' || link.state === 'synchronizing' || link.state === 'suspended');
      return { state: healthy ? 'running' : 'problem', links: status.links, roots: status.roots };
    } catch (error) {
      const info = toErrorInfo(error instanceof UserError ? error : new UserError('E1204', describeError(error)));
      if (info.code === 'E1201' || info.code === 'E1008') return { state: 'not-authorized', error: info };
      return { state: 'problem', links: [], roots: [], error: info };
    }
  }

  scenario(id: string): Scenario {
    return this.store.get(id);
  }

  /** The engine hosting Replica `replicaId` of scenario `id`, and that Replica. */
  replicaEngine(id: string, replicaId: string) {
    const scenario = this.store.get(id);
    const replica = scenario.replicas.find((candidate) => candidate.id === replicaId);
    if (!replica) throw new UserError('E1002', `no Replica ${replicaId} in "${scenario.name}"`);
    return { scenario, replica, engine: this.clients.client(replica.host, this.portOf(replica.host, replica.port)) };
  }

  hasCredentials(host: string, port: number): boolean {
    return this.clients.hasCredentials(host, this.portOf(host, port));
  }

  /** The engine of any host (a restore destination): this host's in-process, others with the credentials given for them. */
  engineAt(host: string, port: number) {
    return this.clients.client(host, this.portOf(host, port));
  }

  /**
   * Proves each host in `hosts` accepts the credentials given for it (tried on a connection of
   * their own first, so a wrong password never replaces working ones) or those already held,
   * with a real round trip to its engine: AE0459 naming the host when not, so a job is refused
   * before it is queued. Credentials that worked are stored (encrypted) for later runs.
   */
  async verifyHosts(hosts: readonly { host: string; port: number }[], credentials: readonly HostCredentials[]): Promise<void> {
    for (const { host, port } of hosts) {
      const given = credentials.find((entry) => canonicalHost(entry.host, []) === canonicalHost(host, []));
      await this.proveHost(host, port, given);
    }
  }

  private async proveHost(host: string, port: number, given: HostCredentials | undefined): Promise<void> {
    const target = this.portOf(host, port);
    try {
      if (given) await this.clients.accept(host, target, given);
      else if (!this.clients.hasCredentials(host, target)) throw new UserError('AE0459', `no engine administrator credentials were given for ${host}`);
      else await this.engineAt(host, port).call('engine.info', {});
    } catch (error) {
      if (error instanceof UserError && error.code === 'AE0459') throw error;
      const code = (error as { info?: { code?: string } }).info?.code ?? (error instanceof UserError ? error.code : undefined);
      if (code === 'E1201' || code === 'E1008') throw new UserError('AE0459', `${host} refused the ${given ? 'credentials given' : 'stored credentials'}`);
      throw new UserError('AE0463', `${host}: ${describeError(error)}`);
    }
  }

  /** This machine's own engine: reached in-process, no credentials asked. */
  isLocalHost(host: string): boolean {
    return this.clients.isLocal(host);
  }

  storedCredentials(): { host: string; user: string }[] {
    return this.clients.stored();
  }

  forgetCredentials(host: string): Promise<void> {
    return this.clients.forget(host);
  }

  /** The user name stored for a host's engine, if any. */
  storedUser(host: string): string | null {
    return this.clients.storedUser(host);
  }

  private master(scenario: Scenario) {
    return this.clients.client(scenario.master.host, this.portOf(scenario.master.host, scenario.master.port));
  }

  /** This host's engine listens where it was told to (tests use OS-chosen ports); other hosts on their configured port. */
  private portOf(host: string, configured: number): number {
    return this.clients.isLocal(host) ? this.localPort() : configured;
  }

  /** How the Master's engine reaches a Replica: loopback when both are here, this machine's name when only the Replica is. */
  private addressFromMaster(replicaHost: string, masterLocal: boolean): string {
    if (!this.clients.isLocal(replicaHost)) return replicaHost;
    return masterLocal ? '127.0.0.1' : os.hostname();
  }
}
