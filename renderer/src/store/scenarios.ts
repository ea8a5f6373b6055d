import { create } from 'zustand';
import type { ChannelRequest, ErrorInfo, ReplicationOptions, Result, Scenario, ScenarioDraft } from '../../../electron/api/contract';
import { api } from '../api/api';

type HostCredentials = ChannelRequest<'scenario.run'>['credentials'][number];

interface ScenariosState {
  scenarios: Scenario[];
  selectedId: string | undefined;
  /** How many times a scenario was selected, the selected one clicked again included: each is an opening (the lock check asks then). */
  openCount: number;
  /** The Replica chosen in the Host pane (Suspend/Resume act on it); undefined = the first. */
  selectedReplicaId: string | undefined;
  loadError: ErrorInfo | undefined;
  load(): Promise<void>;
  select(id: string | undefined): void;
  selectReplica(replicaId: string): void;
  create(draft: ScenarioDraft): Promise<Result<Scenario>>;
  remove(id: string): Promise<Result<{ id: string }>>;
  needsCredentials(id: string): Promise<Result<string[]>>;
  /** The credentials go to the engine with this one call and are not kept here. */
  run(id: string, credentials: HostCredentials[]): Promise<Result<Scenario>>;
  stop(id: string): Promise<Result<Scenario>>;
  setOptions(id: string, options: ReplicationOptions): Promise<Result<Scenario>>;
}

export const useScenarios = create<ScenariosState>((set, get) => {
  /** Shows an engine's answer at once instead of waiting for the list to be read again. */
  const replace = (result: Result<Scenario>): Result<Scenario> => {
    if (result.ok) set({ scenarios: get().scenarios.map((scenario) => (scenario.id === result.value.id ? result.value : scenario)) });
    return result;
  };
  return {
    scenarios: [],
    selectedId: undefined,
    openCount: 0,
    selectedReplicaId: undefined,
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
      const openCount = get().openCount + 1;
      set(id !== get().selectedId ? { selectedId: id, selectedReplicaId: undefined, openCount } : { openCount });
    },
    selectReplica(replicaId) {
      set({ selectedReplicaId: replicaId });
    },
    async create(draft) {
      const result = await api.invoke('scenario.create', draft);
      if (result.ok) {
        await get().load();
        set({ selectedId: result.value.id, selectedReplicaId: undefined });
      }
      return result;
    },
    async remove(id) {
      const result = await api.invoke('scenario.remove', { id });
      if (result.ok) await get().load();
      return result;
    },
    needsCredentials: (id) => api.invoke('scenario.needs-credentials', { id }),
    run: async (id, credentials) => replace(await api.invoke('scenario.run', { id, credentials })),
    stop: async (id) => replace(await api.invoke('scenario.stop', { id })),
    setOptions: async (id, options) => replace(await api.invoke('scenario.set-options', { id, options })),
  };
});

export function selectedScenario(state: Pick<ScenariosState, 'scenarios' | 'selectedId'>): Scenario | undefined {
  return state.scenarios.find((scenario) => scenario.id === state.selectedId);
}

/** The Replica Suspend/Resume act on: the one chosen in the Host pane, else the first. */
export function selectedReplica(scenario: Scenario | undefined, selectedReplicaId: string | undefined): Scenario['replicas'][number] | undefined {
  return scenario?.replicas.find((replica) => replica.id === selectedReplicaId) ?? scenario?.replicas[0];
}
