import { useEffect } from 'react';
import { create } from 'zustand';
import type { ErrorInfo, ScenarioLock } from '../../../../electron/api/contract';
import { api } from '../../api/api';
import { lockView, shouldAsk, type LockView, type Opening } from './scenario-lock';

export const LOCK_POLL_MS = 2000;

interface ScenarioLockState {
  /** The scenario opened last (selected, or clicked again). */
  opening: Opening | undefined;
  /** The last answer about the opened scenario's lock. */
  lock: ScenarioLock | undefined;
  /** The opening whose first answer came: an opening asks at most once, a window shown again does not ask. */
  settled: Opening | undefined;
  /** The Scenario locked dialog is shown. */
  asking: boolean;
  /** The job control was taken from: it still holds the scenario until it stops. */
  takenFrom: { scenarioId: string; jobId: number } | undefined;
  busy: boolean;
  /** Why Take control was refused (shown in the dialog). */
  error: ErrorInfo | undefined;
  open(opening: Opening): Promise<void>;
  poll(): Promise<void>;
  takeControl(): Promise<void>;
  /** Cancel: the scenario stays locked and read-only. */
  cancel(): void;
  /** The banner's Take control: the dialog again. */
  ask(): void;
}

const sameOpening = (a: Opening | undefined, b: Opening | undefined): boolean => a?.scenarioId === b?.scenarioId && a?.sequence === b?.sequence;

/** The Replication Manager's view of "locked from another host — take control?" (SPEC.md, Replication Manager). */
export const useScenarioLock = create<ScenarioLockState>((set, get) => {
  const takenJobId = (scenarioId: string): number | undefined => {
    const taken = get().takenFrom;
    return taken?.scenarioId === scenarioId ? taken.jobId : undefined;
  };
  /** Reads the lock for the opening; an answer for an earlier opening is dropped. */
  const read = async (opening: Opening): Promise<void> => {
    const result = await api.invoke('scenario.lock', { id: opening.scenarioId });
    const state = get();
    if (!result.ok || state.opening?.scenarioId !== opening.scenarioId) return;
    const lock = result.value;
    const ask = shouldAsk(lock, opening, state.settled, takenJobId(opening.scenarioId)) && sameOpening(state.opening, opening);
    const released = !lock.locked || lock.jobId !== takenJobId(opening.scenarioId);
    set({
      lock,
      settled: sameOpening(state.opening, opening) ? opening : state.settled,
      asking: lock.locked && (ask || state.asking),
      ...(released && state.takenFrom?.scenarioId === opening.scenarioId ? { takenFrom: undefined } : {}),
    });
  };
  return {
    opening: undefined,
    lock: undefined,
    settled: undefined,
    asking: false,
    takenFrom: undefined,
    busy: false,
    error: undefined,
    async open(opening) {
      const previous = get().opening;
      if (!sameOpening(previous, opening)) {
        const otherScenario = previous?.scenarioId !== opening.scenarioId;
        set({ opening, asking: false, error: undefined, ...(otherScenario ? { lock: undefined } : {}) });
      }
      await read(opening);
    },
    async poll() {
      const opening = get().opening;
      if (opening) await read(opening);
    },
    async takeControl() {
      const { opening, lock } = get();
      if (!opening || !lock?.locked) return;
      set({ busy: true, error: undefined });
      const result = await api.invoke('scenario.take-control', { id: opening.scenarioId });
      if (!result.ok) return set({ busy: false, error: result.error });
      set({ busy: false, asking: false, takenFrom: { scenarioId: opening.scenarioId, jobId: lock.jobId } });
      await get().poll();
    },
    cancel() {
      set({ asking: false, error: undefined });
    },
    ask() {
      if (get().lock?.locked) set({ asking: true, error: undefined });
    },
  };
});

/** The lock of the scenario the window shows (free until its lock was read). */
export function lockViewOf(state: Pick<ScenarioLockState, 'lock' | 'opening' | 'takenFrom'>, scenarioId: string | undefined): LockView {
  if (scenarioId === undefined || state.opening?.scenarioId !== scenarioId) return { kind: 'free' };
  return lockView(state.lock, state.takenFrom?.scenarioId === scenarioId ? state.takenFrom.jobId : undefined);
}

/** Asks about the lock each time a scenario is opened, then every 2 s while it stays selected and the page is visible. */
export function useScenarioLockWatch(scenarioId: string | undefined, sequence: number): void {
  useEffect(() => {
    if (scenarioId === undefined) return;
    const { open, poll } = useScenarioLock.getState();
    void open({ scenarioId, sequence });
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void poll();
    }, LOCK_POLL_MS);
    return () => clearInterval(timer);
  }, [scenarioId, sequence]);
}
