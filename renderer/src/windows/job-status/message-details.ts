import type { ActivityEntry } from '../replication-manager/backup-jobs';

/** What the Message details dialog shows for an Error or Warning entry. */
export interface MessageDetails {
  code: string;
  module: string;
  message: string;
  reason: string;
  action: string;
}

const UNKNOWN = 'Not recorded for this code: see the engine log.';

/** Whether double-clicking the entry shows its details: Errors and Warnings only. */
export function hasDetails(entry: Pick<ActivityEntry, 'type'>): boolean {
  return entry.type === 'Error' || entry.type === 'Warning';
}

/** The entry's details: its code's module, reason and action as the engine sent them, the module by the code's prefix otherwise. */
export function messageDetails(entry: Pick<ActivityEntry, 'code' | 'message' | 'details'>): MessageDetails {
  const code = entry.code ?? '—';
  if (entry.details) return { code, message: entry.message, module: entry.details.module, reason: entry.details.reason, action: entry.details.action };
  const module = entry.code?.startsWith('A') ? 'Agent' : entry.code ? 'Backup server' : '—';
  return { code, module, message: entry.message, reason: UNKNOWN, action: UNKNOWN };
}
