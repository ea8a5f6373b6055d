import { create } from 'zustand';
import type { ChannelRequest, ChannelResponse, ErrorInfo, Result } from '../../../electron/api/contract';
import { api } from '../api/api';
import { SHOW_ALL, type ActivityFilter, type ActivityType } from '../windows/job-status/activity-filter';
import { findRun, type ActivityGroup } from '../windows/job-status/activity-groups';
import {
  ENTRIES_PAGE,
  entriesArrived,
  FIRST_PAGE,
  groupsRequest,
  newerPage,
  olderPage,
  pageRead,
  pageShift,
  wantsNewEntries,
  type GroupsPage,
  type RunEntries,
} from '../windows/job-status/activity-pages';
import type { JobProgress } from '../windows/job-status/job-queue';
import type { ActivityEntry, BackupJob, JobAction, QueueJob } from '../windows/replication-manager/backup-jobs';

export const JOB_STATUS_POLL_MS = 2000;
/** How many finished runs Reports → runs is asked about to learn why a job's last run failed. */

export const JOB_STATUS_TABS = ['Job Queue', 'Activity Log'] as const;
export type JobStatusTab = (typeof JOB_STATUS_TABS)[number];

export type DeviceGroup = ChannelResponse<'backup.devices'>[number];
type JobChanges = ChannelRequest<'backup.job-modify'>['changes'];

