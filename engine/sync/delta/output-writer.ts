import type { FileHandle } from 'node:fs/promises';
import { readFully, writeFully } from './file-io';
import { yieldAfter } from './yield';

const WRITE_CHUNK = 4 * 1024 * 1024;

/**
 * Sequential output through two 4 MiB buffers: while one is being written, basis reads and
 * literals fill the other, so reading and writing overlap on libuv's thread pool. Basis
 * bytes are read straight into the buffer (no intermediate copy).
 */
export class OutputWriter {
  private active = new Uint8Array(WRITE_CHUNK);
  private other = new Uint8Array(WRITE_CHUNK);
  private fill = 0;
  private position = 0;
  private inflight: Promise<void> | undefined;

  constructor(private readonly file: FileHandle) {}

  get written(): number {
    return this.position + this.fill;
  }

  async write(data: Uint8Array): Promise<void> {
    for (let done = 0; done < data.length; ) {
      const n = Math.min(WRITE_CHUNK - this.fill, data.length - done);
      this.active.set(data.subarray(done, done + n), this.fill);
      this.fill += n;
      done += n;
      if (this.fill === WRITE_CHUNK) await this.flush();
    }
  }

  async copyFrom(source: FileHandle, sourcePath: string, offset: number, length: number): Promise<void> {
    for (let done = 0; done < length; ) {
      const n = Math.min(WRITE_CHUNK - this.fill, length - done);
      await readFully(source, sourcePath, this.active, this.fill, n, offset + done);
      this.fill += n;
      done += n;
      if (this.fill === WRITE_CHUNK) await this.flush();
    }
  }

  /** Leaves `length` bytes of the file as they are (place operations wrote them). */
  async skip(length: number): Promise<void> {
    await this.flush();
    this.position += length;
  }

  async finish(): Promise<void> {
    await this.flush();
    await this.settle();
  }

  /** Waits for the write in flight (if any); used before closing the file, also after a failure. */
  async settle(): Promise<void> {
    const pending = this.inflight;
    this.inflight = undefined;
    if (pending) await pending;
  }

  private async flush(): Promise<void> {
    if (this.fill === 0) return;
    await this.settle(); // `other` is still being written: wait before reusing it
    const writing = writeFully(this.file, this.active, this.fill, this.position);
    writing.catch(() => undefined); // surfaced by the next settle(); not an unhandled rejection meanwhile
    this.inflight = writing;
    this.position += this.fill;
    this.fill = 0;
    const full = this.active;
    this.active = this.other;
    this.other = full;
    await yieldAfter(full.length);
  }
}
