import type { ErrorInfo, Result, Stream, UnderstudyApi } from '../../../electron/api/contract';

export type ConnectionState = 'connecting' | 'open' | 'lost';

const CONNECTION_LOST: ErrorInfo = {
  code: 'E1006',
  module: 'Manager connection',
  message: 'The connection to the console host was lost',
  reason: 'The console host stopped, restarted, or the page lost its session.',
  action: 'Restart the console host if it stopped; the page reconnects by itself. Retry the operation afterwards.',
};

const RECONNECT_DELAYS_MS = [250, 500, 1000, 2000, 5000];

interface Pending {
  resolve: (result: Result<unknown>) => void;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The contract over the console host's WebSocket. Requests made while disconnected wait
 * for the connection; requests in flight when it drops resolve with E1006. The server
 * validates everything; the client only routes replies by id and events by stream.
 */
export function createWebSocketApi(url: string, onState: (state: ConnectionState) => void): UnderstudyApi {
  const pending = new Map<number, Pending>();
  const waiting: string[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let socket: WebSocket | undefined;
  let nextId = 1;
  let attempt = 0;

  const connect = (): void => {
    onState('connecting');
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      onState('open');
      for (const message of waiting.splice(0)) ws.send(message);
    };
    ws.onmessage = (event: MessageEvent<string>) => {
      const message = parseObject(event.data);
      if (!message) return;
      if (typeof message.id === 'number') {
        pending.get(message.id)?.resolve(message.result as Result<unknown>);
        pending.delete(message.id);
      } else if (typeof message.stream === 'string') {
        for (const listener of listeners.get(message.stream) ?? []) listener(message.payload);
      }
    };
    ws.onclose = () => {
      for (const { resolve } of pending.values()) resolve({ ok: false, error: CONNECTION_LOST });
      pending.clear();
      onState('lost');
      const delay = RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)];
      attempt += 1;
      setTimeout(connect, delay);
    };
  };
  connect();

  return {
    invoke: (channel, request) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, { resolve: resolve as Pending['resolve'] });
        const message = JSON.stringify({ id, channel, request });
        if (socket?.readyState === WebSocket.OPEN) socket.send(message);
        else waiting.push(message);
      }),
    subscribe: (stream: Stream, listener) => {
      const set = listeners.get(stream) ?? new Set();
      listeners.set(stream, set);
      const untyped = listener as (payload: unknown) => void;
      set.add(untyped);
      return () => {
        set.delete(untyped);
      };
    },
  };
}
