import type { ChannelRequest, RunReportRow } from '../../../../electron/api/contract';
import { csvText } from '../../components/csv';
import { formatInstant } from '../replication-manager/backup-jobs';

export const REPORT_KINDS = ['all', 'backup', 'restore'] as const;
export const REPORT_RESULTS = ['all', 'succeeded', 'failed', 'canceled', 'incomplete'] as const;

/** Reports → "Backup and restore activity": what the filters hold (dates as the date inputs give them, YYYY-MM-DD, local days). */
export interface ReportFilter {
  kind: (typeof REPORT_KINDS)[number];
  result: (typeof REPORT_RESULTS)[number];
  from: string;
  to: string;
}

export const ALL_RUNS: ReportFilter = { kind: 'all', result: 'all', from: '', to: '' };

/** How many runs one read brings (the table shows them all, so the report prints whole). */
export const REPORT_PAGE = 500;

/** Local midnight starting a YYYY-MM-DD day, as an instant; undefined for an empty or unreadable date. */
function dayStart(date: string, addDays = 0): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  return Number.isNaN(day.getTime()) ? undefined : day;
}

/** Why the filters cannot be asked (shown beside them), or undefined. */
export function filterProblem(filter: ReportFilter): string | undefined {
  const from = dayStart(filter.from);
  const to = dayStart(filter.to);
  return from && to && from > to ? 'The "From" day is after the "To" day.' : undefined;
}

/** The reports.runs request for the filters: both days included, in this machine's time zone. */
export function reportQuery(filter: ReportFilter, limit = REPORT_PAGE, offset = 0): ChannelRequest<'reports.runs'> {
  const from = dayStart(filter.from);
  const to = dayStart(filter.to, 1);
  return {
    ...(filter.kind === 'all' ? {} : { kind: filter.kind }),
    ...(filter.result === 'all' ? {} : { result: filter.result }),
    ...(from ? { from: from.toISOString() } : {}),
    ...(to ? { to: to.toISOString() } : {}),
    limit,
    offset,
  };
}

export interface ReportTotals {
  runs: number;
  byResult: Record<NonNullable<RunReportRow['result']> | 'running', number>;
  files: number;
  directories: number;
  bytes: number;
  /** Bytes per second over the finished runs' elapsed time; undefined when none took any time. */
  throughput: number | undefined;
}

/** The totals line under the report. */
export function reportTotals(rows: readonly RunReportRow[]): ReportTotals {
  const totals: ReportTotals = { runs: rows.length, byResult: { succeeded: 0, failed: 0, canceled: 0, incomplete: 0, running: 0 }, files: 0, directories: 0, bytes: 0, throughput: undefined };
  let finishedBytes = 0;
  let elapsedMs = 0;
  for (const row of rows) {
    totals.byResult[row.result ?? 'running'] += 1;
    totals.files += row.files;
    totals.directories += row.directories;
    totals.bytes += row.bytes;
    const took = row.finishedAt ? Date.parse(row.finishedAt) - Date.parse(row.startedAt) : Number.NaN;
    if (Number.isFinite(took) && took > 0) {
      finishedBytes += row.bytes;
      elapsedMs += took;
    }
  }
  if (elapsedMs > 0) totals.throughput = finishedBytes / (elapsedMs / 1000);
  return totals;
}

/** "3 runs: 2 succeeded, 1 failed" — results with none left out. */
export function runsSummary(totals: ReportTotals): string {
  const parts = Object.entries(totals.byResult)
    .filter(([, count]) => count > 0)
    .map(([result, count]) => `${count} ${result}`);
  const runs = `${totals.runs} ${totals.runs === 1 ? 'run' : 'runs'}`;
  return parts.length > 0 ? `${runs}: ${parts.join(', ')}` : runs;
}

export const REPORT_CSV_HEADER = ['Run', 'Job', 'Type', 'Scenarios', 'Started', 'Finished', 'Result', 'Files', 'Directories', 'Bytes', 'Throughput (bytes/s)', 'Error code', 'Error message'] as const;

export function kindLabel(kind: RunReportRow['kind']): string {
  return kind === 'backup' ? 'Backup' : 'Restore';
}

/** The report as CSV: plain numbers (bytes, bytes/s) so a spreadsheet can add them up; dates in local time. */
export function reportCsv(rows: readonly RunReportRow[], formatTime: (iso: string) => string = formatInstant): string {
  return csvText(
    REPORT_CSV_HEADER,
    rows.map((row) => [
      String(row.runId),
      row.jobName,
      kindLabel(row.kind),
      row.scenarios,
      formatTime(row.startedAt),
      row.finishedAt ? formatTime(row.finishedAt) : '',
      row.result ?? 'running',
      String(row.files),
      String(row.directories),
      String(row.bytes),
      row.throughput === null ? '' : String(Math.round(row.throughput)),
      row.errorCode ?? '',
      row.errorMessage ?? '',
    ]),
  );
}

/** "backup-restore-activity-2025-06-30.csv" (the local day of the export). */
export function reportFileName(now: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `backup-restore-activity-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}
