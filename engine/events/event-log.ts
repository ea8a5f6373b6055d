import { EventEmitter } from 'node:events';
import type { Database, Statement } from 'better-sqlite3';
import type { Clock } from '../clock';
import { EngineEventSchema, type EngineEvent, type Severity } from './model';

export interface NewEvent {
  severity: Severity;
  text: string;
  scenarioId?: string;
  code?: string;
  host?: string;
}

export interface EventQuery {
  limit: number;
  /** Only events older than this id (paging backwards from the newest). */
  beforeId?: number | undefined;
  scenarioId?: string | undefined;
}

interface EventRow {
  id: number;
  time: string;
  host: string;
  severity: string;
  scenario_id: string | null;
  code: string | null;
  text: string;
}

/** Durable record of significant engine events, streamed to listeners as they happen. */
export class EventLog {
  private readonly emitter = new EventEmitter();
  private readonly insert: Statement;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly hostName: string,
  ) {
    this.insert = db.prepare(
      'INSERT INTO events (time, host, severity, scenario_id, code, text) VALUES (@time, @host, @severity, @scenarioId, @code, @text)',
    );
  }

  record(event: NewEvent): EngineEvent {
    const row = {
      time: this.clock.now().toISOString(),
      host: event.host ?? this.hostName,
      severity: event.severity,
      scenarioId: event.scenarioId ?? null,
      code: event.code ?? null,
      text: event.text,
    };
    const id = Number(this.insert.run(row).lastInsertRowid);
    const recorded: EngineEvent = { id, ...row };
    this.emitter.emit('event', recorded);
    return recorded;
  }

  /** Newest first. */
  list(query: EventQuery): EngineEvent[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM events
         WHERE (@beforeId IS NULL OR id < @beforeId) AND (@scenarioId IS NULL OR scenario_id = @scenarioId)
         ORDER BY id DESC LIMIT @limit`,
      )
      .all({ beforeId: query.beforeId ?? null, scenarioId: query.scenarioId ?? null, limit: query.limit }) as EventRow[];
    return rows.map((row) =>
      EngineEventSchema.parse({
        id: row.id,
        time: row.time,
        host: row.host,
        severity: row.severity,
        scenarioId: row.scenario_id,
        code: row.code,
        text: row.text,
      }),
    );
  }

  onEvent(listener: (event: EngineEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
