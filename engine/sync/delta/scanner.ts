import type { FileHandle } from 'node:fs/promises';
import { BlockTable } from './block-table';
import { CRC_TABLE, crc32, crcOutTable } from './crc32';
import { FINGERPRINT_WORDS, Fingerprinter } from './fingerprint';
import { type Signature, entryAt, entryLength, entryOffset, nextEntry } from './signature';
import { WindowReader } from './window-reader';
import { yieldToEventLoop } from './yield';

/** Receives the scan's findings in new-file order: a copy (basisOffset ≥ 0) or unmatched bytes (-1). */
export interface SegmentSink {
  add(newStart: number, length: number, basisOffset: number): void | Promise<void>;
}

/** Positions rolled between two yields to the event loop (~5 ms of work). */
const ROLL_SLICE = 1024 * 1024;

/** Blocks tried at their unshifted places after the expected one fails, before rolling. */
const SKIP_AHEAD = 3;

interface Found {
  at: number;
  entry: number;
}

/**
 * Finds the Replica's blocks in a range of the Master's file (one range at a time per
 * Scanner: the rolling state lives in fields), in three steps per position,
 * cheapest first:
 * 1. Expected block: after a match at p, the next basis block is usually next in the new
 *    file too (rsync's rule). One fingerprint, no weak hash: the in-sync path of a 1 GiB file
 *    is 16,384 GMACs and nothing else.
 * 2. Skip-ahead: when the expected block fails, an in-place change usually leaves the blocks
 *    after it in place, so try the next SKIP_AHEAD blocks at their unshifted places before
 *    rolling. Scattered edits then cost a few fingerprints each and no byte-by-byte work.
 * 3. Rolling: otherwise roll the CRC one byte at a time and look every position up in the weak
 *    table, confirming hits by fingerprint: this finds blocks shifted by insertions and
 *    deletions. It is the only per-byte JavaScript loop (~5 ns/byte), and it stops at the
 *    first match, after which step 1 takes over again.
 */
export class Scanner {
  private readonly table: BlockTable;
  private readonly fingerprinter: Fingerprinter;
  private readonly outTable: Int32Array;
  private readonly candidate = new Uint32Array(FINGERPRINT_WORDS);
  /** The basis's last block when it is shorter than the others (rolling cannot find it), or -1. */
  private readonly shortEntry: number;

  constructor(private readonly signature: Signature) {
    this.table = new BlockTable(signature);
    this.fingerprinter = new Fingerprinter(signature.key, signature.blockSize);
    this.outTable = crcOutTable(signature.blockSize);
    const last = signature.blocks.length - 1;
    this.shortEntry = last >= 0 && entryLength(signature, last) < signature.blockSize ? last : -1;
  }

  /** Scans [start, end) of the open file; `hint` is the basis offset expected at `start` (or -1). */
  async scan(file: FileHandle, path: string, start: number, end: number, hint: number, sink: SegmentSink): Promise<void> {
    const { signature } = this;
    const reader = new WindowReader(file, path, start, end, (SKIP_AHEAD + 1) * signature.blockSize + 1);
    let pending = start;
    try {
      let p = start;
      let expected = entryAt(signature, hint);
      while (p < end) {
        let found: Found | undefined;
        let first: Found | undefined;
        if (expected >= 0) {
          const span = Math.min(end - p, (SKIP_AHEAD + 1) * signature.blockSize);
          if (!reader.has(p, span)) await reader.ensure(p, span);
          found = this.expectedAt(reader, p, end, expected);
        }
        if (!found) {
          found = await this.roll(reader, p, end);
          if (!found) break;
          first = await this.extendBack(reader, pending, found);
        }
        first ??= found;
        if (first.at > pending) await sink.add(pending, first.at - pending, -1);
        for (let at = first.at, entry = first.entry; at <= found.at; entry += 1) {
          const length = entryLength(signature, entry);
          await sink.add(at, length, entryOffset(signature, entry));
          at += length;
        }
        pending = p = found.at + entryLength(signature, found.entry);
        expected = nextEntry(signature, found.entry);
      }
      if (end > pending) await sink.add(pending, end - pending, -1);
    } finally {
      await reader.settle();
    }
  }

  /**
   * Steps 1 and 2: `expected` at p, else the blocks after it at their unshifted places
   * (an edit that spans two or three blocks still costs no rolling). The window must hold
   * [p, p + (SKIP_AHEAD + 1)·blockSize).
   */
  private expectedAt(reader: WindowReader, p: number, end: number, expected: number): Found | undefined {
    let at = p;
    let entry = expected;
    for (let tries = 0; tries <= SKIP_AHEAD && entry >= 0; tries += 1) {
      const length = entryLength(this.signature, entry);
      if (at + length > end) return undefined;
      if (this.fingerprinter.matches(this.window(reader, at, length), this.signature.strong, entry)) return { at, entry };
      at += length;
      entry = nextEntry(this.signature, entry);
    }
    return undefined;
  }

