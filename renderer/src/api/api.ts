import type { UnderstudyApi } from '../../../electron/api/contract';
import { createWebSocketApi, type ConnectionState } from './websocket-client';

type StateListener = (state: ConnectionState) => void;
const stateListeners = new Set<StateListener>();
let currentState: ConnectionState = window.understudy ? 'open' : 'connecting';

function setState(state: ConnectionState): void {
  currentState = state;
  for (const listener of stateListeners) listener(state);
}

/** The one door to the engine: Electron's preload API when present, else the console host's WebSocket. */
export const api: UnderstudyApi =
  window.understudy ?? createWebSocketApi(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api`, setState);

export function connectionState(): ConnectionState {
  return currentState;
}

export function onConnectionState(listener: StateListener): () => void {
  stateListeners.add(listener);
  return () => {
    stateListeners.delete(listener);
  };
}
