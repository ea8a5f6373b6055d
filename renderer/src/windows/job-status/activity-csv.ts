import { csvText } from '../../components/csv';
import { formatInstant, type ActivityEntry } from '../replication-manager/backup-jobs';

export { csvField } from '../../components/csv';

/** The columns the Activity Log shows, as exported. */
export const CSV_HEADER = ['Type', 'Date', 'Job', 'Session', 'Code', 'Message'] as const;

/**
 * The shown entries as CSV: a header line, then one line per entry, CRLF-separated. `jobOf`
 * names the job of an entry's run; `formatTime` writes its date (local time by default).
 */
export function activityCsv(
  entries: readonly ActivityEntry[],
  jobOf: (entry: ActivityEntry) => string,
  formatTime: (iso: string) => string = formatInstant,
): string {
  return csvText(
    CSV_HEADER,
    entries.map((entry) => [entry.type, formatTime(entry.time), jobOf(entry), entry.session === null ? '' : String(entry.session), entry.code ?? '', entry.message]),
  );
}

/** The exported file's name: "activity-log-run-12.csv". */
export function csvFileName(runId: number): string {
  return `activity-log-run-${runId}.csv`;
}
