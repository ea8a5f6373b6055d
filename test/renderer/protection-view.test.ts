import { describe, expect, it } from 'vitest';
import type { ArReport, ArStatus, JournalStatus, RewindSummary, SnapshotInfo } from '../../electron/api/contract';
import { arAftermath, arReportLine, arStateLabel, arStepRows, counted, journalRows, snapshotPurposeLabel, trimWarning } from '../../renderer/src/windows/replication-manager/protection-view';
import { rewindSummaryRows, undoneListNote } from '../../renderer/src/windows/replication-manager/rewind-summary';

const at = (hours: number, minutes: number, seconds = 0): number => new Date(2026, 10, 26, hours, minutes, seconds).getTime();
const MB = 1024 * 1024;

function journal(patch: Partial<JournalStatus> = {}): JournalStatus {
  return { recording: true, entries: 1234, bytes: 512 * MB, maxBytes: 4096 * MB, oldestAt: at(8, 0), newestAt: at(10, 30, 15), trimBlockedBy: null, ...patch };
}

describe('the rewind journal in the Snapshots tab', () => {
  it('lists recording, entries, size against the limit and the oldest and newest points', () => {
    expect(journalRows(journal())).toEqual([
      ['Data Rewind', 'Recording'],
      ['Entries', '1,234'],
      ['Size', '512 MB of 4.0 GB (13%)'],
      ['Oldest rewind point', '2026-11-26 08:00:00'],
      ['Newest rewind point', '2026-11-26 10:30:15'],
    ]);
  });

  it('says when the journal is empty or off', () => {
    expect(journalRows(journal({ recording: false, entries: 0, bytes: 0, oldestAt: null, newestAt: null }))).toEqual([
      ['Data Rewind', 'Off'],
      ['Entries', '0'],
      ['Size', '0 B of 4.0 GB (0%)'],
      ['Oldest rewind point', 'None'],
      ['Newest rewind point', 'None'],
    ]);
  });

  it.each<[string | null, string | undefined]>([
    [null, undefined],
    ['Nightly backup', 'Journal over its limit: snapshot "Nightly backup" keeps it from being trimmed'],
  ])('trim blocked by %s warns %s', (name, warning) => {
    expect(trimWarning(journal({ trimBlockedBy: name }))).toBe(warning);
  });
});

describe('snapshots', () => {
  const snapshot = (patch: Partial<SnapshotInfo>): SnapshotInfo => ({ id: 's1', name: 'n', at: 0, purpose: 'user', changesSince: 0, duringTest: false, ...patch });
  it.each<[Partial<SnapshotInfo>, string]>([
    [{ purpose: 'user' }, 'Taken by a user'],
    [{ purpose: 'backup' }, 'Backup'],
    [{ purpose: 'rotating' }, 'Rotating (kept up to the number to keep)'],
    [{ purpose: 'assured-recovery' }, 'Assured Recovery'],
    [{ purpose: 'backup', duringTest: true }, 'Backup, during a test'],
  ])('%j reads "%s"', (patch, label) => {
    expect(snapshotPurposeLabel(snapshot(patch))).toBe(label);
  });
});

const report: ArReport = {
  startedAt: at(2, 30),
  finishedAt: at(2, 31, 12),
  result: 'failed',
  trigger: 'schedule',
  stopped: false,
  snapshotId: null,
  steps: [
    { name: 'start', command: 'net start MSSQLSERVER', exitCode: 0, timedOut: false, aborted: false, durationMs: 4200, output: '' },
    { name: 'verify', command: 'sqlcmd -Q "DBCC CHECKDB"', exitCode: 1, timedOut: false, aborted: false, durationMs: 61_000, output: 'error' },
    { name: 'stop', command: '', exitCode: null, timedOut: false, aborted: false, durationMs: 0, output: '' },
  ],
  rolledBack: { restored: 3, removed: 2 },
  spooled: 1500,
};

