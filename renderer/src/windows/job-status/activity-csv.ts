import { formatInstant, type ActivityEntry } from '../replication-manager/backup-jobs';

/** The columns the Activity Log shows, as exported. */
export const CSV_HEADER = ['Type', 'Date', 'Job', 'Session', 'Code', 'Message'] as const;

/** One CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The shown entries as CSV: a header line, then one line per entry, CRLF-separated. `jobOf`
 * names the job of an entry's run; `formatTime` writes its date (local time by default).
 */
export function activityCsv(
  entries: readonly ActivityEntry[],
  jobOf: (entry: ActivityEntry) => string,
  formatTime: (iso: string) => string = formatInstant,
): string {
  const lines = [CSV_HEADER.join(',')];
  for (const entry of entries) {
    const fields = [entry.type, formatTime(entry.time), jobOf(entry), entry.session === null ? '' : String(entry.session), entry.code ?? '', entry.message];
    lines.push(fields.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The exported file's name: "activity-log-run-12.csv". */
export function csvFileName(runId: number): string {
  return `activity-log-run-${runId}.csv`;
}
