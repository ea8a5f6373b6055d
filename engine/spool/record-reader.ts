import type { FileHandle } from 'node:fs/promises';
import { SpoolCorruptError, type RecordProblem } from './errors';
import { crcMatches, decodeHeader, HEADER_BYTES, MAX_PAYLOAD_BYTES, type RecordHeader } from './record-codec';

/** Where a record starts in a segment file. */
export interface RecordPosition {
  readonly seq: number;
  readonly offset: number;
}

export interface SpooledRecord {
  seq: number;
  appendedAtMs: number;
  payload: Uint8Array;
}

/** How much more a read() may return; `atLeastOne` lets a single oversized record through. */
export interface ReadBudget {
  readonly records: number;
  readonly bytes: number;
  readonly atLeastOne: boolean;
}

const SEEK_CHUNK = 64 * 1024;
const FIRST_READ_CHUNK = 256 * 1024;
const MAX_CHUNK = 4 * 1024 * 1024;

/**
 * Sequential access to the durable part of one segment file (bytes below `end`, which
 * nothing rewrites). Reads in chunks so walking many small records costs few syscalls, and
 * checks every header's seq and length on the way: durable bytes that do not parse are
 * damage, reported as SpoolCorruptError, never returned.
 */
export class SegmentReader {
  private chunk: Buffer = Buffer.alloc(0);
  private chunkStart = 0;

  constructor(
    private readonly handle: FileHandle,
    private readonly file: string,
    private readonly end: number,
  ) {}

  /** The position and header of `targetSeq`, walking headers from `start`; undefined past the end. */
  async seek(start: RecordPosition, targetSeq: number): Promise<{ at: RecordPosition; header: RecordHeader } | undefined> {
    let at = start;
    let chunkSize = SEEK_CHUNK;
    while (at.offset + HEADER_BYTES <= this.end) {
      const header = await this.header(at, chunkSize);
      if (at.seq === targetSeq) return { at, header };
      // Past a payload larger than a chunk, read just the next header rather than a chunk of payload.
      chunkSize = header.payloadBytes >= SEEK_CHUNK ? HEADER_BYTES : SEEK_CHUNK;
      at = { seq: at.seq + 1, offset: at.offset + HEADER_BYTES + header.payloadBytes };
    }
    return undefined;
  }

  /** Records from `start` within `budget` and up to `lastSeq`, each verified by its CRC. */
  async read(start: RecordPosition, budget: ReadBudget, lastSeq: number): Promise<{ records: SpooledRecord[]; next: RecordPosition }> {
    const records: SpooledRecord[] = [];
    let bytes = 0;
    let at = start;
    // Chunks start small and double, so a read capped by maxRecords does not pull in maxBytes.
    let cap = FIRST_READ_CHUNK;
    while (records.length < budget.records && at.seq <= lastSeq && at.offset + HEADER_BYTES <= this.end) {
      const chunkSize = Math.max(SEEK_CHUNK, Math.min(cap, budget.bytes - bytes + HEADER_BYTES));
      const loaded = this.chunk;
      const header = await this.header(at, chunkSize);
      const fitsBudget = bytes + header.payloadBytes <= budget.bytes;
      if (!fitsBudget && !(budget.atLeastOne && records.length === 0)) break;
      await this.load(at.offset, HEADER_BYTES + header.payloadBytes, chunkSize);
      if (this.chunk !== loaded) cap = Math.min(MAX_CHUNK, cap * 2);
      const local = at.offset - this.chunkStart;
      if (!crcMatches(this.chunk, local, header)) throw new SpoolCorruptError(this.file, at.offset, 'bad-crc');
      const payloadStart = this.chunk.byteOffset + local + HEADER_BYTES;
      // A view, not a copy: the chunk was sized for this read, so it holds nothing else.
      records.push({ seq: header.seq, appendedAtMs: header.appendedAtMs, payload: new Uint8Array(this.chunk.buffer, payloadStart, header.payloadBytes) });
      bytes += header.payloadBytes;
      at = { seq: at.seq + 1, offset: at.offset + HEADER_BYTES + header.payloadBytes };
    }
    return { records, next: at };
  }

  /**
   * Walks and CRC-checks every record from `start` to the end without keeping any payload,
   * stopping at the first one that does not check out (used on the tail at open).
   */
  async verify(start: RecordPosition): Promise<{ next: RecordPosition; damage?: { offset: number; problem: RecordProblem } }> {
    let at = start;
    try {
      while (at.offset + HEADER_BYTES <= this.end) {
        const header = await this.header(at, MAX_CHUNK);
        await this.load(at.offset, HEADER_BYTES + header.payloadBytes, MAX_CHUNK);
        if (!crcMatches(this.chunk, at.offset - this.chunkStart, header)) throw new SpoolCorruptError(this.file, at.offset, 'bad-crc');
        at = { seq: at.seq + 1, offset: at.offset + HEADER_BYTES + header.payloadBytes };
      }
    } catch (error) {
      if (!(error instanceof SpoolCorruptError) || error.problem === 'unreadable-ack-file') throw error;
      return { next: at, damage: { offset: at.offset, problem: error.problem } };
    }
    return at.offset < this.end ? { next: at, damage: { offset: at.offset, problem: 'torn-header' } } : { next: at };
  }

  private async header(at: RecordPosition, chunkSize: number): Promise<RecordHeader> {
    await this.load(at.offset, HEADER_BYTES, chunkSize);
    const header = decodeHeader(this.chunk, at.offset - this.chunkStart);
    if (header.seq !== at.seq) throw new SpoolCorruptError(this.file, at.offset, 'bad-seq');
    if (header.payloadBytes > MAX_PAYLOAD_BYTES) throw new SpoolCorruptError(this.file, at.offset, 'bad-length');
    if (at.offset + HEADER_BYTES + header.payloadBytes > this.end) throw new SpoolCorruptError(this.file, at.offset, 'torn-payload');
    return header;
  }

  /** Makes bytes [offset, offset+length) available in the chunk, reading a new one when needed. */
  private async load(offset: number, length: number, chunkSize: number): Promise<void> {
    const local = offset - this.chunkStart;
    if (local >= 0 && local + length <= this.chunk.byteLength) return;
    const size = Math.min(Math.max(length, chunkSize), this.end - offset);
    // Not pooled: payload views returned to the caller must not pin a shared slab.
    const chunk = Buffer.allocUnsafeSlow(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await this.handle.read(chunk, filled, size - filled, offset + filled);
      if (bytesRead === 0) throw new SpoolCorruptError(this.file, offset + filled, 'torn-payload');
      filled += bytesRead;
    }
    this.chunk = chunk;
    this.chunkStart = offset;
  }
}
