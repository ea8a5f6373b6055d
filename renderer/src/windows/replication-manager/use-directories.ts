import { create } from 'zustand';
import { api } from '../../api/api';
import { EMPTY_TREE, reduceDirectoryTree, type DirectoryTree, type DirectoryTreeAction } from './directory-tree';

interface DirectoriesState {
  /** The Directories tab's tree per scenario ID, kept while the window lives (switching tabs keeps what is open). */
  byScenario: Record<string, DirectoryTree>;
  /** Opens a folder of the scenario's Master and lists it (scenario.browse). */
  expand(id: string, path: string): Promise<void>;
  collapse(id: string, path: string): void;
  /** Lists every open folder again. */
  refresh(id: string): Promise<void>;
}

let nextRequest = 1;

export const useDirectories = create<DirectoriesState>((set, get) => {
  const dispatch = (id: string, action: DirectoryTreeAction): void =>
    set((state) => ({ byScenario: { ...state.byScenario, [id]: reduceDirectoryTree(state.byScenario[id] ?? EMPTY_TREE, action) } }));
  const list = async (id: string, path: string, request: number): Promise<void> => {
    const result = await api.invoke('scenario.browse', { id, path });
    dispatch(id, { type: 'listed', path, request, result });
  };
  return {
    byScenario: {},
    async expand(id, path) {
      if (get().byScenario[id]?.folders[path]) return;
      const request = nextRequest++;
      dispatch(id, { type: 'expand', path, request });
      await list(id, path, request);
    },
    collapse(id, path) {
      dispatch(id, { type: 'collapse', path });
    },
    async refresh(id) {
      const open = Object.keys(get().byScenario[id]?.folders ?? {});
      await Promise.all(
        open.map((path) => {
          const request = nextRequest++;
          dispatch(id, { type: 'reload', path, request });
          return list(id, path, request);
        }),
      );
    },
  };
});

export function directoryTree(state: Pick<DirectoriesState, 'byScenario'>, id: string): DirectoryTree {
  return state.byScenario[id] ?? EMPTY_TREE;
}
