import type { ChannelResponse } from '../../../../electron/api/contract';
import { formatInstant } from '../replication-manager/backup-jobs';

/** One job run as the Activity Log's group header (its entries include its child runs'). */
export type ActivityGroup = ChannelResponse<'backup.activity'>[number];

/** The group header's result: the run's result, "running" until it has one. */
export function groupResult(group: Pick<ActivityGroup, 'result'>): string {
  return group.result ?? 'running';
}

/** The group header's counts: "2 errors, 1 warning, 14 information". */
export function groupCounts(group: Pick<ActivityGroup, 'errors' | 'warnings' | 'information'>): string {
  const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${plural(group.errors, 'error')}, ${plural(group.warnings, 'warning')}, ${group.information} information`;
}

/** The group header's time: when the run finished, or started while it runs. */
export function groupTime(group: Pick<ActivityGroup, 'startedAt' | 'finishedAt'>): string {
  return formatInstant(group.finishedAt ?? group.startedAt);
}
