import type { ScenarioLock } from '../../../../electron/api/contract';
import { formatInstant } from './backup-jobs';

export type HeldLock = Extract<ScenarioLock, { locked: true }>;

/** What the Replication Manager shows about the selected scenario's lock. */
export type LockView =
  | { kind: 'free' }
  /** A backup job controls it: read-only until it ends or the user takes control. */
  | { kind: 'locked'; lock: HeldLock }
  /** Control was taken from that job; it still holds the scenario until it stops (it fails with E3387). */
  | { kind: 'releasing'; lock: HeldLock };

/** The lock as the user sees it, given the job control was taken from (if any). */
export function lockView(lock: ScenarioLock | undefined, takenFromJobId: number | undefined): LockView {
  if (!lock?.locked) return { kind: 'free' };
  return lock.jobId === takenFromJobId ? { kind: 'releasing', lock } : { kind: 'locked', lock };
}

/** The Scenario locked dialog's question. */
export function lockQuestion(scenarioName: string, lock: HeldLock, formatTime: (iso: string) => string = formatInstant): string {
  return `Scenario "${scenarioName}" is locked from another host: backup job ${lock.jobId} "${lock.jobName}" on ${lock.host} controls it since ${formatTime(lock.since)}. Take control?`;
}

/** Why the toolbar's scenario actions are disabled (their tooltip); undefined while nothing holds the scenario. */
export function readOnlyReason(view: LockView): string | undefined {
  if (view.kind === 'free') return undefined;
  const job = `backup job ${view.lock.jobId} "${view.lock.jobName}"`;
  return view.kind === 'locked'
    ? `Read-only: ${job} on ${view.lock.host} controls this scenario. Take control to change it (the job then fails).`
    : `Read-only until ${job} stops: control was taken from it.`;
}

/** The line above the panes while the scenario is locked. */
export function lockBanner(view: LockView, formatTime: (iso: string) => string = formatInstant): string | undefined {
  if (view.kind === 'free') return undefined;
  const job = `backup job ${view.lock.jobId} "${view.lock.jobName}"`;
  return view.kind === 'locked'
    ? `Locked: ${job} on ${view.lock.host} controls this scenario since ${formatTime(view.lock.since)}; it is read-only here.`
    : `Taking control: waiting for ${job} to stop (it fails with E3387).`;
}

/** One opening of a scenario: which one, and the how-manieth selection click it was (clicking it again opens it again). */
export interface Opening {
  scenarioId: string;
  sequence: number;
}

/** Whether this answer about an opening asks the user: only a lock held by a job control was not already taken from, once per opening. */
export function shouldAsk(lock: ScenarioLock, opening: Opening, lastAsked: Opening | undefined, takenFromJobId: number | undefined): boolean {
  if (!lock.locked || lock.jobId === takenFromJobId) return false;
  return lastAsked?.scenarioId !== opening.scenarioId || lastAsked.sequence !== opening.sequence;
}
