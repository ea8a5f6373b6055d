import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { Clock } from '../../clock';
import type { ActivityLog } from './activity-log';
import { refuse } from './refusals';
import {
  RegisteredScenarioSchema,
  ScenarioRegistrationSchema,
  describeMode,
  registrationChanges,
  type RegisteredScenario,
  type ScenarioRegistration,
} from './registration';

export type RegistrationChange = 'registered' | 'updated' | 'unchanged';

interface ScenarioRow {
  id: string;
  name: string;
  type: string;
  master_host: string;
  master_port: number;
  master_roots: string;
  mode: string;
  source: string;
  registered_at: string;
  updated_at: string;
  removed_at: string | null;
}

const PathListSchema = z.array(z.string());

/**
 * The scenarios the backup catalog knows (Backup Manager → Source). Running a scenario that
 * has the Backup option registers or updates it; removing it unregisters it. Each change is
 * an Activity Log entry; running it again unchanged is not.
 */
export class RegisteredScenarios {
  constructor(
    private readonly db: Database,
    private readonly activity: ActivityLog,
    private readonly clock: Clock,
  ) {}

  register(input: ScenarioRegistration): { scenario: RegisteredScenario; change: RegistrationChange } {
    const registration = ScenarioRegistrationSchema.parse(input);
    return this.db.transaction(() => {
      const existing = this.readable(registration.id);
      const now = this.clock.now().toISOString();
      if (existing && existing.removedAt === null) {
        const changes = registrationChanges(existing, registration);
        if (changes.length === 0) return { scenario: existing, change: 'unchanged' as const };
        this.write(registration, existing.registeredAt, now);
        this.activity.append({
          type: 'Information',
          scenarioName: registration.name,
          message: `Scenario "${registration.name}" registration updated: ${changes.join(', ')}`,
        });
        return { scenario: this.require(registration.id), change: 'updated' as const };
      }
      this.write(registration, existing?.registeredAt ?? now, now);
      const replicas = registration.replicas.map((replica) => replica.host).join(', ');
      this.activity.append({
        type: 'Information',
        scenarioName: registration.name,
        message:
          registration.source === 'folder'
            ? `Folder ${registration.master.roots.join(', ')} on ${registration.master.host} added as a backup source (read live through its engine, no snapshot)`
            : `Scenario "${registration.name}" registered for backup (${registration.type}; Master ${registration.master.host} → Replica ${replicas}; ${registration.entities.length} ${registration.entities.length === 1 ? 'entity' : 'entities'}; ${describeMode(registration.mode)} mode)`,
      });
      return { scenario: this.require(registration.id), change: 'registered' as const };
    })();
  }

