import type { FileHandle } from 'node:fs/promises';
import { readFully, writeFully } from './file-io';
import { yieldAfter } from './yield';

const CHUNK = 4 * 1024 * 1024;

/**
 * Copies basis ranges to arbitrary output positions (place operations), reading the next
 * chunk while the previous one is being written: two 4 MiB buffers, whatever the range.
 */
export class PlaceWriter {
  private readonly buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)] as const;
  private writing: Array<Promise<void> | undefined> = [undefined, undefined];
  private turn = 0;

  constructor(
    private readonly basis: FileHandle,
    private readonly basisPath: string,
    private readonly out: FileHandle,
  ) {}

  async copy(at: number, offset: number, length: number): Promise<void> {
    for (let done = 0; done < length; ) {
      const n = Math.min(CHUNK, length - done);
      const slot = this.turn % 2;
      const buffer = this.buffers[slot] ?? this.buffers[0];
      await this.writing[slot]; // this buffer's previous write must be done before it is refilled
      await readFully(this.basis, this.basisPath, buffer, 0, n, offset + done);
      const write = writeFully(this.out, buffer, n, at + done);
      write.catch(() => undefined); // surfaced by the next await of this slot, or by settle()
      this.writing[slot] = write;
      this.turn += 1;
      done += n;
      await yieldAfter(n);
    }
  }

  /** Waits for the writes in flight; the first failure is thrown. */
  async settle(): Promise<void> {
    const pending = this.writing;
    this.writing = [undefined, undefined];
    await Promise.all(pending);
  }
}
