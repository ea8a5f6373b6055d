import { create } from 'zustand';
import type { ErrorInfo, RunReportRow } from '../../../electron/api/contract';
import { api } from '../api/api';
import { ALL_RUNS, filterProblem, REPORT_PAGE, reportQuery, type ReportFilter } from '../windows/reports/report-query';

/** While the Reports window is shown, the report is read again this often (new and finishing runs appear). */
export const REPORTS_POLL_MS = 2000;

interface ReportsState {
  filter: ReportFilter;
  /** The runs read so far, newest first; undefined until the first answer. */
  rows: RunReportRow[] | undefined;
  /** The last read filled its page: older runs may follow. */
  more: boolean;
  loading: boolean;
  error: ErrorInfo | undefined;
  setFilter(change: Partial<ReportFilter>): void;
  /** Reads again from the newest run, as many as are shown (at least a page). */
  refresh(): Promise<void>;
  /** Reads the next page of older runs. */
  loadMore(): Promise<void>;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
/** The latest read: an older answer arriving late (the filters changed meanwhile) is dropped. */
let latest = 0;

export const useReports = create<ReportsState>((set, get) => ({
  filter: ALL_RUNS,
  rows: undefined,
  more: false,
  loading: false,
  error: undefined,
  setFilter(change) {
    set({ filter: { ...get().filter, ...change }, rows: undefined, more: false });
    void get().refresh();
  },
  async refresh() {
    const { filter, rows } = get();
    if (filterProblem(filter)) return set({ rows: [], more: false });
    const limit = Math.min(10_000, Math.max(REPORT_PAGE, rows?.length ?? 0));
    const request = ++latest;
    set({ loading: true });
    const result = await api.invoke('reports.runs', reportQuery(filter, limit, 0));
    if (request !== latest) return;
    if (!result.ok) return set({ loading: false, error: result.error });
    set({ loading: false, error: undefined, more: result.value.length === limit });
    if (!same(get().rows, result.value)) set({ rows: result.value });
  },
  async loadMore() {
    const { filter, rows } = get();
    if (!rows) return;
    const request = ++latest;
    set({ loading: true });
    const result = await api.invoke('reports.runs', reportQuery(filter, REPORT_PAGE, rows.length));
    if (request !== latest) return;
    if (!result.ok) return set({ loading: false, error: result.error });
    set({ loading: false, error: undefined, rows: [...rows, ...result.value], more: result.value.length === REPORT_PAGE });
  },
}));

/** Reads the report now and every 2 s while the page is visible (skipping while a read is under way); returns the stop. */
export function startReportsPolling(): () => void {
  const poll = (): void => {
    if (document.visibilityState === 'visible' && !useReports.getState().loading) void useReports.getState().refresh();
  };
  document.addEventListener('visibilitychange', poll);
  void useReports.getState().refresh();
  const timer = setInterval(poll, REPORTS_POLL_MS);
  return () => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', poll);
  };
}
