import { decode, encode } from '@msgpack/msgpack';
import { EventEmitter } from 'node:events';
import { ZodError } from 'zod';
import type { Duplex } from 'node:stream';
import type { ErrorInfo } from '../messages/error-info';
import { UserError, toErrorInfo } from '../messages/user-error';
import { DEFAULT_MAX_FRAME_BYTES, FrameDecoder, encodeFrame } from './frame-codec';
import { WireMessageSchema, type WireMessage } from './messages';

export type RequestHandler = (body: unknown) => Promise<unknown> | unknown;

/** A reply that carried an error: the peer's ErrorInfo, kept whole so it can be shown as is. */
export class RemoteError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
    this.name = 'RemoteError';
  }
}

interface Pending {
  resolve(body: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export interface ConnectionOptions {
  maxFrameBytes?: number;
  requestTimeoutMs?: number;
}

/**
 * One framed, msgpack-encoded, schema-checked message stream over a socket, with
 * id-correlated requests in both directions. A malformed frame closes the connection with
 * E1202 ('protocol-error' event) — never the process.
 */
export class Connection extends EventEmitter {
  private readonly decoder: FrameDecoder;
  private readonly pending = new Map<number, Pending>();
  private readonly handlers = new Map<string, RequestHandler>();
  private nextId = 0;
  private closed = false;
  readonly requestTimeoutMs: number;

  constructor(
    readonly socket: Duplex,
    private readonly options: ConnectionOptions = {},
  ) {
    super();
    this.decoder = new FrameDecoder(options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES);
    this.requestTimeoutMs = options.requestTimeoutMs ?? 180_000;
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('close', () => this.finish(new UserError('E1204', 'the connection closed')));
    socket.on('error', (error: Error) => this.finish(error));
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  send(message: WireMessage): boolean {
    if (this.closed) return false;
    return this.socket.write(encodeFrame(encode(message), this.options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES));
  }

  /** Resolves once the socket's buffer has room again (backpressure for bulk senders). */
  async drained(): Promise<void> {
    if (this.closed || !this.socket.writableNeedDrain) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        this.socket.off('drain', done);
        this.socket.off('close', done);
        resolve();
      };
      this.socket.once('drain', done);
      this.socket.once('close', done);
    });
  }

  request(channel: string, body: unknown, timeoutMs = this.requestTimeoutMs): Promise<unknown> {
    if (this.closed) return Promise.reject(new UserError('E1204', 'the connection is closed'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no reply to ${channel} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.send({ t: 'req', id, ch: channel, body });
    });
  }

  handle(channel: string, handler: RequestHandler): void {
    this.handlers.set(channel, handler);
  }

  close(error?: ErrorInfo): void {
    if (this.closed) return;
    if (error) this.send({ t: 'error', error });
    this.socket.end();
    setTimeout(() => this.socket.destroy(), 1000).unref();
    this.finish(error ? new RemoteError(error) : new UserError('E1204', 'the connection was closed'));
  }

  private receive(chunk: Buffer): void {
    if (this.closed) return;
    let frames: Buffer[];
    try {
      frames = this.decoder.push(chunk);
    } catch (error) {
      this.protocolError(error);
      return;
    }
    for (const frame of frames) {
      let message: WireMessage;
      try {
        message = WireMessageSchema.parse(decode(frame));
      } catch (error) {
        this.protocolError(error);
        return;
      }
      this.dispatch(message);
      if (this.closed) return;
    }
  }

  private dispatch(message: WireMessage): void {
    switch (message.t) {
      case 'req':
        void this.answer(message.id, message.ch, message.body);
        return;
      case 'res': {
        const pending = this.pending.get(message.id);
        if (!pending) return;
        this.pending.delete(message.id);
        clearTimeout(pending.timer);
        if (message.ok) pending.resolve(message.body);
        else pending.reject(new RemoteError(message.error));
        return;
      }
      case 'ping':
        this.send({ t: 'pong' });
        return;
      case 'error':
        this.emit('remote-error', message.error);
        this.finish(new RemoteError(message.error));
        this.socket.destroy();
        return;
      default:
        this.emit('message', message);
    }
  }

  private async answer(id: number, channel: string, body: unknown): Promise<void> {
    const handler = this.handlers.get(channel);
    if (!handler) {
      this.send({ t: 'res', id, ok: false, error: new UserError('E1206', `no channel "${channel}"`).toInfo() });
      return;
    }
    try {
      this.send({ t: 'res', id, ok: true, body: await handler(body) });
    } catch (error) {
      if (error instanceof ZodError) {
        const detail = error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; ');
        this.send({ t: 'res', id, ok: false, error: new UserError('E1003', `${channel}: ${detail}`.slice(0, 500)).toInfo() });
        return;
      }
      if (!(error instanceof UserError)) this.emit('handler-error', error, channel);
      this.send({ t: 'res', id, ok: false, error: toErrorInfo(error) });
    }
  }

  private protocolError(error: unknown): void {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const info = new UserError('E1202', detail).toInfo();
    this.emit('protocol-error', info);
    this.close(info);
  }

  private finish(error: Error): void {
    if (this.closed) return;
    this.closed = true;
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.pending.clear();
    this.emit('closed', error);
  }
}
