import { create } from 'zustand';
import { MASTER_SOURCE, type DirectorySource } from './directory-source';

export const FRAMEWORK_TABS = ['Statistics', 'Directories', 'Snapshots', 'Backups', 'Properties'] as const;
export type FrameworkTab = (typeof FRAMEWORK_TABS)[number];

interface FrameworkViewState {
  tab: FrameworkTab;
  /** What the Directories tab lists, per scenario ID; the Master unless a snapshot was chosen. */
  sources: Record<string, DirectorySource>;
  showTab(tab: FrameworkTab): void;
  setSource(scenarioId: string, source: DirectorySource): void;
  /** "Browse" on a snapshot: the Directories tab, listing that snapshot. */
  browseSnapshot(scenarioId: string, replicaId: string, snapshotId: string): void;
}

/** The Framework pane's own view state, shared by its tabs (a snapshot's Browse button switches tab and source). */
export const useFrameworkView = create<FrameworkViewState>((set) => ({
  tab: 'Properties',
  sources: {},
  showTab: (tab) => set({ tab }),
  setSource: (scenarioId, source) => set((state) => ({ sources: { ...state.sources, [scenarioId]: source } })),
  browseSnapshot: (scenarioId, replicaId, snapshotId) =>
    set((state) => ({ tab: 'Directories', sources: { ...state.sources, [scenarioId]: { kind: 'snapshot', replicaId, snapshotId } } })),
}));

export function directorySource(state: Pick<FrameworkViewState, 'sources'>, scenarioId: string): DirectorySource {
  return state.sources[scenarioId] ?? MASTER_SOURCE;
}
