import type { ActivityEntry } from '../replication-manager/backup-jobs';

export type ActivityType = ActivityEntry['type'];
export const ACTIVITY_TYPES: readonly ActivityType[] = ['Error', 'Warning', 'Information'];

/** What the Activity Log shows: the checked types and entries whose message contains the search text. */
export interface ActivityFilter {
  types: Readonly<Record<ActivityType, boolean>>;
  search: string;
}

export const SHOW_ALL: ActivityFilter = { types: { Error: true, Warning: true, Information: true }, search: '' };

/** The entries the filter lets through, in their order; case-insensitive on the message (and its code). */
export function filterEntries<T extends Pick<ActivityEntry, 'type' | 'message' | 'code'>>(entries: readonly T[], filter: ActivityFilter): T[] {
  const needle = filter.search.trim().toLowerCase();
  const { types } = filter;
  const shown: T[] = [];
  for (const entry of entries) {
    if (!types[entry.type]) continue;
    if (needle && !entry.message.toLowerCase().includes(needle) && !(entry.code !== null && entry.code.toLowerCase().includes(needle))) continue;
    shown.push(entry);
  }
  return shown;
}

/** The filter bar's check box labels: "Errors", "Warnings", "Information". */
export function typeFilterLabel(type: ActivityType): string {
  return type === 'Information' ? 'Information' : `${type}s`;
}
