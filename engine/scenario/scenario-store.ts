import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import type { EventLog } from '../events/event-log';
import { UserError } from '../messages/user-error';
import {
  DEFAULT_ENGINE_PORT,
  DEFAULT_SCENARIO_GROUP,
  ScenarioSchema,
  type Scenario,
  type ScenarioDraft,
} from './model';
import { DEFAULT_REPLICATION_OPTIONS, type ReplicationOptions } from './options';
import { validateScenarioDraft } from './validation';

export type ScenarioChange = { change: 'created' | 'removed' | 'updated'; id: string };

interface ScenarioRow {
  id: string;
  name: string;
  definition: string;
}

/** The scenarios this manager knows, persisted in the catalog; each change is an event. */
export class ScenarioStore {
  private readonly emitter = new EventEmitter();
  private readonly reportedDamage = new Set<string>();

  constructor(
    private readonly db: Database,
    private readonly events: EventLog,
    private readonly clock: Clock,
    private readonly localNames: readonly string[],
  ) {}

  list(): Scenario[] {
    const rows = this.db.prepare('SELECT id, name, definition FROM scenarios ORDER BY name COLLATE NOCASE').all() as ScenarioRow[];
    return rows.flatMap((row) => {
      const scenario = this.parse(row);
      return scenario ? [scenario] : [];
    });
  }

  get(id: string): Scenario {
    const row = this.db.prepare('SELECT id, name, definition FROM scenarios WHERE id = ?').get(id) as ScenarioRow | undefined;
    const scenario = row ? this.parse(row) : undefined;
    if (!scenario) throw new UserError('E1002', `no scenario with ID ${id}`);
    return scenario;
  }

  create(draft: ScenarioDraft): Scenario {
    const existingNames = this.db.prepare('SELECT name FROM scenarios').pluck().all() as string[];
    const fields = validateScenarioDraft(draft, { existingNames, localNames: this.localNames });
    if (Object.keys(fields).length > 0) throw new UserError('E1001', Object.values(fields)[0], fields);

    const now = this.clock.now().toISOString();
    const scenario: Scenario = {
      id: randomUUID(),
      name: draft.name.trim(),
      type: draft.type,
      group: DEFAULT_SCENARIO_GROUP,
      master: { host: draft.master.host.trim(), port: DEFAULT_ENGINE_PORT, roots: draft.master.roots.map((root) => root.trim()) },
      replicas: draft.replicas.map((replica) => ({
        id: randomUUID(),
        host: replica.host.trim(),
        port: DEFAULT_ENGINE_PORT,
        target: replica.target.trim(),
      })),
      status: { state: 'stopped', reason: 'created' },
      options: { ...DEFAULT_REPLICATION_OPTIONS },
      createdAt: now,
      updatedAt: now,
    };
    this.db
      .prepare('INSERT INTO scenarios (id, name, type, definition, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(scenario.id, scenario.name, scenario.type, JSON.stringify(scenario), now, now);
    const replicaHosts = scenario.replicas.map((replica) => replica.host).join(', ');
    this.events.record({
      severity: 'info',
      scenarioId: scenario.id,
      text: `Scenario "${scenario.name}" created (${scenario.type}; Master ${scenario.master.host} → Replica ${replicaHosts})`,
    });
    this.emitter.emit('change', { change: 'created', id: scenario.id } satisfies ScenarioChange);
    return scenario;
  }

  /** Records the state the administrator asked for (running / stopped by user). */
  setStatus(id: string, status: Scenario['status']): Scenario {
    return this.update(id, { status });
  }

  /** Properties are edited only while the scenario is stopped, as the engines act on them while it runs. */
  setOptions(id: string, options: ReplicationOptions): Scenario {
    const scenario = this.get(id);
    if (scenario.status.state === 'running') throw new UserError('E1007', `"${scenario.name}" is running`);
    const updated = this.update(id, { options });
    this.events.record({ severity: 'info', scenarioId: id, text: `Scenario "${scenario.name}" properties changed` });
    return updated;
  }

  private update(id: string, patch: Partial<Pick<Scenario, 'status' | 'options'>>): Scenario {
    const updated: Scenario = { ...this.get(id), ...patch, updatedAt: this.clock.now().toISOString() };
    this.db.prepare('UPDATE scenarios SET definition = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(updated), updated.updatedAt, id);
    this.emitter.emit('change', { change: 'updated', id } satisfies ScenarioChange);
    return updated;
  }

  /** Works on damaged records too, so the administrator can clear one and reuse its name. */
  remove(id: string): void {
    const name = this.db.prepare('SELECT name FROM scenarios WHERE id = ?').pluck().get(id) as string | undefined;
    if (name === undefined) throw new UserError('E1002', `no scenario with ID ${id}`);
    const row = this.db.prepare('SELECT id, name, definition FROM scenarios WHERE id = ?').get(id) as ScenarioRow;
    if (this.parse(row)?.status.state === 'running') throw new UserError('E1007', `"${name}" is running`);
    this.db.prepare('DELETE FROM scenarios WHERE id = ?').run(id);
    this.events.record({ severity: 'info', scenarioId: id, text: `Scenario "${name}" removed` });
    this.emitter.emit('change', { change: 'removed', id } satisfies ScenarioChange);
  }

  onChange(listener: (change: ScenarioChange) => void): () => void {
    this.emitter.on('change', listener);
    return () => this.emitter.off('change', listener);
  }

  /** A record edited or damaged outside the app is reported once and left out, never trusted. */
  private parse(row: ScenarioRow): Scenario | undefined {
    let candidate: unknown;
    try {
      candidate = JSON.parse(row.definition);
    } catch {
      candidate = undefined;
    }
    const parsed = ScenarioSchema.safeParse(candidate);
    if (parsed.success) return parsed.data;
    if (!this.reportedDamage.has(row.id)) {
      this.reportedDamage.add(row.id);
      this.events.record({ severity: 'error', code: 'E1004', scenarioId: row.id, text: `Scenario "${row.name}" (ID ${row.id}) in the catalog is damaged and was skipped; remove it to reuse its name` });
    }
    return undefined;
  }
}
