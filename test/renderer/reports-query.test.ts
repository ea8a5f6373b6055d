import { describe, expect, it } from 'vitest';
import type { RunReportRow } from '../../electron/api/contract';
import { ALL_RUNS, filterProblem, reportCsv, reportFileName, reportQuery, reportTotals, runsSummary } from '../../renderer/src/windows/reports/report-query';

function run(patch: Partial<RunReportRow> = {}): RunReportRow {
  return {
    runId: 1,
    jobId: 1,
    jobName: 'Back up Payroll now',
    kind: 'backup',
    scenarios: 'Payroll',
    startedAt: '2026-11-26T10:00:00.000Z',
    finishedAt: '2026-11-26T10:00:10.000Z',
    result: 'succeeded',
    files: 10,
    directories: 2,
    bytes: 1000,
    errorCode: null,
    errorMessage: null,
    throughput: 100,
    ...patch,
  };
}

describe('the backup and restore activity report', () => {
  it('asks for everything, a page at a time, without filters', () => {
    expect(reportQuery(ALL_RUNS)).toEqual({ limit: 500, offset: 0 });
    expect(reportQuery(ALL_RUNS, 100, 500)).toEqual({ limit: 100, offset: 500 });
  });

  it('asks for a job type, a result and whole local days, both days included', () => {
    const query = reportQuery({ kind: 'restore', result: 'failed', from: '2026-11-01', to: '2026-11-30' });
    expect(query).toMatchObject({ kind: 'restore', result: 'failed' });
    expect(query.from).toBe(new Date(2026, 10, 1).toISOString());
    expect(query.to).toBe(new Date(2026, 11, 1).toISOString());
    expect(reportQuery({ ...ALL_RUNS, from: 'yesterday', to: '' })).toEqual({ limit: 500, offset: 0 });
  });

  it('says when the range is upside down', () => {
    expect(filterProblem({ ...ALL_RUNS, from: '2026-11-30', to: '2026-11-01' })).toMatch(/after/);
    expect(filterProblem({ ...ALL_RUNS, from: '2026-11-30', to: '2026-11-30' })).toBeUndefined();
    expect(filterProblem({ ...ALL_RUNS, from: '2026-11-30' })).toBeUndefined();
  });

  it('totals the runs by result, with the throughput of the finished ones over the time they took', () => {
    const rows = [
      run(),
      run({ runId: 2, result: 'failed', bytes: 0, files: 0, directories: 0, finishedAt: '2026-11-26T10:00:00.000Z', errorCode: 'AE0465' }),
      run({ runId: 3, startedAt: '2026-11-26T11:00:00.000Z', finishedAt: '2026-11-26T11:00:30.000Z', bytes: 3000 }),
      run({ runId: 4, result: null, finishedAt: null, bytes: 500, throughput: null }),
    ];
    const totals = reportTotals(rows);
    expect(totals).toMatchObject({ runs: 4, files: 30, directories: 6, bytes: 4500 });
    expect(totals.byResult).toEqual({ succeeded: 2, failed: 1, canceled: 0, incomplete: 0, running: 1 });
    expect(totals.throughput).toBe(4000 / 40);
    expect(runsSummary(totals)).toBe('4 runs: 2 succeeded, 1 failed, 1 running');
    expect(reportTotals([])).toMatchObject({ runs: 0, bytes: 0, throughput: undefined });
    expect(runsSummary(reportTotals([]))).toBe('0 runs');
    expect(runsSummary(reportTotals([run()]))).toBe('1 run: 1 succeeded');
  });

  it('exports plain numbers and escaped text as CSV, one line per run', () => {
    const csv = reportCsv(
      [run({ jobName: 'Back up "Payroll", now', throughput: 123.6 }), run({ runId: 2, kind: 'restore', result: null, finishedAt: null, throughput: null, errorMessage: 'line one\nline two' })],
      (iso) => `at ${iso}`,
    );
    expect(csv.split('\r\n')).toEqual([
      'Run,Job,Type,Scenarios,Started,Finished,Result,Files,Directories,Bytes,Throughput (bytes/s),Error code,Error message',
      '1,"Back up ""Payroll"", now",Backup,Payroll,at 2026-11-26T10:00:00.000Z,at 2026-11-26T10:00:10.000Z,succeeded,10,2,1000,124,,',
      '2,Back up Payroll now,Restore,Payroll,at 2026-11-26T10:00:00.000Z,,running,10,2,1000,,,"line one\nline two"',
      '',
    ]);
  });

  it('names the export by the local day', () => {
    expect(reportFileName(new Date(2026, 0, 5, 23, 59))).toBe('backup-restore-activity-2026-01-05.csv');
  });
});
