import { UserError } from '../messages/user-error';
import type { HostCredentials, ScenarioControl } from '../manager/scenario-control';
import type { BackupSource, JobHost } from './backup-manager-model';
import type { BackupCatalog } from './catalog/backup-catalog';
import type { RegisteredScenario, ScenarioEntity } from './catalog/registration';

/**
 * The Backup Manager's view of what can be backed up: the scenarios registered in the catalog,
 * their entities once the Replica agent accepted the credentials, and the hosts whose engines
 * a job needs (Security and Agent Information), proven before a job is queued.
 */
export class BackupSources {
  constructor(
    private readonly catalog: BackupCatalog,
    private readonly control: ScenarioControl,
  ) {}

  list(): BackupSource[] {
    return this.catalog.scenarios.list().map((scenario) => ({
      id: scenario.id,
      name: scenario.name,
      type: scenario.type,
      master: scenario.master.host,
      replicas: scenario.replicas.map((replica) => replica.host),
      mode: scenario.mode,
      registeredAt: scenario.registeredAt,
    }));
  }

  /** Expanding a scenario: the Replica's engine must accept the credentials (AE0459), then its entities as registered. */
  async entities(scenarioId: string, credentials: readonly HostCredentials[]): Promise<ScenarioEntity[]> {
    const scenario = this.registered(scenarioId);
    await this.control.verifyHosts(scenario.replicas.map(({ host, port }) => ({ host, port })), credentials);
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
