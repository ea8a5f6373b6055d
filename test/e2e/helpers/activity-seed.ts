import { createBackupCatalog, type BackupCatalog } from '../../../engine/backup/catalog/backup-catalog';
import type { ActivityType } from '../../../engine/backup/catalog/activity-log';
import { openCatalog } from '../../../engine/catalog/open-catalog';
import { systemClock } from '../../../engine/clock';
import { diskDestination, fileServerRegistration } from '../../engine/backup/catalog/catalog-fixture';

export interface SeededActivity {
  /** The newest run: `entries` entries of its own. */
  big: { jobName: string; runId: number };
  /** A multistreaming run with one child run per scenario. */
  multi: { jobName: string; runId: number; children: Array<{ runId: number; scenarioName: string; entries: number }> };
  /** How many top-level runs the Activity Log holds. */
  runs: number;
}

const TYPES: readonly ActivityType[] = ['Information', 'Information', 'Information', 'Warning', 'Error'];

/** Ends a top-level run and its job (a one-time job is Done afterwards). */
function finish(catalog: BackupCatalog, runId: number): void {
  catalog.jobs.finish(runId, { result: 'succeeded', files: 0, directories: 0, bytes: 0 });
}

/** A one-time job claimed as the scheduler would: Active with a new run. */
function claim(catalog: BackupCatalog, jobId: number): number {
  catalog.jobs.runNow(jobId);
  const claimed = catalog.jobs.claimNextDue();
  if (claimed?.job.id !== jobId) throw new Error(`job ${jobId} should have been claimed`);
  return claimed.run.id;
}

/**
 * Writes an Activity Log into the catalog of `dataDir` through the engine's own catalog
 * classes, while no console host has it open: `smallRuns` short runs (older), a
 * multistreaming run of two scenarios, then the newest run with `entries` entries of
 * Directory lines (every fifth an Error, every fifth a Warning). The catalog is closed after.
 */
export function seedActivity(dataDir: string, options: { entries: number; smallRuns: number }): SeededActivity {
  const db = openCatalog(dataDir);
  try {
    const catalog = createBackupCatalog(db, systemClock);
    const finance = fileServerRegistration({ id: 'seed-finance', name: 'Finance' });
    const mail = fileServerRegistration({ id: 'seed-mail', name: 'Mail' });
    catalog.scenarios.register(finance);
    catalog.scenarios.register(mail);
    const { groupId } = diskDestination(catalog, 'Seeded disks');
    const create = (name: string, scenarioIds: string[]): number =>
      catalog.jobs.create({ name, scenarioIds, deviceGroupId: groupId, schedule: { kind: 'once', at: new Date().toISOString() }, owner: 'seed', hold: true }).id;

    const smallJob = create('Hourly Finance', [finance.id]);
    db.transaction(() => {
      for (let index = 0; index < options.smallRuns; index++) {
        const runId = claim(catalog, smallJob);
        catalog.activity.append({ type: 'Information', runId, scenarioName: finance.name, message: `Small run ${index + 1}` });
        finish(catalog, runId);
      }
    })();

    const multiName = 'Finance and Mail';
    const multiJob = create(multiName, [finance.id, mail.id]);
    const multiRun = claim(catalog, multiJob);
    const children = [finance, mail].map((scenario, index) => {
      const child = catalog.jobs.runs.startChild(multiRun, scenario.id);
      const entries = 3 + index;
      for (let line = 0; line < entries; line++) catalog.activity.append({ type: 'Information', runId: child.id, scenarioName: scenario.name, message: `${scenario.name} child line ${line + 1}` });
      catalog.jobs.runs.finish(child.id, { result: 'succeeded', files: entries, directories: 0, bytes: 0 });
      return { runId: child.id, scenarioName: scenario.name, entries };
    });
    finish(catalog, multiRun);

    const bigName = 'Big Finance backup';
    const bigJob = create(bigName, [finance.id]);
    const bigRun = claim(catalog, bigJob);
    db.transaction(() => {
      for (let index = 0; index < options.entries; index++) {
        const type = TYPES[index % TYPES.length] ?? 'Information';
        catalog.activity.append({
          type,
          runId: bigRun,
          scenarioName: finance.name,
          message: `Directory /srv/share/folder-${index} backed up: ${index % 97} files`,
          code: type === 'Error' ? 'AE0458' : null,
        });
      }
    })();
    finish(catalog, bigRun);
    return { big: { jobName: bigName, runId: bigRun }, multi: { jobName: multiName, runId: multiRun, children }, runs: options.smallRuns + 2 };
  } finally {
    db.close();
  }
}
