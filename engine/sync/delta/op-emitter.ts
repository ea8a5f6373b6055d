import type { FileHandle } from 'node:fs/promises';
import type { DeltaStats, EmitOp } from './delta-op';
import { readFully } from './file-io';
import { UNMATCHED } from './segments';
import type { SegmentSink } from './scanner';

/** Literal data goes out in pieces of at most this size, so neither side holds a large literal. */
export const LITERAL_PIECE = 1024 * 1024;

/**
 * Turns segments (in new-file order) into delta operations: copies that continue each other in
 * the basis are merged before they are emitted, unmatched bytes are read back from the new
 * file (still in the page cache: the scan just read them) and sent as literal pieces. Awaits
 * `emit`, so a slow consumer holds the producer back instead of queueing data in memory.
 */
export class OpEmitter implements SegmentSink {
  readonly stats: DeltaStats = { literalBytes: 0, copiedBytes: 0, ops: 0, newSize: 0 };
  private copyOffset = -1;
  private copyLength = 0;

  constructor(
    private readonly file: FileHandle,
    private readonly path: string,
    private readonly emit: EmitOp,
  ) {}

  async add(newStart: number, length: number, basisOffset: number): Promise<void> {
    if (length <= 0) return;
    if (newStart !== this.stats.newSize) throw new RangeError(`segment at ${newStart} does not follow the previous one (ends at ${this.stats.newSize})`);
    this.stats.newSize += length;
    if (basisOffset !== UNMATCHED) {
      if (this.copyLength > 0 && this.copyOffset + this.copyLength === basisOffset) {
        this.copyLength += length;
        return;
      }
      await this.flushCopy();
      this.copyOffset = basisOffset;
      this.copyLength = length;
      return;
    }
    await this.flushCopy();
    for (let done = 0; done < length; ) {
      const piece = Math.min(LITERAL_PIECE, length - done);
      const data = new Uint8Array(piece);
      await readFully(this.file, this.path, data, 0, piece, newStart + done);
      this.stats.literalBytes += piece;
      this.stats.ops += 1;
      await this.emit({ kind: 'literal', data });
      done += piece;
    }
  }

  async finish(): Promise<DeltaStats> {
    await this.flushCopy();
    return this.stats;
  }

  private async flushCopy(): Promise<void> {
    if (this.copyLength === 0) return;
    const op = { kind: 'copy', offset: this.copyOffset, length: this.copyLength } as const;
    this.stats.copiedBytes += this.copyLength;
    this.stats.ops += 1;
    this.copyLength = 0;
    await this.emit(op);
  }
}
