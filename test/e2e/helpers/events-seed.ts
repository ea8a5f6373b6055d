import type { Severity } from '../../../engine/events/model';
import { EventLog } from '../../../engine/events/event-log';
import { openCatalog } from '../../../engine/catalog/open-catalog';

const SEVERITIES: readonly Severity[] = ['info', 'info', 'info', 'warning', 'error'];

/** The text of seeded event `index` (0 is the oldest): the folder number makes a filter's matches countable. */
export function seededEventText(index: number): string {
  return `Directory /srv/share/folder-${index} synchronized: ${index % 97} files`;
}

/**
 * Writes `count` events into the catalog of `dataDir` through the engine's EventLog, in one
 * transaction, while no console host has it open: one a second up to now, every fifth an
 * error (with a code), every fifth a warning, the texts of `seededEventText`. The catalog is
 * closed after.
 */
export function seedEvents(dataDir: string, count: number): void {
  const db = openCatalog(dataDir);
  try {
    const start = Date.now() - count * 1000;
    let index = 0;
    const log = new EventLog(db, { now: () => new Date(start + index * 1000) }, 'seed-host');
    db.transaction(() => {
      for (; index < count; index++) {
        const severity = SEVERITIES[index % SEVERITIES.length] ?? 'info';
        log.record({ severity, text: seededEventText(index), ...(severity === 'error' ? { code: 'ER0012' } : {}) });
      }
    })();
  } finally {
    db.close();
  }
}
