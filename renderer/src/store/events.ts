import { create } from 'zustand';
import type { EngineEvent, ErrorInfo } from '../../../electron/api/contract';
import { api } from '../api/api';

/** How many of the newest events the Events pane holds; older ones stay in the catalog. */
export const EVENTS_KEPT = 100_000;
const INITIAL_LOAD = 5_000;

interface EventsState {
  /** Newest first. */
  events: EngineEvent[];
  loadError: ErrorInfo | undefined;
  load(): Promise<void>;
  add(event: EngineEvent): void;
}

export const useEvents = create<EventsState>((set, get) => ({
  events: [],
  loadError: undefined,
  async load() {
    const result = await api.invoke('events.list', { limit: INITIAL_LOAD });
    if (result.ok) set({ events: result.value, loadError: undefined });
    else set({ loadError: result.error });
  },
  add(event) {
    const events = get().events;
    if (events[0] !== undefined && events[0].id >= event.id) return;
    set({ events: [event, ...events].slice(0, EVENTS_KEPT) });
  },
}));
