import type { ChannelResponse } from '../../../../electron/api/contract';
import { formatInstant } from '../replication-manager/backup-jobs';

/**
 * One job run as the Activity Log's group header. A top-level run carries its child runs
 * (multistreaming: one per scenario or folder source); its entries include theirs. A child
 * run has none.
 */
export type ActivityGroup = Omit<ChannelResponse<'backup.activity'>[number], 'children'> & { children?: readonly ActivityGroup[] };

type Counts = Pick<ActivityGroup, 'errors' | 'warnings' | 'information'>;

/** The group header's result: the run's result, "running" until it has one. */
export function groupResult(group: Pick<ActivityGroup, 'result'>): string {
  return group.result ?? 'running';
}

/** A run's child runs (none for a child or a run of one scenario without multistreaming). */
export function childrenOf(group: Pick<ActivityGroup, 'children'>): readonly ActivityGroup[] {
  return group.children ?? [];
}

/** What the group's entries hold: its own counts plus its child runs' (the entries shown include theirs). */
export function groupTotals(group: Counts & Pick<ActivityGroup, 'children'>): Counts {
  const totals = { errors: group.errors, warnings: group.warnings, information: group.information };
  for (const child of childrenOf(group)) {
    totals.errors += child.errors;
    totals.warnings += child.warnings;
    totals.information += child.information;
  }
  return totals;
}

/** How many entries the group's run has, its child runs' included. */
export function entryTotal(group: Counts & Pick<ActivityGroup, 'children'>): number {
  const totals = groupTotals(group);
  return totals.errors + totals.warnings + totals.information;
}

/** The group header's counts: "2 errors, 1 warning, 14 information". */
export function groupCounts(group: Counts): string {
  const plural = (count: number, word: string): string => `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;
  return `${plural(group.errors, 'error')}, ${plural(group.warnings, 'warning')}, ${group.information.toLocaleString('en-US')} information`;
}

/** The group header's time: when the run finished, or started while it runs. */
export function groupTime(group: Pick<ActivityGroup, 'startedAt' | 'finishedAt'>): string {
  return formatInstant(group.finishedAt ?? group.startedAt);
}

/** A run among the groups or their child runs, with the run it belongs to when it is a child. */
export function findRun(groups: readonly ActivityGroup[], runId: number): { group: ActivityGroup; parent: ActivityGroup | undefined } | undefined {
  for (const group of groups) {
    if (group.runId === runId) return { group, parent: undefined };
    const child = childrenOf(group).find((candidate) => candidate.runId === runId);
    if (child) return { group: child, parent: group };
  }
  return undefined;
}

/** A child run's name under its parent: its scenario, else its run number. */
export function childName(child: Pick<ActivityGroup, 'scenarioName' | 'runId'>): string {
  return child.scenarioName ?? `Run ${child.runId}`;
}
