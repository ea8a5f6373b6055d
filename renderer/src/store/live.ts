import { create } from 'zustand';
import type { ErrorInfo, LiveScenario } from '../../../electron/api/contract';
import { api } from '../api/api';
import { livePlan, runningIds, sameLive } from './live-plan';
import { useScenarios } from './scenarios';

export const LIVE_POLL_MS = 1000;

interface LiveState {
  /** What the engines last reported, by scenario ID. */
  byId: Record<string, LiveScenario>;
  /** Why the last question about a scenario got no answer, by scenario ID. */
  errors: Record<string, ErrorInfo>;
  refresh(id: string): Promise<void>;
  suspend(id: string, replicaId: string): Promise<ErrorInfo | undefined>;
  resume(id: string, replicaId: string): Promise<ErrorInfo | undefined>;
}

/** The latest request per scenario: an older answer arriving late must not overwrite a newer one. */
const latest = new Map<string, number>();
let nextRequest = 1;

function without<T>(record: Record<string, T>, ids: readonly string[]): Record<string, T> {
  const copy = { ...record };
  for (const id of ids) delete copy[id];
  return copy;
}

export const useLive = create<LiveState>((set, get) => ({
  byId: {},
  errors: {},
  async refresh(id) {
    const request = nextRequest++;
    latest.set(id, request);
    const result = await api.invoke('scenario.live', { id });
    if (latest.get(id) !== request) return;
    latest.delete(id);
    const { byId, errors } = get();
    if (result.ok) {
      if (!sameLive(byId[id], result.value)) set({ byId: { ...byId, [id]: result.value } });
      if (errors[id]) set({ errors: without(errors, [id]) });
    } else if (JSON.stringify(errors[id]) !== JSON.stringify(result.error)) {
      set({ errors: { ...errors, [id]: result.error } });
    }
  },
  async suspend(id, replicaId) {
    const result = await api.invoke('scenario.suspend', { id, replicaId });
    await get().refresh(id);
    return result.ok ? undefined : result.error;
  },
  async resume(id, replicaId) {
    const result = await api.invoke('scenario.resume', { id, replicaId });
    await get().refresh(id);
    return result.ok ? undefined : result.error;
  },
}));

/** Polls every running scenario once a second (skipping one still being answered); returns the stop. */
export function startLivePolling(): () => void {
  const refreshAll = (): void => {
    for (const id of runningIds(useScenarios.getState().scenarios)) {
      if (!latest.has(id)) void useLive.getState().refresh(id);
    }
  };
  const unsubscribe = useScenarios.subscribe((state, previous) => {
    if (state.scenarios === previous.scenarios) return;
    const plan = livePlan(previous.scenarios, state.scenarios);
    if (plan.drop.length > 0) {
      for (const id of plan.drop) latest.delete(id);
      useLive.setState((live) => ({ byId: without(live.byId, plan.drop), errors: without(live.errors, plan.drop) }));
    }
    for (const id of plan.refresh) void useLive.getState().refresh(id);
  });
  refreshAll();
  const timer = setInterval(refreshAll, LIVE_POLL_MS);
  return () => {
    clearInterval(timer);
    unsubscribe();
  };
}
