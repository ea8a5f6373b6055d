import { open } from 'node:fs/promises';
import path from 'node:path';
import type { Durability } from './durability';
import type { RecordProblem } from './errors';
import { SegmentReader } from './record-reader';

/** What open() cut off the end of the last segment, reported in SegmentLog.recovered. */
export interface TailRepair {
  readonly segment: string;
  /** Byte offset where the first bad record started; the file now ends there. */
  readonly offset: number;
  readonly droppedBytes: number;
  /** The seq the first dropped record would have had. */
  readonly firstDroppedSeq: number;
  readonly problem: RecordProblem;
}

export interface RecoveredTail {
  /** Seq of the last intact record (firstSeq - 1 when none is intact). */
  readonly lastSeq: number;
  /** File size after the repair. */
  readonly bytes: number;
  readonly repair: TailRepair | undefined;
}

/**
 * Checks every record of the last segment (the only file a crash can leave half-written:
 * a segment is fsync'd before the next one is created) and truncates at the first record
 * that is incomplete or fails its CRC. Everything before it is kept, since every append
 * that resolved was fsync'd and so lies before any torn write.
 *
 * The file is fsync'd even when nothing was cut: records written but not yet fsync'd
 * survive SIGKILL in the page cache; once read back here they may be sent, so they must
 * not vanish in a later power cut and let their seqs be reused for other content.
 */
export async function recoverTail(file: string, firstSeq: number, durability: Durability): Promise<RecoveredTail> {
  const handle = await open(file, 'r+');
  try {
    const { size } = await handle.stat();
    const scan = await new SegmentReader(handle, file, size).verify({ seq: firstSeq, offset: 0 });
    let repair: TailRepair | undefined;
    if (scan.damage) {
      await handle.truncate(scan.next.offset);
      repair = {
        segment: path.basename(file),
        offset: scan.next.offset,
        droppedBytes: size - scan.next.offset,
        firstDroppedSeq: scan.next.seq,
        problem: scan.damage.problem,
      };
    }
    await durability.syncFile(handle);
    return { lastSeq: scan.next.seq - 1, bytes: scan.next.offset, repair };
  } finally {
    await handle.close();
  }
}
