import type { WebSocket } from 'ws';
import { WireRequestSchema } from '../api/contract';
import type { Dispatch, StreamSink } from '../api/handlers';

export const MAX_MESSAGE_BYTES = 1024 * 1024;
/** RFC 6455 "policy violation": the client sent something that is not a contract request. */
const CLOSE_MALFORMED = 1008;

export type SubscribeStreams = (sink: StreamSink) => () => void;

/** Serves the contract on one authenticated WebSocket: requests in, replies and stream events out. */
export function serveContract(socket: WebSocket, dispatch: Dispatch, subscribe: SubscribeStreams): void {
  const unsubscribe = subscribe((stream, payload) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ stream, payload }));
  });
  socket.on('close', unsubscribe);
  socket.on('message', (data, isBinary) => {
    let envelope: unknown;
    try {
      envelope = isBinary ? undefined : JSON.parse(data.toString());
    } catch {
      envelope = undefined;
    }
    const parsed = WireRequestSchema.safeParse(envelope);
    if (!parsed.success) {
      socket.close(CLOSE_MALFORMED, 'malformed request');
      return;
    }
    const { id, channel, request } = parsed.data;
    void dispatch(channel, request).then((result) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ id, result }));
    });
  });
}
