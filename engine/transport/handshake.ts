import { UserError } from '../messages/user-error';
import type { Connection } from './connection';
import type { WireMessage } from './messages';

/** Waits for the next non-request message, or fails after `timeoutMs` / when the connection closes. */
export function nextMessage(connection: Connection, timeoutMs: number): Promise<WireMessage> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      clearTimeout(timer);
      connection.off('message', onMessage);
      connection.off('closed', onClosed);
    };
    const onMessage = (message: WireMessage): void => {
      cleanup();
      resolve(message);
    };
    const onClosed = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new UserError('E1202', `no handshake message within ${timeoutMs} ms`));
    }, timeoutMs);
    connection.on('message', onMessage);
    connection.on('closed', onClosed);
  });
}
