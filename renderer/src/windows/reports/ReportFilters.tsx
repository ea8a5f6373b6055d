import { useId, type ReactElement, type ReactNode } from 'react';
import { useReports } from '../../store/reports';
import { filterProblem, REPORT_KINDS, REPORT_RESULTS } from './report-query';

const KIND_LABELS = { all: 'Backup and restore', backup: 'Backup', restore: 'Restore' } as const;
const RESULT_LABELS = { all: 'Any result', succeeded: 'Succeeded', failed: 'Failed', canceled: 'Canceled', incomplete: 'Incomplete' } as const;

/** A label beside its control (not around it, so a select's options stay out of its name). */
function Filter({ label, children }: { label: string; children: (id: string) => ReactNode }): ReactElement {
  const id = useId();
  return (
    <span className="inline-field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </span>
  );
}

/** The report's filters: job type, result (e.g. only failed jobs) and the days the runs started on. */
export function ReportFilters(): ReactElement {
  const filter = useReports((state) => state.filter);
  const setFilter = useReports((state) => state.setFilter);
  const problem = filterProblem(filter);
  return (
    <div className="report-filters" role="group" aria-label="Report filters">
      <Filter label="Job type">
        {(id) => (
          <select id={id} value={filter.kind} onChange={(event) => setFilter({ kind: REPORT_KINDS.find((kind) => kind === event.target.value) ?? 'all' })}>
            {REPORT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        )}
      </Filter>
      <Filter label="Result">
        {(id) => (
          <select id={id} value={filter.result} onChange={(event) => setFilter({ result: REPORT_RESULTS.find((result) => result === event.target.value) ?? 'all' })}>
            {REPORT_RESULTS.map((result) => (
              <option key={result} value={result}>
                {RESULT_LABELS[result]}
              </option>
            ))}
          </select>
        )}
      </Filter>
      <Filter label="From">{(id) => <input id={id} type="date" value={filter.from} max={filter.to || undefined} onChange={(event) => setFilter({ from: event.target.value })} />}</Filter>
      <Filter label="To">{(id) => <input id={id} type="date" value={filter.to} min={filter.from || undefined} onChange={(event) => setFilter({ to: event.target.value })} />}</Filter>
      {(filter.from || filter.to) && (
        <button type="button" className="link" onClick={() => setFilter({ from: '', to: '' })}>
          Any day
        </button>
      )}
      {problem && (
        <span className="field-error" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
