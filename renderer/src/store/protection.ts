import { create } from 'zustand';
import type { ChannelRequest, ChannelResponse, ErrorInfo, ReplicaProtection, Result } from '../../../electron/api/contract';
import { api } from '../api/api';
import { useScenarios } from './scenarios';

export const PROTECTION_POLL_MS = 2000;

type SnapshotRef = ChannelRequest<'snapshot.release'>;

interface ProtectionState {
  /** Journal, snapshots and Assured Recovery of each Replica, by scenario ID, as last reported. */
  byId: Record<string, ReplicaProtection[]>;
  /** Why the last question about a scenario got no answer, by scenario ID. */
  errors: Record<string, ErrorInfo>;
  refresh(id: string): Promise<void>;
  createSnapshot(id: string, replicaId: string, name: string | undefined): Promise<Result<ChannelResponse<'snapshot.create'>>>;
  releaseSnapshot(ref: SnapshotRef): Promise<Result<ChannelResponse<'snapshot.release'>>>;
  exportSnapshot(request: ChannelRequest<'snapshot.export'>): Promise<Result<ChannelResponse<'snapshot.export'>>>;
  startAr(id: string, replicaId: string): Promise<Result<ChannelResponse<'ar.start'>>>;
  stopAr(id: string, replicaId: string): Promise<Result<ChannelResponse<'ar.stop'>>>;
  setBookmark(id: string, name: string | undefined): Promise<Result<ChannelResponse<'rewind.bookmark'>>>;
  rewind(request: ChannelRequest<'rewind.run'>): Promise<Result<ChannelResponse<'rewind.run'>>>;
}

/** The latest request per scenario: an older answer arriving late must not overwrite a newer one. */
const latest = new Map<string, number>();
let nextRequest = 1;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export const useProtection = create<ProtectionState>((set, get) => {
  /** Runs a command, then reads the scenario's protection again so the panes show its effect at once. */
  const thenRefresh = async <T>(id: string, call: Promise<Result<T>>): Promise<Result<T>> => {
    const result = await call;
    await get().refresh(id);
    return result;
  };
  return {
    byId: {},
    errors: {},
    async refresh(id) {
      const request = nextRequest++;
      latest.set(id, request);
      const result = await api.invoke('protection.status', { id });
      if (latest.get(id) !== request) return;
      latest.delete(id);
      const { byId, errors } = get();
      if (result.ok) {
        if (!same(byId[id], result.value)) set({ byId: { ...byId, [id]: result.value } });
        if (errors[id]) {
          const rest = { ...errors };
          delete rest[id];
          set({ errors: rest });
        }
      } else if (!same(errors[id], result.error)) {
        set({ errors: { ...errors, [id]: result.error } });
      }
    },
    createSnapshot: (id, replicaId, name) => thenRefresh(id, api.invoke('snapshot.create', { id, replicaId, name })),
    releaseSnapshot: (ref) => thenRefresh(ref.id, api.invoke('snapshot.release', ref)),
    exportSnapshot: (request) => api.invoke('snapshot.export', request),
    startAr: (id, replicaId) => thenRefresh(id, api.invoke('ar.start', { id, replicaId })),
    stopAr: (id, replicaId) => thenRefresh(id, api.invoke('ar.stop', { id, replicaId })),
    setBookmark: (id, name) => thenRefresh(id, api.invoke('rewind.bookmark', { id, name })),
    async rewind(request) {
      const result = await thenRefresh(request.id, api.invoke('rewind.run', request));
      // The engine stopped the scenario: show it stopped without waiting for its notice.
      await useScenarios.getState().load();
      return result;
    },
  };
});

/** The protection of one Replica of a scenario, when reported. */
export function replicaProtection(state: Pick<ProtectionState, 'byId'>, id: string, replicaId: string): ReplicaProtection | undefined {
  return state.byId[id]?.find((protection) => protection.replicaId === replicaId);
}

function forgetRemoved(ids: ReadonlySet<string>): void {
  const { byId, errors } = useProtection.getState();
  const keep = <T>(record: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(record).filter(([id]) => ids.has(id)));
  if (Object.keys(byId).some((id) => !ids.has(id)) || Object.keys(errors).some((id) => !ids.has(id))) {
    useProtection.setState({ byId: keep(byId), errors: keep(errors) });
  }
}

/**
 * Asks about the selected scenario every 2 s while the window is visible (skipping one still
 * being answered), at once when another scenario is selected or the window shows again. Returns the stop.
 */
export function startProtectionPolling(): () => void {
  const visible = (): boolean => document.visibilityState === 'visible';
  const refreshSelected = (): void => {
    const id = useScenarios.getState().selectedId;
    if (id !== undefined && visible() && !latest.has(id)) void useProtection.getState().refresh(id);
  };
  const unsubscribe = useScenarios.subscribe((state, previous) => {
    if (state.selectedId !== previous.selectedId) refreshSelected();
    if (state.scenarios !== previous.scenarios) forgetRemoved(new Set(state.scenarios.map((scenario) => scenario.id)));
  });
  const onVisibility = (): void => refreshSelected();
  document.addEventListener('visibilitychange', onVisibility);
  refreshSelected();
  const timer = setInterval(refreshSelected, PROTECTION_POLL_MS);
  return () => {
    clearInterval(timer);
    unsubscribe();
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
