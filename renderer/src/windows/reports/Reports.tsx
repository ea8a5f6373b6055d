import { useEffect, type ReactElement } from 'react';
import { downloadText } from '../../components/download';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Icon } from '../../components/Icon';
import { startReportsPolling, useReports } from '../../store/reports';
import { reportCsv, reportFileName } from './report-query';
import { ReportFilters } from './ReportFilters';
import { RunReportTable } from './RunReportTable';
import './reports.css';

/**
 * Reports: the standard "Backup and restore activity" report (every job run with its
 * result, files and bytes), filtered, exported as CSV and printed. Read every 2 s while shown.
 */
export function Reports(): ReactElement {
  const rows = useReports((state) => state.rows);
  const more = useReports((state) => state.more);
  const error = useReports((state) => state.error);
  const refresh = useReports((state) => state.refresh);
  const loadMore = useReports((state) => state.loadMore);
  useEffect(() => startReportsPolling(), []);

  return (
    <div className="window reports">
      <header className="title-bar">
        <h1>Reports</h1>
        <div role="toolbar" aria-label="Report actions" className="toolbar no-print">
          <button type="button" onClick={() => void refresh()} title="Read the report again">
            <Icon name="sync" /> Refresh
          </button>
          <button type="button" disabled={!rows || rows.length === 0} onClick={() => rows && downloadText(reportFileName(new Date()), reportCsv(rows))} title="Save the runs shown as a CSV file (plain numbers, for a spreadsheet)">
            <Icon name="arrow" /> Export CSV
          </button>
          <button type="button" disabled={!rows} onClick={() => window.print()} title="Print the report as shown (Ctrl+P)">
            <Icon name="file" /> Print
          </button>
        </div>
      </header>
      {error && <ErrorBanner error={error} />}
      <main className="panes">
        <section className="pane report" aria-labelledby="report-title">
          <h2 id="report-title" className="pane-header">
            Backup and restore activity
          </h2>
          <ReportFilters />
          <div className="report-scroller">
            {rows ? <RunReportTable rows={rows} /> : <p className="empty">Reading the report…</p>}
            {rows?.length === 0 && <p className="empty">No job run matches these filters.</p>}
            {more && (
              <button type="button" className="link no-print report-more" onClick={() => void loadMore()}>
                Show older runs
              </button>
            )}
          </div>
          <p className="report-note no-print">Replication reports (scenario, difference, replication and synchronization) come in a later version.</p>
        </section>
      </main>
    </div>
  );
}
