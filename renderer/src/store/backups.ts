import { create } from 'zustand';
import type { ChannelResponse, ErrorInfo, Result } from '../../../electron/api/contract';
import { api } from '../api/api';
import type { ActivityEntry, JobAction, QueueJob } from '../windows/replication-manager/backup-jobs';

export const BACKUPS_POLL_MS = 2000;

interface BackupsState {
  /** Every job of the queue (backup and restore), as last reported; undefined until the first answer. */
  jobs: QueueJob[] | undefined;
  /** The job whose last run's Activity Log is shown. */
  selectedJobId: number | undefined;
  /** The Activity Log entries of each job run read so far, by run ID. */
  entries: Record<number, ActivityEntry[]>;
  /** Why the last question or job action got no answer. */
  error: ErrorInfo | undefined;
  refresh(): Promise<void>;
  selectJob(jobId: number | undefined): void;
  act(jobId: number, action: JobAction): Promise<void>;
  backUpNow(scenarioId: string): Promise<Result<ChannelResponse<'backup.now'>>>;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
let refreshing = false;

export const useBackups = create<BackupsState>((set, get) => {
  const readEntries = async (runId: number): Promise<void> => {
    const result = await api.invoke('backup.activity-entries', { runId });
    if (!result.ok) return set({ error: result.error });
    if (!same(get().entries[runId], result.value)) set({ entries: { ...get().entries, [runId]: result.value } });
  };
  return {
    jobs: undefined,
    selectedJobId: undefined,
    entries: {},
    error: undefined,
    async refresh() {
      refreshing = true;
      try {
        const result = await api.invoke('backup.jobs', {});
        if (!result.ok) return set({ error: result.error });
        if (!same(get().jobs, result.value)) set({ jobs: result.value });
        if (get().error) set({ error: undefined });
        const runId = result.value.find((job) => job.id === get().selectedJobId)?.lastRun?.id;
        if (runId !== undefined) await readEntries(runId);
      } finally {
        refreshing = false;
      }
    },
    selectJob(jobId) {
      set({ selectedJobId: jobId });
      const runId = get().jobs?.find((job) => job.id === jobId)?.lastRun?.id;
      if (runId !== undefined) void readEntries(runId);
    },
    async act(jobId, action) {
      const result = await api.invoke('backup.job-action', { jobId, action });
      if (!result.ok) set({ error: result.error });
      else if (action === 'delete' && get().selectedJobId === jobId) set({ selectedJobId: undefined });
      await get().refresh();
    },
    async backUpNow(scenarioId) {
      const result = await api.invoke('backup.now', { id: scenarioId });
      if (result.ok) await get().refresh();
      return result;
    },
  };
});

/** Reads the jobs every 2 s while the window is visible (skipping one still being answered), and at once. Returns the stop. */
export function startBackupPolling(): () => void {
  const poll = (): void => {
    if (document.visibilityState === 'visible' && !refreshing) void useBackups.getState().refresh();
  };
  document.addEventListener('visibilitychange', poll);
  poll();
  const timer = setInterval(poll, BACKUPS_POLL_MS);
  return () => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', poll);
  };
}
