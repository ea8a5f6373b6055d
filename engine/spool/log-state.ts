import { open } from 'node:fs/promises';
import { SpoolCorruptError } from './errors';
import type { RecordHeader } from './record-codec';
import { SegmentReader, type RecordPosition } from './record-reader';
import type { SegmentEntry, SegmentIndex } from './segment-index';

/** A record's place in the log: its segment and where it starts there. */
export interface LogPosition {
  readonly entry: SegmentEntry;
  readonly at: RecordPosition;
}

/** The first unacknowledged record: where acknowledge() resumes walking and what usage() reports. */
export interface FirstUnacked extends LogPosition {
  readonly appendedAtMs: number;
}

/** What the log knows in memory; a few numbers and the segment index, whatever the backlog. */
export interface LogState {
  readonly dir: string;
  readonly index: SegmentIndex;
  /** Last durable seq (0 before the first append ever). */
  lastSeq: number;
  ackedSeq: number;
  /** Set whenever lastSeq > ackedSeq. */
  firstUnacked: FirstUnacked | undefined;
  /** On-disk bytes of the unacknowledged records. */
  unackedBytes: number;
}

/**
 * Finds durable record `seq` by walking headers from `hint` when it lies before `seq` in the
 * same segment (the usual case: acknowledgements and reads move forward), else from the start
 * of its segment. Only the index and a few headers are read, never the payloads in between.
 */
export async function locate(index: SegmentIndex, seq: number, hint?: LogPosition): Promise<{ position: LogPosition; header: RecordHeader } | undefined> {
  const entry = index.find(seq);
  if (!entry || entry.firstSeq > seq || !index.pin(entry)) return undefined;
  try {
    const start = hint && hint.entry === entry && hint.at.seq <= seq ? hint.at : { seq: entry.firstSeq, offset: 0 };
    const handle = await open(entry.file, 'r');
    try {
      const found = await new SegmentReader(handle, entry.file, entry.durableBytes).seek(start, seq);
      return found && { position: { entry, at: found.at }, header: found.header };
    } finally {
      await handle.close();
    }
  } finally {
    await index.unpin(entry);
  }
}

/** Bytes from the first unacknowledged record to the durable end of the log. */
export function countUnackedBytes(state: LogState): number {
  const first = state.firstUnacked;
  if (!first) return 0;
  let bytes = -first.at.offset;
  let counting = false;
  for (const entry of state.index.all) {
    counting ||= entry === first.entry;
    if (counting) bytes += entry.durableBytes;
  }
  return bytes;
}

/** The first unacknowledged record after acknowledging up to `ackedSeq`, or undefined if none is left. */
export async function firstAfter(state: LogState, ackedSeq: number): Promise<FirstUnacked | undefined> {
  if (ackedSeq >= state.lastSeq) return undefined;
  const found = await locate(state.index, ackedSeq + 1, state.firstUnacked);
  if (!found) {
    // The index promised the record but its segment ends first: a file cut short from outside.
    const entry = state.index.find(ackedSeq + 1);
    throw new SpoolCorruptError(entry?.file ?? state.dir, entry?.durableBytes ?? 0, 'bad-seq');
  }
  return { ...found.position, appendedAtMs: found.header.appendedAtMs };
}
