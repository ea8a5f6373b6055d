import { open } from 'node:fs/promises';
import type { LogPosition, LogState } from './log-state';
import { SegmentReader, type RecordPosition, type SpooledRecord } from './record-reader';
import type { SegmentEntry } from './segment-index';

/**
 * read(): records straight from the segment files, never from a copy in memory. It
 * remembers where the previous read stopped, so a sender reading forward (the usual case)
 * starts at the right byte without walking headers; any other start walks headers from
 * the nearest known position in that segment.
 */
export class LogReader {
  private cursor: LogPosition | undefined;

  constructor(private readonly state: LogState) {}

  async read(fromSeq: number, maxRecords: number, maxBytes: number): Promise<SpooledRecord[]> {
    if (!Number.isSafeInteger(fromSeq) || !Number.isSafeInteger(maxRecords) || maxRecords < 1 || !(maxBytes >= 0)) {
      throw new RangeError(`read(${fromSeq}, ${maxRecords}, ${maxBytes}): fromSeq and maxRecords must be integers, maxRecords ≥ 1, maxBytes ≥ 0`);
    }
    const lastSeq = this.state.lastSeq; // records committed while reading wait for the next read
    const out: SpooledRecord[] = [];
    let bytes = 0;
    let seq = Math.max(fromSeq, this.state.ackedSeq + 1);
    while (out.length < maxRecords && seq <= lastSeq) {
      const entry = this.state.index.find(seq);
      if (!entry || !this.state.index.pin(entry)) break;
      let next: RecordPosition;
      try {
        const budget = { records: maxRecords - out.length, bytes: maxBytes - bytes, atLeastOne: out.length === 0 };
        const part = await this.readSegment(entry, Math.max(seq, entry.firstSeq), budget, lastSeq);
        for (const record of part.records) bytes += record.payload.byteLength;
        out.push(...part.records);
        next = part.next;
        this.cursor = { entry, at: next };
        if (part.records.length === 0 && next.offset < entry.durableBytes) break; // the budget is spent
      } finally {
        await this.state.index.unpin(entry);
      }
      seq = next.seq;
    }
    // An acknowledge() or reset() that ran meanwhile may have covered some of them.
    const ackedSeq = this.state.ackedSeq;
    return out[0] && out[0].seq <= ackedSeq ? out.filter((record) => record.seq > ackedSeq) : out;
  }

  /** Drops the remembered position (reset() deletes the segments it points into). */
  forget(): void {
    this.cursor = undefined;
  }

  private async readSegment(
    entry: SegmentEntry,
    seq: number,
    budget: { records: number; bytes: number; atLeastOne: boolean },
    lastSeq: number,
  ): Promise<{ records: SpooledRecord[]; next: RecordPosition }> {
    const handle = await open(entry.file, 'r');
    try {
      const reader = new SegmentReader(handle, entry.file, entry.durableBytes);
      let start = this.nearestKnown(entry, seq);
      if (start.seq < seq) {
        const found = await reader.seek(start, seq);
        if (!found) return { records: [], next: { seq: entry.lastSeq + 1, offset: entry.durableBytes } };
        start = found.at;
      }
      return await reader.read(start, budget, lastSeq);
    } finally {
      await handle.close();
    }
  }

  /** The known record position in `entry` closest before (or at) `seq`. */
  private nearestKnown(entry: SegmentEntry, seq: number): RecordPosition {
    let best: RecordPosition = { seq: entry.firstSeq, offset: 0 };
    for (const known of [this.cursor, this.state.firstUnacked]) {
      if (known && known.entry === entry && known.at.seq <= seq && known.at.seq > best.seq) best = known.at;
    }
    return best;
  }
}
