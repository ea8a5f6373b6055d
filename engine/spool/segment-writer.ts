import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Durability } from './durability';
import { seal } from './record-codec';
import type { RecordPosition } from './record-reader';
import { segmentFileName, writeAll } from './segment-file';
import type { SegmentEntry, SegmentIndex } from './segment-index';

interface ActiveSegment {
  readonly entry: SegmentEntry;
  readonly handle: FileHandle;
  /** Bytes assigned to records so far (written or waiting in the current batch). */
  assigned: number;
  /** Bytes handed to the file. */
  flushed: number;
  /** Seq the next record in this file must carry. */
  nextSeq: number;
  waiting: Buffer[];
}

/** Where the first record of a commit landed (the log's first unacknowledged record, if none was left). */
export interface CommitResult {
  readonly first: { entry: SegmentEntry; at: RecordPosition };
  readonly bytes: number;
}

/**
 * Writes sealed records to the end of the log: one writev per segment touched and one
 * fdatasync per commit (plus the folder's when a segment was created). It is called only
 * from the log's serial queue, so it never runs twice at once.
 *
 * Rolling fsyncs the full segment before the next file exists. Hence a crash can only ever
 * leave the last segment half-written, and open() need check no other.
 */
export class SegmentWriter {
  private active: ActiveSegment | undefined;

  constructor(
    private readonly dir: string,
    private readonly segmentBytes: number,
    private readonly index: SegmentIndex,
    private readonly durability: Durability,
  ) {}

  /** The segment being appended to; acknowledge() leaves it in place even when fully acknowledged. */
  get activeEntry(): SegmentEntry | undefined {
    return this.active?.entry;
  }

  /** Seals `records` with seqs firstSeq, firstSeq+1, … and makes them durable. */
  async commit(records: readonly Buffer[], firstSeq: number): Promise<CommitResult> {
    let first: CommitResult['first'] | undefined;
    let bytes = 0;
    let createdFile = false;
    for (const [i, record] of records.entries()) {
      const seq = firstSeq + i;
      seal(record, seq);
      let active = this.active ?? (await this.adoptLast(seq));
      if (!active || active.nextSeq !== seq || (active.assigned > 0 && active.assigned + record.byteLength > this.segmentBytes)) {
        active = await this.roll(seq);
        createdFile = true;
      }
      first ??= { entry: active.entry, at: { seq, offset: active.assigned } };
      active.waiting.push(record);
      active.assigned += record.byteLength;
      active.nextSeq = seq + 1;
      bytes += record.byteLength;
    }
    if (!first || !this.active) throw new Error('commit() needs at least one record');
    await this.syncActive(this.active);
    if (createdFile) await this.durability.syncDir(this.dir);
    return { first, bytes };
  }

  /** Closes the file being appended to (before reset() deletes it, and on close()). */
  async closeActive(): Promise<void> {
    const active = this.active;
    this.active = undefined;
    await active?.handle.close();
  }

  /** After reopening, keeps appending to the last segment if it continues the seqs and has room. */
  private async adoptLast(seq: number): Promise<ActiveSegment | undefined> {
    const last = this.index.last;
    if (!last || last.lastSeq + 1 !== seq || last.durableBytes >= this.segmentBytes) return undefined;
    const handle = await open(last.file, 'r+');
    this.active = { entry: last, handle, assigned: last.durableBytes, flushed: last.durableBytes, nextSeq: seq, waiting: [] };
    return this.active;
  }

  private async roll(firstSeq: number): Promise<ActiveSegment> {
    if (this.active) {
      await this.syncActive(this.active);
      await this.closeActive();
    }
    const file = path.join(this.dir, segmentFileName(firstSeq));
    // 'wx': an existing file of that name would mean a second writer; fail rather than mix.
    const handle = await open(file, 'wx');
    const entry = this.index.add(firstSeq, file, 0, firstSeq - 1);
    this.active = { entry, handle, assigned: 0, flushed: 0, nextSeq: firstSeq, waiting: [] };
    return this.active;
  }

  private async syncActive(active: ActiveSegment): Promise<void> {
    const waiting = active.waiting;
    active.waiting = [];
    active.flushed += await writeAll(active.handle, waiting, active.flushed);
    await this.durability.syncFile(active.handle);
    active.entry.durableBytes = active.flushed;
    active.entry.lastSeq = active.nextSeq - 1;
  }
}
