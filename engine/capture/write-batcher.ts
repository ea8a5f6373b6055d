import { MAX_RECORD_DATA_BYTES, type ByteRange, type ChangeRecord } from '../replication/change-record';

/** Where the records go and the file state every record of one diff carries. */
export interface WriteTarget {
  root: number;
  path: string;
  size: number;
  mtimeMs: number;
  mode: number;
}

/** How many ranges one record may hold (the ChangeRecord schema's limit). */
const MAX_RANGES = 4096;

/**
 * Gathers changed byte ranges and hands them out as 'write' records of at most
 * MAX_RECORD_DATA_BYTES each. Adjacent pieces merge into one range, so a run of changed
 * blocks travels as one range. Every record carries the final size, mtime and mode: the
 * Replica may apply them one by one and is consistent (if not yet complete) after each.
 */
export class WriteBatcher {
  private ranges: { offset: number; parts: Uint8Array<ArrayBuffer>[]; length: number }[] = [];
  private pendingBytes = 0;
  private emitted = 0;

  constructor(
    private readonly target: WriteTarget,
    private readonly emit: (record: ChangeRecord) => Promise<void>,
  ) {}

  /** Adds bytes found at `offset`. The batcher keeps `data`: pass a buffer nobody reuses. */
  async add(offset: number, data: Uint8Array<ArrayBuffer>): Promise<void> {
    for (let done = 0; done < data.byteLength; ) {
      if (this.pendingBytes === MAX_RECORD_DATA_BYTES || this.ranges.length === MAX_RANGES) await this.flush();
      const piece = data.subarray(done, done + (MAX_RECORD_DATA_BYTES - this.pendingBytes));
      const last = this.ranges.at(-1);
      if (last && last.offset + last.length === offset + done) {
        last.parts.push(piece);
        last.length += piece.byteLength;
      } else {
        this.ranges.push({ offset: offset + done, parts: [piece], length: piece.byteLength });
      }
      this.pendingBytes += piece.byteLength;
      done += piece.byteLength;
    }
  }

  /** Emits what is left; returns how many records this batcher emitted in total. */
  async finish(): Promise<number> {
    if (this.ranges.length > 0) await this.flush();
    return this.emitted;
  }

  private async flush(): Promise<void> {
    const ranges: ByteRange[] = this.ranges.map(({ offset, parts }) => ({
      offset,
      data: parts.length === 1 && parts[0] ? parts[0] : Buffer.concat(parts),
    }));
    this.ranges = [];
    this.pendingBytes = 0;
    const { root, path, size, mtimeMs, mode } = this.target;
    this.emitted += 1;
    await this.emit({ op: 'write', root, path, ranges, size, mtimeMs, mode });
  }
}
