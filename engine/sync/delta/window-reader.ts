import type { FileHandle } from 'node:fs/promises';
import { readFully } from './file-io';
import { yieldAfter } from './yield';

/** Reads are this large where the range allows: few system calls, and the next one overlaps the hashing. */
export const READ_CHUNK = 4 * 1024 * 1024;

/**
 * A sliding window over [start, end) of a file, for the Master's scan: `ensure(pos, len)`
 * makes bytes [pos, pos+len) readable in `bytes` at index pos - `base`, and may forget
 * everything before pos. Memory is two buffers of (reserve + chunk). While the scan works on
 * one buffer, the next chunk is already being read into the other (the read runs on libuv's
 * thread pool, the hashing on this thread, so both cores work); on refill only the unconsumed
 * tail (< reserve bytes) is copied in front of the prefetched chunk.
 */
export class WindowReader {
  bytes: Uint8Array;
  /** File position of bytes[0]; positions map to indices as pos - base. */
  base: number;
  /** File position just past the last valid byte. */
  limit: number;
  private first: number;
  private spare: Uint8Array;
  private readonly chunk: number;
  private prefetch: Promise<number> | undefined;

  constructor(
    private readonly file: FileHandle,
    private readonly path: string,
    start: number,
    readonly end: number,
    private readonly reserve: number,
  ) {
    // A short range (a refinement round scans many) needs no 4 MiB buffers.
    this.chunk = Math.max(reserve, Math.min(READ_CHUNK, end - start));
    // Not zero-filled: only bytes below `limit` are ever read, and those were read from the file.
    this.bytes = Buffer.allocUnsafe(reserve + this.chunk);
    this.spare = Buffer.allocUnsafe(reserve + this.chunk);
    this.base = start - reserve;
    this.first = start;
    this.limit = start;
  }

  /** Whether [pos, min(pos + length, end)) is readable now, without waiting. */
  has(pos: number, length: number): boolean {
    return pos >= this.first && this.limit >= Math.min(pos + length, this.end);
  }

  /** Makes [pos, min(pos + length, end)) readable; `length` must not exceed the reserve. */
  async ensure(pos: number, length: number): Promise<void> {
    if (length > this.reserve) throw new RangeError(`window of ${length} bytes exceeds the reserve of ${this.reserve}`);
    while (!this.has(pos, length)) await this.refill(pos);
  }

  /** Waits for a read still in flight, so the handle can be closed. */
  async settle(): Promise<void> {
    const pending = this.prefetch;
    this.prefetch = undefined;
    if (pending) await pending.catch(() => 0);
  }

  private async refill(pos: number): Promise<void> {
    const keep = pos >= this.first && pos < this.limit ? this.limit - pos : 0;
    const from = keep > 0 ? this.limit : pos;
    let got: number;
    if (this.prefetch && from === this.limit) {
      got = await this.prefetch;
    } else {
      await this.settle(); // a stale prefetch still targets `spare`: let it land before reusing the buffer
      got = await this.read(this.spare, from);
    }
    this.prefetch = undefined;
    if (keep > 0) this.spare.set(this.bytes.subarray(pos - this.base, this.limit - this.base), this.reserve - keep);
    const previous = this.bytes;
    this.bytes = this.spare;
    this.spare = previous;
    this.base = pos - (this.reserve - keep);
    this.first = pos;
    this.limit = from + got;
    if (this.limit < this.end) {
      const next = this.read(this.spare, this.limit);
      next.catch(() => undefined); // observed when awaited; without this a failed read would be an unhandled rejection
      this.prefetch = next;
    }
    // The prefetched read may already have completed, making the awaits above microtasks only.
    await yieldAfter(got);
  }

  /** Reads the chunk at `from` into buffer[reserve…]. */
  private async read(buffer: Uint8Array, from: number): Promise<number> {
    const wanted = Math.min(this.chunk, this.end - from);
    await readFully(this.file, this.path, buffer, this.reserve, wanted, from);
    return wanted;
  }
}
