import os from 'node:os';
import type { Database } from 'better-sqlite3';
import { createBackupCatalog, type BackupCatalog } from './backup/catalog/backup-catalog';
import { systemClock, type Clock } from './clock';
import { EventLog } from './events/event-log';
import { localHostNames } from './scenario/hosts';
import { ScenarioStore } from './scenario/scenario-store';

export interface EngineOptions {
  catalog: Database;
  clock?: Clock;
  hostName?: string;
}

/** The engine hosted by the desktop app, the console host or the headless daemon. */
export interface Engine {
  readonly hostName: string;
  readonly events: EventLog;
  readonly scenarios: ScenarioStore;
  /** The backup catalog: registered scenarios, devices, media, the job queue, sessions, files, the Activity Log. */
  readonly backupCatalog: BackupCatalog;
  close(): void;
}

export function createEngine(options: EngineOptions): Engine {
  const clock = options.clock ?? systemClock;
  const hostName = options.hostName ?? os.hostname();
  const events = new EventLog(options.catalog, clock, hostName);
  const scenarios = new ScenarioStore(options.catalog, events, clock, localHostNames());
  const backupCatalog = createBackupCatalog(options.catalog, clock);
  events.record({ severity: 'info', text: `Engine started on ${hostName}` });
  return {
    hostName,
    events,
    scenarios,
    backupCatalog,
    close() {
      events.record({ severity: 'info', text: `Engine stopped on ${hostName}` });
      options.catalog.close();
    },
  };
}
