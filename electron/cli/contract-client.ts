import WebSocket from 'ws';
import { WireReplySchema, type Channel, type ChannelRequest, type ChannelResponse, type Result } from '../api/contract';

/** The contract over the console host's WebSocket, for Node tools: one connection, requests by id. */
export class ContractClient {
  private nextId = 1;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const parsed = WireReplySchema.safeParse(JSON.parse(data.toString()));
      if (!parsed.success) return;
      this.pending.get(parsed.data.id)?.(parsed.data.result as Result<unknown>);
      this.pending.delete(parsed.data.id);
    });
    socket.on('close', () => {
      for (const resolve of this.pending.values()) {
        resolve({ ok: false, error: { code: 'E1006', module: 'Manager connection', message: 'The console host closed the connection', reason: 'It stopped or restarted.', action: 'Start it again and retry.' } });
      }
      this.pending.clear();
    });
  }

  static connect(port: number, token: string): Promise<ContractClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`ws://127.0.0.1:${port}/api`, { headers: { Authorization: `Bearer ${token}` } });
      socket.once('open', () => resolve(new ContractClient(socket)));
      socket.once('error', reject);
      socket.once('unexpected-response', (_request, response) => reject(new Error(`the console host answered HTTP ${response.statusCode}`)));
    });
  }

  invoke<C extends Channel>(channel: C, request: ChannelRequest<C>): Promise<Result<ChannelResponse<C>>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (result: Result<unknown>) => void);
      this.socket.send(JSON.stringify({ id, channel, request }));
    });
  }

  close(): void {
    this.socket.close();
  }
}
