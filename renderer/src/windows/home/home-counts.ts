import type { LiveScenario, Scenario } from '../../../../electron/api/contract';
import type { QueueJob } from '../replication-manager/backup-jobs';
import { statusView } from '../replication-manager/scenario-status';

/** How Home groups the Scenario pane's states (Synchronizing is running; every Stopped reason is stopped). */
export const SCENARIO_STATES = ['Running', 'Problem', 'Not Authorized', 'Stopped'] as const;
export type ScenarioStateCount = (typeof SCENARIO_STATES)[number];

/** The Job Queue's statuses, as the Job Status Manager shows them. */
export const JOB_STATES = ['Ready', 'Active', 'Hold', 'Done'] as const;
export type JobStateCount = (typeof JOB_STATES)[number];

export interface HomeCounts {
  scenarios: number;
  byState: Record<ScenarioStateCount, number>;
  /** Undefined until the Job Queue has answered. */
  jobs: Record<JobStateCount, number> | undefined;
  backupJobs: number;
  restoreJobs: number;
}

function stateOf(scenario: Scenario, live: LiveScenario | undefined): ScenarioStateCount {
  const label = statusView(scenario.status, live).label;
  if (label === 'Running' || label === 'Synchronizing') return 'Running';
  if (label === 'Problem' || label === 'Not Authorized') return label;
  return 'Stopped';
}

/** The live counts Home shows: scenarios by state (as the Scenario pane reads them) and jobs by queue status. */
export function homeCounts(scenarios: readonly Scenario[], liveById: Readonly<Record<string, LiveScenario>>, jobs: readonly QueueJob[] | undefined): HomeCounts {
  const byState: Record<ScenarioStateCount, number> = { Running: 0, Problem: 0, 'Not Authorized': 0, Stopped: 0 };
  for (const scenario of scenarios) byState[stateOf(scenario, liveById[scenario.id])] += 1;
  let byStatus: Record<JobStateCount, number> | undefined;
  if (jobs) {
    byStatus = { Ready: 0, Active: 0, Hold: 0, Done: 0 };
    for (const job of jobs) byStatus[job.state.status] += 1;
  }
  return {
    scenarios: scenarios.length,
    byState,
    jobs: byStatus,
    backupJobs: jobs?.filter((job) => job.kind === 'backup').length ?? 0,
    restoreJobs: jobs?.filter((job) => job.kind === 'restore').length ?? 0,
  };
}

export type QuickStep = 'create' | 'run' | 'back-up' | 'restore' | 'watch';

/**
 * The first step of the quick start not done yet, judged from what exists: no scenario →
 * create one; none running → run it; no backup job → back it up; no restore job → restore;
 * then watching the jobs is what is left.
 */
export function nextStep(counts: HomeCounts): QuickStep {
  if (counts.scenarios === 0) return 'create';
  if (counts.byState.Running === 0 && counts.backupJobs === 0) return 'run';
  if (counts.backupJobs === 0) return 'back-up';
  if (counts.restoreJobs === 0) return 'restore';
  return 'watch';
}
