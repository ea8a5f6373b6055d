import { UserError } from '../messages/user-error';
import type { HostCredentials, ScenarioControl } from '../manager/scenario-control';
import { createHash } from 'node:crypto';
import { describeError } from '../messages/describe-error';
import { DEFAULT_ENGINE_PORT } from '../runtime/engine-runtime';
import type { BackupSource, FolderSourceDraft, JobHost } from './backup-manager-model';
import type { BackupCatalog } from './catalog/backup-catalog';
import { fileServerEntities, type RegisteredScenario, type ScenarioEntity } from './catalog/registration';

/**
 * The Backup Manager's view of what can be backed up: the scenarios registered in the catalog
 * and folder sources,
 * their entities once the Replica agent accepted the credentials, and the hosts whose engines
 * a job needs (Security and Agent Information), proven before a job is queued.
 */
export class BackupSources {
  constructor(
    private readonly catalog: BackupCatalog,
    private readonly control: ScenarioControl,
  ) {}

  list(options: { includeRemoved?: boolean } = {}): BackupSource[] {
    return this.catalog.scenarios.list(options).map((scenario) => this.toSource(scenario));
  }

  /**
   * Adds a folder on a host as an ordinary source: its engine must accept the credentials
   * (AE0459) and the folder exist there (E3389). Adding the same folder again returns it.
   */
  async addFolder(draft: FolderSourceDraft, credentials: readonly HostCredentials[]): Promise<BackupSource> {
    const port = DEFAULT_ENGINE_PORT;
    await this.control.verifyHosts([{ host: draft.host, port }], credentials);
    try {
      await this.control.engineAt(draft.host, port).call('restore.host-list', { root: draft.path, path: '', limit: 1 });
    } catch (error) {
      throw new UserError('E3389', `${draft.path} on ${draft.host}: ${describeError(error)}`);
    }
    const id = `folder-${createHash('sha256').update(`${draft.host.toLowerCase()}\n${draft.path}`).digest('hex').slice(0, 24)}`;
    const { scenario } = this.catalog.scenarios.register({
      id,
      name: `${draft.path} on ${draft.host}`,
      type: 'FileServer',
      master: { host: draft.host, port, roots: [draft.path] },
      replicas: [],
      entities: fileServerEntities([draft.path]),
      mode: 'none',
      source: 'folder',
    });
    return this.toSource(scenario);
  }

  /** Removes a folder source (its sessions stay restorable); scenarios leave the list when they are removed from replication. */
  removeFolder(id: string): void {
    const source = this.registered(id);
    if (source.source !== 'folder') throw new UserError('E3370', `"${source.name}" is a replication scenario: it leaves the list when it is removed in the Replication Manager`);
    this.catalog.scenarios.unregister(id);
  }

  private toSource(scenario: RegisteredScenario): BackupSource {
    return {
      id: scenario.id,
      source: scenario.source,
      roots: scenario.master.roots,
      name: scenario.name,
      type: scenario.type,
      master: scenario.master.host,
      replicas: scenario.replicas.map((replica) => replica.host),
      mode: scenario.mode,
      registeredAt: scenario.registeredAt,
    };
  }

  /** Expanding a scenario: the Replica's engine must accept the credentials (AE0459), then its entities as registered. */
  async entities(scenarioId: string, credentials: readonly HostCredentials[]): Promise<ScenarioEntity[]> {
    const scenario = this.registered(scenarioId);
    const readFrom = scenario.source === 'folder' ? [scenario.master] : scenario.replicas;
    await this.control.verifyHosts(readFrom.map(({ host, port }) => ({ host, port })), credentials);
    return scenario.entities;
  }

  /** Per scenario its Master row, then its Replica rows, in the job's order. */
  jobHosts(scenarioIds: readonly string[]): JobHost[] {
    return scenarioIds.flatMap((id) => {
      const scenario = this.registered(id);
      const row = (role: JobHost['role'], host: string): JobHost => ({
        scenarioId: scenario.id,
        scenarioName: scenario.name,
        role,
        host,
        needsCredentials: !this.control.isLocalHost(host),
        storedUser: this.control.isLocalHost(host) ? null : this.control.storedUser(host),
      });
      if (scenario.source === 'folder') return [row('Source', scenario.master.host)];
      return [row('Master', scenario.master.host), ...scenario.replicas.map((replica) => row('Replica', replica.host))];
    });
  }

  /** Before a job is queued: every Master and Replica engine of its scenarios answers with the credentials given or stored. */
  async verifyJob(scenarioIds: readonly string[], credentials: readonly HostCredentials[]): Promise<void> {
    for (const id of scenarioIds) {
      const scenario = this.registered(id);
      const hosts = [scenario.master, ...scenario.replicas].map(({ host, port }) => ({ host, port }));
      await this.control.verifyHosts(hosts, credentials);
    }
  }

  private registered(id: string): RegisteredScenario {
    const scenario = this.catalog.scenarios.get(id);
    if (!scenario || scenario.removedAt !== null) throw new UserError('E3370', `scenario ${id} is not registered in the catalog (run it with the Backup option on)`);
    return scenario;
  }
}
