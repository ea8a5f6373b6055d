import type { ArReport, ArStatus, JournalStatus, SnapshotInfo } from '../../../../electron/api/contract';
import { formatBytes, formatCount, formatDateTime, formatDuration } from './format';

/** The rewind journal of a Replica as the Snapshots section lists it. */
export function journalRows(journal: JournalStatus): [string, string][] {
  const share = journal.maxBytes > 0 ? ` (${Math.round((journal.bytes / journal.maxBytes) * 100)}%)` : '';
  return [
    ['Data Rewind', journal.recording ? 'Recording' : 'Off'],
    ['Entries', formatCount(journal.entries)],
    ['Size', `${formatBytes(journal.bytes)} of ${formatBytes(journal.maxBytes)}${share}`],
    ['Oldest rewind point', journal.oldestAt === null ? 'None' : formatDateTime(journal.oldestAt)],
    ['Newest rewind point', journal.newestAt === null ? 'None' : formatDateTime(journal.newestAt)],
  ];
}

/** Said when a snapshot keeps the journal above its limits. */
export function trimWarning(journal: JournalStatus): string | undefined {
  if (journal.trimBlockedBy === null) return undefined;
  return `Journal over its limit: snapshot "${journal.trimBlockedBy}" keeps it from being trimmed`;
}

const PURPOSES: Record<SnapshotInfo['purpose'], string> = {
  user: 'Taken by a user',
  backup: 'Backup',
  rotating: 'Rotating (kept up to the number to keep)',
  'assured-recovery': 'Assured Recovery',
};

export function snapshotPurposeLabel(snapshot: SnapshotInfo): string {
  return snapshot.duringTest ? `${PURPOSES[snapshot.purpose]}, during a test` : PURPOSES[snapshot.purpose];
}

const AR_STATES: Record<ArStatus['state'], string> = {
  idle: 'Idle',
  preparing: 'Preparing (suspending replication)',
  testing: 'Testing',
  'rolling-back': 'Rolling back the test’s changes',
};

/** The current Assured Recovery state, with its step while a test runs. */
export function arStateLabel(status: ArStatus): string {
  const label = AR_STATES[status.state];
  return status.state !== 'idle' && status.step ? `${label}: ${status.step}` : label;
}

/** One line about the last test: its result, how long it took, what started it. */
export function arReportLine(report: ArReport): string {
  const result = report.result === 'passed' ? 'Passed' : report.stopped ? 'Stopped' : 'Failed';
  const trigger = report.trigger === 'user' ? 'started by a user' : report.trigger === 'schedule' ? 'scheduled' : 'before a backup';
  return `${result} in ${formatDuration(report.finishedAt - report.startedAt)}, ${trigger}, ${formatDateTime(report.startedAt)}`;
}

export interface ArStepRow {
  name: string;
  command: string;
  exit: string;
  duration: string;
}

const STEP_NAMES: Record<ArReport['steps'][number]['name'], string> = { start: 'Start', verify: 'Verify', stop: 'Stop' };

/** Each step of the last test with its exit code. */
export function arStepRows(report: ArReport): ArStepRow[] {
  return report.steps.map((step) => ({
    name: STEP_NAMES[step.name],
    command: step.command === '' ? '(none)' : step.command,
    exit: step.aborted ? 'Stopped by the user' : step.timedOut ? 'Timed out' : step.exitCode === null ? 'Not run' : `Exit code ${step.exitCode}`,
    duration: formatDuration(step.durationMs),
  }));
}

/** What the test left behind: changes rolled back and spooled changes applied afterwards. */
export function arAftermath(report: ArReport): string {
  const rolled = report.rolledBack.restored + report.rolledBack.removed;
  const { restored, removed } = report.rolledBack;
  return `${counted(rolled, 'test change')} rolled back (${formatCount(restored)} restored, ${formatCount(removed)} removed); ${counted(report.spooled, 'spooled change')} applied afterwards`;
}

/** "1 file", "2 files", "1,500 files". */
export function counted(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}
