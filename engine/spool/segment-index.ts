import { removeFile } from './segment-file';

/**
 * What memory holds about one segment file: where it starts and how far it is durable.
 * Never its payloads — a Replica offline for hours may have many GB spooled.
 */
export interface SegmentEntry {
  readonly firstSeq: number;
  readonly file: string;
  /** Bytes known to be on stable storage; readers never look past them. */
  durableBytes: number;
  /** Seq of the last durable record (firstSeq - 1 while it has none). */
  lastSeq: number;
  /** read() calls using the file right now; its removal waits for them. */
  readers: number;
  removed: boolean;
}

/** The segments in seq order, with removal that never pulls a file from under a reader. */
export class SegmentIndex {
  private entries: SegmentEntry[] = [];

  add(firstSeq: number, file: string, durableBytes: number, lastSeq: number): SegmentEntry {
    const entry: SegmentEntry = { firstSeq, file, durableBytes, lastSeq, readers: 0, removed: false };
    this.entries.push(entry);
    return entry;
  }

  get all(): readonly SegmentEntry[] {
    return this.entries;
  }

  get last(): SegmentEntry | undefined {
    return this.entries.at(-1);
  }

  /** The segment holding `seq`, or the first one after it; undefined past the last segment. */
  find(seq: number): SegmentEntry | undefined {
    let low = 0;
    let high = this.entries.length - 1;
    let found: SegmentEntry | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const entry = this.entries[middle];
      if (entry === undefined) break;
      if (entry.firstSeq <= seq) {
        found = entry;
        low = middle + 1;
      } else high = middle - 1;
    }
    const candidate = found ?? this.entries[0];
    if (candidate && candidate.lastSeq < seq) return this.after(candidate);
    return candidate;
  }

  after(entry: SegmentEntry): SegmentEntry | undefined {
    const position = this.entries.indexOf(entry);
    return position < 0 ? undefined : this.entries[position + 1];
  }

  /** Durable bytes of all segments. */
  totalBytes(): number {
    return this.entries.reduce((sum, entry) => sum + entry.durableBytes, 0);
  }

  /** Takes the matching segments out of the index and deletes their files (once no reader uses them). */
  async remove(matches: (entry: SegmentEntry) => boolean): Promise<void> {
    const gone = new Set(this.entries.filter(matches));
    if (gone.size === 0) return;
    this.entries = this.entries.filter((entry) => !gone.has(entry));
    for (const entry of gone) {
      entry.removed = true;
      if (entry.readers === 0) await removeFile(entry.file);
    }
  }

  /** Marks `entry` in use by a reader; false if it was already removed. */
  pin(entry: SegmentEntry): boolean {
    if (entry.removed) return false;
    entry.readers++;
    return true;
  }

  async unpin(entry: SegmentEntry): Promise<void> {
    entry.readers--;
    if (entry.removed && entry.readers === 0) await removeFile(entry.file);
  }
}