  /** The record stays (its sessions still name it), marked removed; jobs can no longer select it. */
  unregister(id: string): RegisteredScenario {
    return this.db.transaction(() => {
      const scenario = this.get(id);
      if (!scenario) throw refuse({ kind: 'scenario-not-registered', scenarioId: id });
      if (scenario.removedAt !== null) return scenario;
      const now = this.clock.now().toISOString();
      this.db.prepare('UPDATE registered_scenarios SET removed_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
      const message = scenario.source === 'folder' ? `Backup source "${scenario.name}" removed` : `Scenario "${scenario.name}" unregistered: it was removed from replication`;
      this.activity.append({ type: 'Information', scenarioName: scenario.name, message });
      return { ...scenario, removedAt: now, updatedAt: now };
    })();
  }

  get(id: string): RegisteredScenario | undefined {
    const row = this.db.prepare('SELECT * FROM registered_scenarios WHERE id = ?').get(id) as ScenarioRow | undefined;
    return row ? this.toScenario(row) : undefined;
  }

  /** A registered (not removed) scenario, or E3370. */
  require(id: string): RegisteredScenario {
    const scenario = this.get(id);
    if (!scenario || scenario.removedAt !== null) throw refuse({ kind: 'scenario-not-registered', scenarioId: id });
    return scenario;
  }

  /** A damaged record is left out here (get() names it with E3370), so one bad row does not hide the others. */
  list(options: { includeRemoved?: boolean } = {}): RegisteredScenario[] {
    const rows = this.db
      .prepare(`SELECT * FROM registered_scenarios ${options.includeRemoved ? '' : 'WHERE removed_at IS NULL'} ORDER BY name COLLATE NOCASE, id`)
      .all() as ScenarioRow[];
    return rows.flatMap((row) => {
      try {
        return [this.toScenario(row)];
      } catch {
        return [];
      }
    });
  }

  /** A damaged record is replaced by a new registration instead of blocking it. */
  private readable(id: string): RegisteredScenario | undefined {
    try {
      return this.get(id);
    } catch {
      return undefined;
    }
  }

  private write(registration: z.output<typeof ScenarioRegistrationSchema>, registeredAt: string, now: string): void {
    this.db
      .prepare(
        `INSERT INTO registered_scenarios (id, name, type, master_host, master_port, master_roots, mode, source, registered_at, updated_at, removed_at)
         VALUES (@id, @name, @type, @masterHost, @masterPort, @masterRoots, @mode, @source, @registeredAt, @now, NULL)
         ON CONFLICT (id) DO UPDATE SET name = @name, type = @type, master_host = @masterHost, master_port = @masterPort,
           master_roots = @masterRoots, mode = @mode, source = @source, updated_at = @now, removed_at = NULL`,
      )
      .run({
        id: registration.id,
        name: registration.name,
        type: registration.type,
        masterHost: registration.master.host,
        masterPort: registration.master.port,
        masterRoots: JSON.stringify(registration.master.roots),
        mode: registration.mode,
        source: registration.source,
        registeredAt,
        now,
      });
    this.db.prepare('DELETE FROM registered_scenario_replicas WHERE scenario_id = ?').run(registration.id);
    this.db.prepare('DELETE FROM registered_scenario_entities WHERE scenario_id = ?').run(registration.id);
    const replica = this.db.prepare('INSERT INTO registered_scenario_replicas (scenario_id, position, replica_id, host, port, target) VALUES (?, ?, ?, ?, ?, ?)');
    registration.replicas.forEach((r, position) => replica.run(registration.id, position, r.id, r.host, r.port, r.target));
    const entity = this.db.prepare('INSERT INTO registered_scenario_entities (scenario_id, position, name, master_paths) VALUES (?, ?, ?, ?)');
    registration.entities.forEach((e, position) => entity.run(registration.id, position, e.name, JSON.stringify(e.masterPaths)));
  }

  /** Rows are parsed, not trusted: a record damaged outside the app is E3370, not a crash later. */
  private toScenario(row: ScenarioRow): RegisteredScenario {
    const replicas = this.db
      .prepare('SELECT replica_id AS id, host, port, target FROM registered_scenario_replicas WHERE scenario_id = ? ORDER BY position')
      .all(row.id);
    const entities = (
      this.db.prepare('SELECT name, master_paths FROM registered_scenario_entities WHERE scenario_id = ? ORDER BY position').all(row.id) as {
        name: string;
        master_paths: string;
      }[]
    ).map((entity) => ({ name: entity.name, masterPaths: parseJson(entity.master_paths) }));
    const parsed = RegisteredScenarioSchema.safeParse({
      id: row.id,
      name: row.name,
      type: row.type,
      master: { host: row.master_host, port: row.master_port, roots: parseJson(row.master_roots) },
      replicas,
      entities,
      mode: row.mode,
      source: row.source,
      registeredAt: row.registered_at,
      updatedAt: row.updated_at,
      removedAt: row.removed_at,
    });
    if (!parsed.success) throw refuse({ kind: 'scenario-damaged', scenarioId: row.id, name: row.name });
    return parsed.data;
  }
}

function parseJson(text: string): string[] | undefined {
  try {
    const parsed = PathListSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
