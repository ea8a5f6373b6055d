import { create } from 'zustand';
import type { ChannelResponse, Result } from '../../../electron/api/contract';
import { api } from '../api/api';
import { DEFAULT_DESTINATION, type DestinationErrors, type DestinationForm } from '../windows/restore-manager/restore-destination';
import type { FolderPlace } from '../windows/restore-manager/folder-place';
import { EMPTY_QUERY, type QueryForm } from '../windows/restore-manager/restore-query';
import { pickVersion, toggleMark, type MarkedItem, type MarkResult } from '../windows/restore-manager/restore-selection';
import { DEFAULT_OPTIONS, type RestoreOptionsForm } from '../windows/restore-manager/restore-spec';
import type { CatalogEntry, RestoreQuery, SessionNode, TreeNode, TreeVolume } from '../windows/restore-manager/restore-types';

export type { SessionNode, TreeNode };

export const RESTORE_TABS = ['Source', 'Destination', 'Options'] as const;
export type RestoreTab = (typeof RESTORE_TABS)[number];
export const SOURCE_VIEWS = ['Session', 'Tree', 'Query'] as const;
export type SourceView = (typeof SOURCE_VIEWS)[number];

interface RestoreState {
  tab: RestoreTab;
  view: SourceView;
  /** Expanded tree nodes of both views, by node key ("s:…" by Session, "t:…" by Tree). */
  expanded: Readonly<Record<string, true>>;
  sessionNode: SessionNode | undefined;
  treeNode: TreeNode | undefined;
  /** The content pane's chosen row (Version History asks about it). */
  entry: CatalogEntry | undefined;
  queryForm: QueryForm;
  /** The query last searched for (its first page; the results view reads further pages). */
  query: RestoreQuery | undefined;
  marks: MarkedItem[];
  /** Why the last mark was refused (another scenario). */
  markMessage: string | undefined;
  destination: DestinationForm;
  /** Why Start (or the engine) refused the destination, by field. */
  destinationErrors: DestinationErrors;
  options: RestoreOptionsForm;
  /** Bumped by Refresh: every open listing asks again. */
  refreshCount: number;
  /** The job the last Submit queued. */
  queued: { jobId: number; name: string } | undefined;
  /** User names that browsed a host's folders (Browse…), offered again by the Security dialog; passwords are never kept. */
  hostUsers: Readonly<Record<string, string>>;
  showTab(tab: RestoreTab): void;
  showView(view: SourceView): void;
  toggleExpanded(key: string): void;
  expand(key: string): void;
  selectSessionNode(node: SessionNode): void;
  selectTreeNode(node: TreeNode): void;
  /** Chooses a folder node in the tree of its view (by Session or by Tree). */
  selectFolder(place: FolderPlace, path: string): void;
  selectEntry(entry: CatalogEntry | undefined): void;
  setQueryForm(form: QueryForm): void;
  search(query: RestoreQuery): void;
  toggleMark(item: MarkedItem): void;
  pickVersion(item: MarkedItem): void;
  unmark(item: MarkedItem): void;
  clearMarks(): void;
  dismissMarkMessage(): void;
  setDestination(patch: Partial<DestinationForm>): void;
  setDestinationErrors(errors: DestinationErrors): void;
  setOptions(patch: Partial<RestoreOptionsForm>): void;
  refresh(): void;
  setQueued(job: { jobId: number; name: string } | undefined): void;
  rememberUser(host: string, user: string): void;
  sendToMaster(jobId: number): Promise<Result<ChannelResponse<'restore.send-to-master'>>>;
  applyPending(jobId: number): Promise<Result<ChannelResponse<'restore.apply-pending'>>>;
}

