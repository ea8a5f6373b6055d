import type { ReactElement } from 'react';
import type { RunReportRow } from '../../../../electron/api/contract';
import { formatInstant } from '../replication-manager/backup-jobs';
import { formatBytes, formatCount } from '../replication-manager/format';
import { kindLabel, reportTotals, runsSummary } from './report-query';

function throughputText(bytesPerSecond: number | null | undefined): string {
  return bytesPerSecond === null || bytesPerSecond === undefined ? '—' : `${formatBytes(bytesPerSecond)}/s`;
}

function errorText(row: RunReportRow): string {
  if (!row.errorCode && !row.errorMessage) return '';
  return [row.errorCode, row.errorMessage].filter(Boolean).join(': ');
}

/**
 * Every run read, one row each, with the totals as the footer. A plain table, not a
 * virtualised one: the report is read a page (500 runs) at a time and must print whole.
 */
export function RunReportTable({ rows }: { rows: readonly RunReportRow[] }): ReactElement {
  const totals = reportTotals(rows);
  return (
    <table className="grid report-table" aria-label="Backup and restore activity">
      <thead>
        <tr>
          <th scope="col">Run</th>
          <th scope="col">Job</th>
          <th scope="col">Type</th>
          <th scope="col">Scenarios</th>
          <th scope="col">Started</th>
          <th scope="col">Finished</th>
          <th scope="col">Result</th>
          <th scope="col" className="number">Files</th>
          <th scope="col" className="number">Directories</th>
          <th scope="col" className="number">Data</th>
          <th scope="col" className="number">Throughput</th>
          <th scope="col">Error</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.runId}>
            <td className="number">{row.runId}</td>
            <td>{row.jobName}</td>
            <td>{kindLabel(row.kind)}</td>
            <td>{row.scenarios}</td>
            <td>{formatInstant(row.startedAt)}</td>
            <td>{formatInstant(row.finishedAt)}</td>
            <td className={`run-result result-${row.result ?? 'running'}`}>{row.result ?? 'running'}</td>
            <td className="number">{formatCount(row.files)}</td>
            <td className="number">{formatCount(row.directories)}</td>
            <td className="number" title={`${formatCount(row.bytes)} bytes`}>
              {formatBytes(row.bytes)}
            </td>
            <td className="number">{throughputText(row.throughput)}</td>
            <td className="report-error" title={errorText(row)}>
              {errorText(row)}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={7}>
            Total: {runsSummary(totals)}
          </th>
          <td className="number">{formatCount(totals.files)}</td>
          <td className="number">{formatCount(totals.directories)}</td>
          <td className="number" title={`${formatCount(totals.bytes)} bytes`}>
            {formatBytes(totals.bytes)}
          </td>
          <td className="number" title="The bytes of the finished runs over the time they took">
            {throughputText(totals.throughput)}
          </td>
          <td />
        </tr>
      </tfoot>
    </table>
  );
}
