import { create } from 'zustand';
import type { ErrorInfo, Result } from '../../../electron/api/contract';
import { api } from '../api/api';
import { SHOW_ALL, type ActivityFilter, type ActivityType } from '../windows/job-status/activity-filter';
import type { ActivityGroup } from '../windows/job-status/activity-groups';
import type { JobProgress } from '../windows/job-status/job-queue';
import type { ActivityEntry, JobAction, QueueJob } from '../windows/replication-manager/backup-jobs';

export const JOB_STATUS_POLL_MS = 2000;
/** How many job runs the Activity Log lists (newest first). */
export const ACTIVITY_GROUPS = 200;
/** How many entries of one run are read (the channel's most). */
export const ACTIVITY_ENTRIES = 10_000;

export const JOB_STATUS_TABS = ['Job Queue', 'Activity Log'] as const;
export type JobStatusTab = (typeof JOB_STATUS_TABS)[number];

interface JobStatusState {
  tab: JobStatusTab;
  /** Every job of the queue, as last reported; undefined until the first answer. */
  jobs: QueueJob[] | undefined;
  /** How far each Active job is, by job ID. */
  progress: Record<number, JobProgress>;
  /** The Activity Log's job runs, newest first; undefined until the first answer. */
  groups: ActivityGroup[] | undefined;
  /** The run whose entries are shown. */
  selectedRunId: number | undefined;
  /** The entries read so far, by run ID. */
  entries: Record<number, ActivityEntry[]>;
  filter: ActivityFilter;
  /** Why the last question or job action got no answer. */
  error: ErrorInfo | undefined;
  showTab(tab: JobStatusTab): void;
  refresh(): Promise<void>;
  selectRun(runId: number | undefined): void;
  setTypeShown(type: ActivityType, shown: boolean): void;
  setSearch(search: string): void;
  act(jobId: number, action: JobAction): Promise<Result<unknown>>;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
let refreshing = false;

export const useJobStatus = create<JobStatusState>((set, get) => {
  const readEntries = async (runId: number): Promise<void> => {
    const result = await api.invoke('backup.activity-entries', { runId, limit: ACTIVITY_ENTRIES });
    if (!result.ok) return set({ error: result.error });
    if (!same(get().entries[runId], result.value)) set({ entries: { ...get().entries, [runId]: result.value } });
  };
  /** The selected run's entries are read again while its run has not finished (or not read yet). */
  const entriesStale = (runId: number, groups: readonly ActivityGroup[]): boolean =>
    get().entries[runId] === undefined || groups.find((group) => group.runId === runId)?.finishedAt == null;
  return {
    tab: 'Job Queue',
    jobs: undefined,
    progress: {},
    groups: undefined,
    selectedRunId: undefined,
    entries: {},
    filter: SHOW_ALL,
    error: undefined,
    showTab(tab) {
      set({ tab });
      void get().refresh();
    },
    async refresh() {
      refreshing = true;
      try {
        const [jobs, groups, progress] = await Promise.all([
          api.invoke('backup.jobs', {}),
          api.invoke('backup.activity', { limit: ACTIVITY_GROUPS, offset: 0 }),
          api.invoke('backup.progress', {}),
        ]);
        if (!jobs.ok) return set({ error: jobs.error });
        if (!groups.ok) return set({ error: groups.error });
        if (!progress.ok) return set({ error: progress.error });
        const byJob = Object.fromEntries(progress.value.map((entry) => [entry.jobId, entry]));
        if (!same(get().progress, byJob)) set({ progress: byJob });
        if (!same(get().jobs, jobs.value)) set({ jobs: jobs.value });
        if (!same(get().groups, groups.value)) set({ groups: groups.value });
        if (get().error) set({ error: undefined });
        const runId = get().selectedRunId;
        if (runId !== undefined && entriesStale(runId, groups.value)) await readEntries(runId);
      } finally {
        refreshing = false;
      }
    },
    selectRun(runId) {
      set({ selectedRunId: runId });
      if (runId !== undefined) void readEntries(runId);
    },
    setTypeShown(type, shown) {
      const filter = get().filter;
      set({ filter: { ...filter, types: { ...filter.types, [type]: shown } } });
    },
    setSearch(search) {
      set({ filter: { ...get().filter, search } });
    },
    async act(jobId, action) {
      const result = await api.invoke('backup.job-action', { jobId, action });
      if (!result.ok && action !== 'delete') set({ error: result.error });
      await get().refresh();
      return result;
    },
  };
});

/** Reads the queue and the Activity Log every 2 s while the window is visible (skipping one still being answered), and at once. Returns the stop. */
export function startJobStatusPolling(): () => void {
  const poll = (): void => {
    if (document.visibilityState === 'visible' && !refreshing) void useJobStatus.getState().refresh();
  };
  document.addEventListener('visibilitychange', poll);
  poll();
  const timer = setInterval(poll, JOB_STATUS_POLL_MS);
  return () => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', poll);
  };
}
