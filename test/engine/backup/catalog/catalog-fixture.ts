import type { Database } from 'better-sqlite3';
import { openCatalog } from '../../../../engine/catalog/open-catalog';
import type { Clock } from '../../../../engine/clock';
import { createBackupCatalog, type BackupCatalog } from '../../../../engine/backup/catalog/backup-catalog';
import type { ScenarioRegistration } from '../../../../engine/backup/catalog/registration';
import type { Session } from '../../../../engine/backup/catalog/sessions';
import { tempDir } from '../../../helpers/temp-dir';

/** A clock that says what the test tells it to. */
export class TestClock implements Clock {
  private time: number;
  constructor(start: Date | string) {
    this.time = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.time);
  }
  set(instant: Date | string): void {
    this.time = new Date(instant).getTime();
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

export interface TestCatalog {
  dir: string;
  db: Database;
  clock: TestClock;
  catalog: BackupCatalog;
}

const opened: Database[] = [];

/** A real catalog file in a fresh temporary folder, with every migration applied. */
export function openTestCatalog(start: Date | string = '2026-11-26T09:00:00.000Z', dir = tempDir()): TestCatalog {
  const db = openCatalog(dir);
  opened.push(db);
  const clock = new TestClock(start);
  return { dir, db, clock, catalog: createBackupCatalog(db, clock) };
}

export function closeTestCatalogs(): void {
  for (const db of opened.splice(0)) if (db.open) db.close();
}

export function fileServerRegistration(overrides: Partial<ScenarioRegistration> = {}): ScenarioRegistration {
  return {
    id: 'scenario-fs',
    name: 'Finance shares',
    type: 'FileServer',
    master: { host: 'fs01', port: 25000, roots: ['C:\\Finance', 'D:\\Shares'] },
    replicas: [{ id: 'replica-1', host: 'dr01', port: 25000, target: 'E:\\Replicas\\fs01' }],
    entities: [
      { name: 'Volume C:', masterPaths: ['C:\\Finance'] },
      { name: 'Volume D:', masterPaths: ['D:\\Shares'] },
    ],
    mode: 'suspend',
    ...overrides,
  };
}

/** A device group with one disk device: what a backup job needs as its destination. */
export function diskDestination(catalog: BackupCatalog, name = 'Disk group'): { groupId: number; deviceId: number } {
  const group = catalog.devices.createGroup(name);
  const device = catalog.devices.addDiskDevice({ groupId: group.id, name: `${name} disk`, path: tempDir('understudy-device-') });
  return { groupId: group.id, deviceId: device.id };
}

/** Registers a FileServer scenario, a destination and a run-now job, and claims it: a job run ready for sessions. */
export function runningBackup(test: TestCatalog, registration = fileServerRegistration()): { runId: number; jobId: number; mediaId: string; devicePath: string } {
  const { catalog } = test;
  catalog.scenarios.register(registration);
  const { groupId, deviceId } = diskDestination(catalog, `Group for ${registration.id}`);
  const job = catalog.jobs.create({
    name: `Back up ${registration.name}`,
    scenarioIds: [registration.id],
    deviceGroupId: groupId,
    schedule: { kind: 'once', at: test.clock.now().toISOString() },
    owner: 'admin',
  });
  const claimed = catalog.jobs.claimNextDue();
  if (!claimed || claimed.job.id !== job.id) throw new Error('the job should have been claimed');
  const media = catalog.media.create({ deviceId, runId: claimed.run.id });
  return { runId: claimed.run.id, jobId: job.id, mediaId: media.id, devicePath: catalog.devices.requireDevice(deviceId).path };
}

export function beginSession(
  test: TestCatalog,
  backup: { runId: number; mediaId: string; devicePath: string },
  entity = 'Volume C:',
  registration = fileServerRegistration(),
): Session {
  return test.catalog.sessions.begin({
    runId: backup.runId,
    scenarioId: registration.id,
    masterHost: registration.master.host,
    entity,
    mediaId: backup.mediaId,
    devicePath: backup.devicePath,
    archiveFile: (number) => `S${String(number).padStart(8, '0')}.tar.gz`,
    compression: 'gzip',
    encryption: null,
  });
}

export const SHA_A = 'a'.repeat(64);
export const SHA_B = 'b'.repeat(64);