interface JobStatusState {
  tab: JobStatusTab;
  /** Every job of the queue, as last reported; undefined until the first answer. */
  jobs: QueueJob[] | undefined;
  /** How far each Active job is, by job ID. */
  progress: Record<number, JobProgress>;
  /** One page of the Activity Log's job runs, newest first; undefined until the first answer. */
  groups: ActivityGroup[] | undefined;
  /** Which page the group list shows; polling keeps it. */
  groupsPage: GroupsPage;
  /** Older runs follow the page. */
  hasOlder: boolean;
  /** Another page of runs is being read. */
  paging: boolean;
  /** The run whose entries are shown, and its group as last seen (it may be on another page). */
  selectedRunId: number | undefined;
  selectedGroup: ActivityGroup | undefined;
  /** The entries read so far, by run ID (the selected run's only). */
  entries: Record<number, RunEntries<ActivityEntry>>;
  /** Load more / Load all is reading the selected run's next pages. */
  loadingEntries: boolean;
  filter: ActivityFilter;
  /** Why the last question or job action got no answer. */
  error: ErrorInfo | undefined;
  showTab(tab: JobStatusTab): void;
  refresh(): Promise<void>;
  selectRun(runId: number | undefined): void;
  olderRuns(): Promise<void>;
  newerRuns(): Promise<void>;
  /** The selected run's next page of entries, or every page left (`all`). */
  loadMoreEntries(all: boolean): Promise<void>;
  setTypeShown(type: ActivityType, shown: boolean): void;
  setSearch(search: string): void;
  act(jobId: number, action: JobAction): Promise<Result<unknown>>;
  /** Modify: the job's new name, schedule, destination and options (not while it runs). */
  modify(jobId: number, changes: JobChanges): Promise<Result<BackupJob>>;
  /** The device groups a job may write to (the Modify dialog's choice). */
  readDevices(): Promise<Result<DeviceGroup[]>>;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
let refreshing = false;
/** Bumped when the user moves to another page: answers for the page before are dropped. */
let pageSequence = 0;

type PageAnswer = ReturnType<typeof pageRead<ActivityGroup>>;

/**
 * Reads the page of runs; when newer runs pushed it down since it was read, follows it (its
 * anchor run stays on top) so a poll never moves the user to other runs.
 */
async function readGroups(page: GroupsPage): Promise<Result<PageAnswer>> {
  let current = page;
  for (let attempt = 0; ; attempt++) {
    const result = await api.invoke('backup.activity', groupsRequest(current));
    if (!result.ok) return result;
    const groups: ActivityGroup[] = result.value;
    const shift = pageShift(current, groups.map((group) => group.runId));
    if (shift === 0 || attempt === 2) return { ok: true, value: pageRead(current.offset, groups) };
    current = { ...current, offset: current.offset + shift };
  }
}

export const useJobStatus = create<JobStatusState>((set, get) => {
  /** The run's next page of entries, from what was read so far (new entries only ever come at the end). False when it got no answer. */
  const readEntries = async (runId: number): Promise<boolean> => {
    const before = get().entries[runId];
    const offset = before?.items.length ?? 0;
    const result = await api.invoke('backup.activity-entries', { runId, limit: ENTRIES_PAGE, offset });
    if (!result.ok) {
      set({ error: result.error });
      return false;
    }
    const current = get().entries[runId];
    const next = entriesArrived(current, offset, result.value, ENTRIES_PAGE);
    const changed = next !== undefined && (next.items.length !== current?.items.length || next.atEnd !== current.atEnd);
    if (changed) set({ entries: { ...get().entries, [runId]: next } });
    return true;
  };
  /** A page's runs as the list shows them, and the selected run's group when the page holds it. */
  const showPage = ({ page, groups, hasOlder }: PageAnswer): void => {
    const state = get();
    const selected = state.selectedRunId === undefined ? undefined : findRun(groups, state.selectedRunId)?.group;
    if (!same(state.groups, groups)) set({ groups });
    if (!same(state.groupsPage, page) || state.hasOlder !== hasOlder) set({ groupsPage: page, hasOlder });
    if (selected && !same(state.selectedGroup, selected)) set({ selectedGroup: selected });
  };
  const goTo = async (page: GroupsPage): Promise<void> => {
    const sequence = ++pageSequence;
    set({ groupsPage: page, paging: true });
    const result = await readGroups(page);
    if (sequence !== pageSequence) return;
    set({ paging: false });
    if (!result.ok) return set({ error: result.error });
    showPage(result.value);
  };
  return {
    tab: 'Job Queue',
    jobs: undefined,
    progress: {},
    groups: undefined,
    groupsPage: FIRST_PAGE,
    hasOlder: false,
    paging: false,
    selectedRunId: undefined,
    selectedGroup: undefined,
    entries: {},
    loadingEntries: false,
    filter: SHOW_ALL,
    error: undefined,
    showTab(tab) {
      set({ tab });
      void get().refresh();
    },
    async refresh() {
      refreshing = true;
      const sequence = pageSequence;
      try {
        const [jobs, groups, progress] = await Promise.all([api.invoke('backup.jobs', {}), readGroups(get().groupsPage), api.invoke('backup.progress', {})]);
        if (!jobs.ok) return set({ error: jobs.error });
        if (!groups.ok) return set({ error: groups.error });
        if (!progress.ok) return set({ error: progress.error });
        const byJob = Object.fromEntries(progress.value.map((entry) => [entry.jobId, entry]));
        if (!same(get().progress, byJob)) set({ progress: byJob });
        if (!same(get().jobs, jobs.value)) set({ jobs: jobs.value });
        if (sequence === pageSequence && !get().paging) showPage(groups.value);
        if (get().error) set({ error: undefined });
        const runId = get().selectedRunId;
        if (runId !== undefined && wantsNewEntries(get().entries[runId])) await readEntries(runId);
      } finally {
        refreshing = false;
      }
    },
    selectRun(runId) {
      const group = runId === undefined ? undefined : findRun(get().groups ?? [], runId)?.group;
      // Only the shown run's entries are kept (a run can have 100,000).
      const kept = runId === undefined ? undefined : get().entries[runId];
      set({ selectedRunId: runId, selectedGroup: group, entries: runId !== undefined && kept ? { [runId]: kept } : {} });
      if (runId !== undefined && !kept) void readEntries(runId);
    },
    olderRuns: () => goTo(olderPage(get().groupsPage)),
    newerRuns: () => goTo(newerPage(get().groupsPage)),
    async loadMoreEntries(all) {
      const runId = get().selectedRunId;
      if (runId === undefined || get().loadingEntries) return;
      set({ loadingEntries: true });
      try {
        // Page after page for Load all, while the run stays selected and answers come.
        while ((await readEntries(runId)) && all && get().selectedRunId === runId && get().entries[runId]?.atEnd === false);
      } finally {
        set({ loadingEntries: false });
      }
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
    async modify(jobId, changes) {
      const result = await api.invoke('backup.job-modify', { jobId, changes });
      if (result.ok) await get().refresh();
      return result;
    },
    readDevices: () => api.invoke('backup.devices', {}),
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
