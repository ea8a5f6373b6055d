import { create } from 'zustand';
import type { BrowseReply, Result } from '../../../../electron/api/contract';
import { api } from '../../api/api';
import { treeKey, type DirectorySource } from './directory-source';
import { EMPTY_TREE, reduceDirectoryTree, type DirectoryTree, type DirectoryTreeAction } from './directory-tree';

/** A listing to ask for: a scenario's Master, or one of its Replicas' snapshots. */
export interface BrowseTarget {
  scenarioId: string;
  source: DirectorySource;
}

interface DirectoriesState {
  /** The Directories tab's trees by scenario and source (treeKey), kept while the window lives (switching tabs keeps what is open). */
  byTree: Record<string, DirectoryTree>;
  /** Opens a folder and lists it (scenario.browse on the Master, snapshot.browse on a snapshot). */
  expand(target: BrowseTarget, path: string): Promise<void>;
  collapse(target: BrowseTarget, path: string): void;
  /** Lists every open folder again. */
  refresh(target: BrowseTarget): Promise<void>;
}

let nextRequest = 1;

function browse({ scenarioId: id, source }: BrowseTarget, path: string): Promise<Result<BrowseReply>> {
  return source.kind === 'master'
    ? api.invoke('scenario.browse', { id, path })
    : api.invoke('snapshot.browse', { id, replicaId: source.replicaId, snapshotId: source.snapshotId, path });
}

export const useDirectories = create<DirectoriesState>((set, get) => {
  const dispatch = (key: string, action: DirectoryTreeAction): void =>
    set((state) => ({ byTree: { ...state.byTree, [key]: reduceDirectoryTree(state.byTree[key] ?? EMPTY_TREE, action) } }));
  const list = async (target: BrowseTarget, path: string, request: number): Promise<void> => {
    const result = await browse(target, path);
    dispatch(treeKey(target.scenarioId, target.source), { type: 'listed', path, request, result });
  };
  return {
    byTree: {},
    async expand(target, path) {
      const key = treeKey(target.scenarioId, target.source);
      if (get().byTree[key]?.folders[path]) return;
      const request = nextRequest++;
      dispatch(key, { type: 'expand', path, request });
      await list(target, path, request);
    },
    collapse(target, path) {
      dispatch(treeKey(target.scenarioId, target.source), { type: 'collapse', path });
    },
    async refresh(target) {
      const key = treeKey(target.scenarioId, target.source);
      const open = Object.keys(get().byTree[key]?.folders ?? {});
      await Promise.all(
        open.map((path) => {
          const request = nextRequest++;
          dispatch(key, { type: 'reload', path, request });
          return list(target, path, request);
        }),
      );
    },
  };
});

export function directoryTree(state: Pick<DirectoriesState, 'byTree'>, target: BrowseTarget): DirectoryTree {
  return state.byTree[treeKey(target.scenarioId, target.source)] ?? EMPTY_TREE;
}
