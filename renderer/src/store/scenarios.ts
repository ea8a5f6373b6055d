import { create } from 'zustand';
import type { ErrorInfo, Result, Scenario, ScenarioDraft } from '../../../electron/api/contract';
import { api } from '../api/api';

interface ScenariosState {
  scenarios: Scenario[];
  selectedId: string | undefined;
  loadError: ErrorInfo | undefined;
  load(): Promise<void>;
  select(id: string | undefined): void;
  create(draft: ScenarioDraft): Promise<Result<Scenario>>;
  remove(id: string): Promise<Result<{ id: string }>>;
}

export const useScenarios = create<ScenariosState>((set, get) => ({
  scenarios: [],
  selectedId: undefined,
  loadError: undefined,
  async load() {
    const result = await api.invoke('scenario.list', {});
    if (!result.ok) {
      set({ loadError: result.error });
      return;
    }
    const selectedId = get().selectedId;
    const stillThere = result.value.some((scenario) => scenario.id === selectedId);
    set({ scenarios: result.value, loadError: undefined, selectedId: stillThere ? selectedId : result.value[0]?.id });
  },
  select(id) {
    set({ selectedId: id });
  },
  async create(draft) {
    const result = await api.invoke('scenario.create', draft);
    if (result.ok) {
      await get().load();
      set({ selectedId: result.value.id });
    }
    return result;
  },
  async remove(id) {
    const result = await api.invoke('scenario.remove', { id });
    if (result.ok) await get().load();
    return result;
  },
}));

export function selectedScenario(state: Pick<ScenariosState, 'scenarios' | 'selectedId'>): Scenario | undefined {
  return state.scenarios.find((scenario) => scenario.id === state.selectedId);
}