  /**
   * After rolling found a block, the blocks before it in the basis usually sit right before
   * it in the new file too (the run that a shift moved): a first-round signature carries weak
   * hashes for every 8th block only, so rolling lands on the first of those, and this walks
   * back over the others, down to `pending`. Returns the earliest of the run (entries between
   * it and `found` are consecutive).
   */
  private async extendBack(reader: WindowReader, pending: number, found: Found): Promise<Found> {
    let { at, entry } = found;
    for (let previous = entry - 1; previous >= 0 && nextEntry(this.signature, previous) === entry; previous -= 1) {
      const length = entryLength(this.signature, previous);
      if (at - length < pending) break;
      if (!reader.has(at - length, length)) await reader.ensure(at - length, length);
      if (!this.fingerprinter.matches(this.window(reader, at - length, length), this.signature.strong, previous)) break;
      at -= length;
      entry = previous;
    }
    return { at, entry };
  }

  private window(reader: WindowReader, at: number, length: number): Uint8Array {
    return reader.bytes.subarray(at - reader.base, at - reader.base + length);
  }

  /** The first position ≥ p where a full block of the basis matches, else the short last block at the very end. */
  private async roll(reader: WindowReader, p: number, end: number): Promise<Found | undefined> {
    const size = this.signature.blockSize;
    if (p + size <= end) {
      await reader.ensure(p, size + 1);
      let q = p;
      this.reg = ~crc32(reader.bytes.subarray(q - reader.base, q - reader.base + size));
      const entry = this.lookup(reader.bytes, q - reader.base);
      if (entry >= 0) return { at: q, entry };
      for (;;) {
        // At most ROLL_SLICE positions between yields: rolling runs at ~5 ns/byte, so a 4 MiB chunk would hold the loop ~20 ms.
        q = this.rollBuffered(reader.bytes, reader.base, q, Math.min(end, reader.limit, q + ROLL_SLICE + size) - size);
        if (this.hit >= 0) return { at: q, entry: this.hit };
        if (q + size >= end) break;
        if (reader.has(q, size + 1)) await yieldToEventLoop();
        else await reader.ensure(q, size + 1);
      }
    }
    return this.tail(reader, p, end);
  }

  /** Rolling CRC state between rollBuffered calls (fields, not locals: see rollBuffered). */
  private reg = 0;
  private hit = -1;

  /**
   * Rolls from q while the incoming byte is buffered (q < stop); returns where it stopped,
   * with `hit` set to the matching entry or -1. Synchronous, so its locals can live in
   * registers (an async function keeps locals that span an await in a heap context); the
   * per-byte cost is the CRC's dependency chain plus one probe of the table's L1-sized bitmap.
   */
  private rollBuffered(bytes: Uint8Array, base: number, from: number, stop: number): number {
    const size = this.signature.blockSize;
    const crcTable = CRC_TABLE;
    const outTable = this.outTable;
    const { occupied, mask } = this.table;
    let reg = this.reg;
    let q = from;
    this.hit = -1;
    while (q < stop) {
      reg = (crcTable[(reg ^ (bytes[q + size - base] ?? 0)) & 0xff] ?? 0) ^ (reg >>> 8) ^ (outTable[bytes[q - base] ?? 0] ?? 0);
      q += 1;
      const slot = ~reg & mask;
      if ((occupied[slot >>> 5] ?? 0) & (1 << (slot & 31))) {
        this.reg = reg;
        const entry = this.lookup(bytes, q - base);
        if (entry >= 0) {
          this.hit = entry;
          return q;
        }
      }
    }
    this.reg = reg;
    return q;
  }

  /** The entry matching the window at bytes[index…] (weak hash in `reg`), or -1. */
  private lookup(bytes: Uint8Array, index: number): number {
    const weak = ~this.reg >>> 0;
    const table = this.table;
    let fingerprinted = false;
    for (let candidate = table.first(weak); candidate >= 0; candidate = table.next(candidate)) {
      if (table.weakOf(candidate) !== weak) continue; // most slot hits end here, with no allocation
      if (!fingerprinted) {
        this.fingerprinter.into(bytes.subarray(index, index + this.signature.blockSize), this.candidate, 0);
        fingerprinted = true;
      }
      const strong = this.signature.strong;
      if (strong[candidate * 2] === this.candidate[0] && strong[candidate * 2 + 1] === this.candidate[1]) return candidate;
    }
    return -1;
  }

  private async tail(reader: WindowReader, p: number, end: number): Promise<Found | undefined> {
    if (this.shortEntry < 0) return undefined;
    const length = entryLength(this.signature, this.shortEntry);
    const at = end - length;
    if (at < p) return undefined;
    await reader.ensure(at, length);
    return this.fingerprinter.matches(this.window(reader, at, length), this.signature.strong, this.shortEntry) ? { at, entry: this.shortEntry } : undefined;
  }
}