/** The Restore Manager's slice: what is shown, marked and chosen; the listings themselves are asked for by the views. */
export const useRestore = create<RestoreState>((set, get) => {
  /**
   * Whether the marks' scenario is a folder source (no Replica: the Destination tab offers its
   * Master only), asked of backup.sources when the marked scenario changes.
   */
  let kindAskedFor: string | undefined;
  const fitDestinationToMarks = async (): Promise<void> => {
    const scenarioId = get().marks[0]?.scenarioId;
    if (scenarioId === kindAskedFor) return;
    kindAskedFor = scenarioId;
    let folderSource = false;
    if (scenarioId !== undefined) {
      const sources = await api.invoke('backup.sources', { includeRemoved: true });
      if (kindAskedFor !== scenarioId) return;
      folderSource = sources.ok && sources.value.some((source) => source.id === scenarioId && source.source === 'folder');
    }
    if (Boolean(get().destination.folderSource) !== folderSource) set({ destination: { ...get().destination, folderSource } });
  };
  const setMarks = (marks: MarkedItem[]): void => {
    set({ marks, markMessage: undefined });
    void fitDestinationToMarks();
  };
  const applyMark = (result: MarkResult): void => (result.ok ? setMarks(result.marks) : set({ markMessage: result.message }));
  return {
    tab: 'Source',
    view: 'Session',
    expanded: {},
    sessionNode: undefined,
    treeNode: undefined,
    entry: undefined,
    queryForm: EMPTY_QUERY,
    query: undefined,
    marks: [],
    markMessage: undefined,
    destination: DEFAULT_DESTINATION,
    destinationErrors: {},
    options: DEFAULT_OPTIONS,
    refreshCount: 0,
    queued: undefined,
    hostUsers: {},
    showTab: (tab) => set({ tab }),
    showView: (view) => set({ view, entry: undefined }),
    toggleExpanded(key) {
      const { [key]: open, ...rest } = get().expanded;
      set({ expanded: open ? rest : { ...rest, [key]: true } });
    },
    expand(key) {
      if (!get().expanded[key]) set({ expanded: { ...get().expanded, [key]: true } });
    },
    selectSessionNode: (node) => set({ sessionNode: node, entry: undefined }),
    selectTreeNode: (node) => set({ treeNode: node, entry: undefined }),
    selectFolder: (place, path) =>
      set(place.kind === 'session' ? { sessionNode: { kind: 'folder', session: place.session, path }, entry: undefined } : { treeNode: { kind: 'folder', host: place.host, path, volume: place.volume }, entry: undefined }),
    selectEntry: (entry) => set({ entry }),
    setQueryForm: (queryForm) => set({ queryForm }),
    search: (query) => set({ query, entry: undefined }),
    toggleMark: (item) => applyMark(toggleMark(get().marks, item)),
    pickVersion: (item) => applyMark(pickVersion(get().marks, item)),
    unmark: (item) => setMarks(get().marks.filter((mark) => mark.session !== item.session || mark.path !== item.path)),
    clearMarks: () => setMarks([]),
    dismissMarkMessage: () => set({ markMessage: undefined }),
    setDestination: (patch) => set({ destination: { ...get().destination, ...patch }, destinationErrors: {} }),
    setDestinationErrors: (destinationErrors) => set({ destinationErrors }),
    setOptions: (patch) => set({ options: { ...get().options, ...patch } }),
    refresh: () => set({ refreshCount: get().refreshCount + 1 }),
    setQueued: (queued) => set({ queued }),
    rememberUser: (host, user) => set({ hostUsers: { ...get().hostUsers, [host]: user } }),
    sendToMaster: (jobId) => api.invoke('restore.send-to-master', { jobId }),
    applyPending: (jobId) => api.invoke('restore.apply-pending', { jobId }),
  };
});

/** Node keys: one namespace per view, so both trees share the expanded set. */
export const nodeKey = {
  media: (mediaId: string): string => `s:m:${mediaId}`,
  session: (session: number): string => `s:s:${session}`,
  sessionFolder: (session: number, path: string): string => `s:f:${session}:${path}`,
  host: (host: string): string => `t:h:${host}`,
  volume: (host: string, volume: Pick<TreeVolume, 'scenarioId' | 'entity'>): string => `t:v:${host}:${volume.scenarioId}:${volume.entity}`,
  treeFolder: (host: string, path: string): string => `t:f:${host}:${path}`,
  folder: (place: FolderPlace, path: string): string => (place.kind === 'session' ? nodeKey.sessionFolder(place.session, path) : nodeKey.treeFolder(place.host, path)),
};
