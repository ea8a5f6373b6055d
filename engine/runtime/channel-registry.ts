import type { Connection } from '../transport/connection';

export type ChannelHandler = (body: unknown) => Promise<unknown> | unknown;
export type Channels = Record<string, ChannelHandler>;

/** Registers every channel of a table on a connection. */
export function registerChannels(connection: Connection, channels: Channels): void {
  for (const [name, handler] of Object.entries(channels)) connection.handle(name, handler);
}
