import { describe, expect, it } from 'vitest';
import { catalogue } from '../../engine/messages/catalogue';
import { activityCsv, csvField, csvFileName } from '../../renderer/src/windows/job-status/activity-csv';
import { filterEntries, SHOW_ALL, typeFilterLabel, type ActivityFilter } from '../../renderer/src/windows/job-status/activity-filter';
import { groupCounts, groupResult, groupTime } from '../../renderer/src/windows/job-status/activity-groups';
import { hasDetails, messageDetails } from '../../renderer/src/windows/job-status/message-details';
import { formatInstant, type ActivityEntry } from '../../renderer/src/windows/replication-manager/backup-jobs';

const AT = '2026-11-26T10:00:00.000Z';

function entry(patch: Partial<ActivityEntry> = {}): ActivityEntry {
  return { id: 1, time: AT, type: 'Information', runId: 4, session: null, message: 'Job type: Backup', code: null, scenarioName: null, details: null, ...patch };
}

const LOG = [
  entry({ id: 1, message: 'Start time: 10:00' }),
  entry({ id: 2, type: 'Warning', message: 'Some snapshots could not be released', code: 'AE0461' }),
  entry({ id: 3, type: 'Error', message: 'Scenario Payroll is not replicating', code: 'AE0465', session: 2 }),
  entry({ id: 4, message: 'Job type: Backup' }),
];
const only = (patch: Partial<ActivityFilter>): ActivityFilter => ({ ...SHOW_ALL, ...patch });

describe('the Activity Log filter', () => {
  it('shows every entry, in order, when every type is checked and nothing is searched', () => {
    expect(filterEntries(LOG, SHOW_ALL).map((shown) => shown.id)).toEqual([1, 2, 3, 4]);
  });

  it.each<[string, ActivityFilter, number[]]>([
    ['Errors only', only({ types: { Error: true, Warning: false, Information: false } }), [3]],
    ['Warnings only', only({ types: { Error: false, Warning: true, Information: false } }), [2]],
    ['Errors and Warnings', only({ types: { Error: true, Warning: true, Information: false } }), [2, 3]],
    ['nothing checked', only({ types: { Error: false, Warning: false, Information: false } }), []],
    ['a search in another case', only({ search: 'JOB TYPE' }), [4]],
    ['a search with spaces around it', only({ search: '  payroll ' }), [3]],
    ['a search for a message code', only({ search: 'ae0461' }), [2]],
    ['a search and a type together', only({ search: 'job', types: { Error: true, Warning: false, Information: false } }), []],
  ])('keeps the entries of %s', (_name, filter, ids) => {
    expect(filterEntries(LOG, filter).map((shown) => shown.id)).toEqual(ids);
  });

  it('labels its check boxes Errors, Warnings and Information', () => {
    expect(['Error', 'Warning', 'Information'].map((type) => typeFilterLabel(type as ActivityEntry['type']))).toEqual(['Errors', 'Warnings', 'Information']);
  });

  it('filters 100,000 entries in under 100 ms', () => {
    const types: ActivityEntry['type'][] = ['Information', 'Information', 'Information', 'Warning', 'Error'];
    const many = Array.from({ length: 100_000 }, (_, index) =>
      entry({ id: index, type: types[index % types.length], message: `Directory /srv/share/folder-${index} backed up: ${index % 97} files`, code: index % 5 === 4 ? 'AE0458' : null }),
    );
    const filter = only({ search: 'FOLDER-99', types: { Error: true, Warning: true, Information: true } });
    filterEntries(many, filter);
    const started = performance.now();
    const shown = filterEntries(many, filter);
    const byType = filterEntries(many, only({ types: { Error: true, Warning: false, Information: false } }));
    const elapsed = performance.now() - started;
    expect(shown.length).toBe(1111);
    expect(byType.length).toBe(20_000);
    expect(elapsed).toBeLessThan(100);
  });
});

describe('the Activity Log as CSV', () => {
  it('quotes fields holding commas, quotes or line breaks, doubling the quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField('')).toBe('');
  });

  it('writes a header and one CRLF line per shown entry: Type, Date, Job, Session, Code, Message', () => {
    const csv = activityCsv([LOG[0], LOG[2]].filter((shown) => shown !== undefined), () => 'Back up "Payroll", now', (iso) => `at ${iso}`);
    expect(csv).toBe(
      [
        'Type,Date,Job,Session,Code,Message',
        `Information,at ${AT},"Back up ""Payroll"", now",,,Start time: 10:00`,
        `Error,at ${AT},"Back up ""Payroll"", now",2,AE0465,Scenario Payroll is not replicating`,
        '',
      ].join('\r\n'),
    );
  });

  it('writes dates as the table shows them by default, and names the file by run', () => {
    expect(activityCsv([entry()], () => 'Job').split('\r\n')[1]).toBe(`Information,${formatInstant(AT)},Job,,,Job type: Backup`);
    expect(csvFileName(12)).toBe('activity-log-run-12.csv');
  });
});

describe('the Message details of an entry', () => {
  it('open for Errors and Warnings only', () => {
    expect(hasDetails(entry({ type: 'Error' }))).toBe(true);
    expect(hasDetails(entry({ type: 'Warning' }))).toBe(true);
    expect(hasDetails(entry({ type: 'Information' }))).toBe(false);
  });

  it("show the code's module, reason and action with the entry's message", () => {
    const details = { code: 'AE0465', module: catalogue.AE0465.module, message: 'Scenario Payroll is not replicating', reason: catalogue.AE0465.reason, action: catalogue.AE0465.action };
    expect(messageDetails(entry({ type: 'Error', code: 'AE0465', message: 'Scenario Payroll is not replicating', details }))).toEqual({
      code: 'AE0465',
      module: 'Agent',
      message: 'Scenario Payroll is not replicating',
      reason: catalogue.AE0465.reason,
      action: catalogue.AE0465.action,
    });
  });

  it('say so when the code is not one the window knows', () => {
    const details = messageDetails(entry({ type: 'Error', code: 'E1099', message: 'boom' }));
    expect(details).toMatchObject({ code: 'E1099', module: 'Backup server', message: 'boom' });
    expect(details.reason).toMatch(/engine log/);
    expect(messageDetails(entry({ type: 'Warning', code: null })).code).toBe('—');
  });
});

describe('an Activity Log group header', () => {
  const group = { startedAt: AT, finishedAt: null, result: null, errors: 1, warnings: 2, information: 1 } as const;
  it('reads "running" with its start time until the run finishes', () => {
    expect(groupResult(group)).toBe('running');
    expect(groupTime(group)).toBe(formatInstant(AT));
    expect(groupResult({ result: 'incomplete' })).toBe('incomplete');
    expect(groupTime({ startedAt: AT, finishedAt: '2026-11-26T10:05:00.000Z' })).toBe(formatInstant('2026-11-26T10:05:00.000Z'));
  });

  it('counts its entries by type', () => {
    expect(groupCounts(group)).toBe('1 error, 2 warnings, 1 information');
  });
});