describe('Assured Recovery in the Host pane', () => {
  it.each<[ArStatus, string]>([
    [{ state: 'idle', since: null, step: null, lastReport: null }, 'Idle'],
    [{ state: 'idle', since: null, step: 'stale', lastReport: null }, 'Idle'],
    [{ state: 'preparing', since: at(2, 30), step: null, lastReport: null }, 'Preparing (suspending replication)'],
    [{ state: 'testing', since: at(2, 30), step: 'verify', lastReport: null }, 'Testing: verify'],
    [{ state: 'rolling-back', since: at(2, 31), step: null, lastReport: null }, 'Rolling back the test’s changes'],
  ])('%j reads "%s"', (status, label) => {
    expect(arStateLabel(status)).toBe(label);
  });

  it('sums up the last test and each step with its exit code', () => {
    expect(arReportLine(report)).toBe('Failed in 1 min 12 s, scheduled, 2026-11-26 02:30:00');
    expect(arReportLine({ ...report, result: 'passed', trigger: 'user' })).toBe('Passed in 1 min 12 s, started by a user, 2026-11-26 02:30:00');
    expect(arStepRows(report)).toEqual([
      { name: 'Start', command: 'net start MSSQLSERVER', exit: 'Exit code 0', duration: '4.2 s' },
      { name: 'Verify', command: 'sqlcmd -Q "DBCC CHECKDB"', exit: 'Exit code 1', duration: '1 min 1 s' },
      { name: 'Stop', command: '(none)', exit: 'Not run', duration: '0 ms' },
    ]);
    expect(arStepRows({ ...report, steps: [{ name: 'start', command: 'x', exitCode: null, timedOut: true, aborted: false, durationMs: 600_000, output: '' }] })).toEqual([
      { name: 'Start', command: 'x', exit: 'Timed out', duration: '10 min 0 s' },
    ]);
    expect(arStepRows({ ...report, steps: [{ name: 'verify', command: 'y', exitCode: null, timedOut: false, aborted: true, durationMs: 2000, output: '' }] })).toEqual([
      { name: 'Verify', command: 'y', exit: 'Stopped by the user', duration: '2.0 s' },
    ]);
    expect(arReportLine({ ...report, stopped: true })).toBe('Stopped in 1 min 12 s, scheduled, 2026-11-26 02:30:00');
    expect(arAftermath(report)).toBe('5 test changes rolled back (3 restored, 2 removed); 1,500 spooled changes applied afterwards');
    expect(arAftermath({ ...report, rolledBack: { restored: 0, removed: 1 }, spooled: 1 })).toBe('1 test change rolled back (0 restored, 1 removed); 1 spooled change applied afterwards');
  });
});

describe('the rewind summary', () => {
  const summary: RewindSummary = {
    toJseq: 40,
    undone: 12_345,
    created: 2,
    restored: 10,
    patched: 3,
    renamed: 1,
    attributes: 0,
    durationMs: 2500,
    operations: [],
    reportFile: '/var/lib/understudy/rewind/2026-11-26.txt',
  };
  it('lists every figure', () => {
    expect(rewindSummaryRows(summary)).toEqual([
      ['Operations undone', '12,345'],
      ['Created files and folders removed', '2'],
      ['Deleted or overwritten files restored', '10'],
      ['Updated files patched back', '3'],
      ['Renames reversed', '1'],
      ['Attributes restored', '0'],
      ['Duration', '2.5 s'],
      ['Report on the Replica host', '/var/lib/understudy/rewind/2026-11-26.txt'],
    ]);
  });

  it.each<[number, number, string | undefined]>([
    [5, 5, undefined],
    [12_345, 200, 'The 200 most recent of 12,345 undone operations are shown; the report lists them all.'],
  ])('%d undone, %d shown: %s', (undone, shown, note) => {
    expect(undoneListNote({ ...summary, undone }, shown)).toBe(note);
  });
});

describe('counted', () => {
  it.each([
    [0, 'bookmark', '0 bookmarks'],
    [1, 'bookmark', '1 bookmark'],
    [20_000, 'operation', '20,000 operations'],
  ])('%d %s reads "%s"', (count, noun, text) => {
    expect(counted(count, noun)).toBe(text);
  });
});
