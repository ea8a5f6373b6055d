import { mkdir, stat } from 'node:fs/promises';
import { readAckState } from './ack-file';
import type { Durability } from './durability';
import { countUnackedBytes, firstAfter, type LogState } from './log-state';
import { listSpoolDir, removeFile } from './segment-file';
import { SegmentIndex } from './segment-index';
import { recoverTail, type TailRepair } from './tail-recovery';

/**
 * What open() found and fixed, for the owner to log or act on (e.g. an Event saying
 * the spool lost a damaged tail). A torn tail after a crash is normal: it only ever holds
 * records whose append() had not resolved yet.
 */
export interface SpoolRecovery {
  /** The end of the last segment that was cut off, if any. */
  readonly tailRepair: TailRepair | undefined;
  /** Fully acknowledged segment files deleted (a crash came between saving an acknowledgement and deleting its files). */
  readonly removedSegments: number;
  /** Leftover temp files of an interrupted acknowledgement write, deleted. */
  readonly removedTempFiles: number;
}

/**
 * Rebuilds the in-memory state from the folder: the index from the file names and sizes
 * (no segment is read except the last, which a crash may have torn), the acknowledgement
 * from its file. Cost: one directory listing, one stat per segment, one scan of the last
 * segment, and one header walk inside the first segment to find the first unacknowledged
 * record — never the whole backlog.
 */
export async function loadSpool(dir: string, durability: Durability): Promise<{ state: LogState; recovered: SpoolRecovery }> {
  await mkdir(dir, { recursive: true });
  const listing = await listSpoolDir(dir);
  for (const temp of listing.tempFiles) await removeFile(temp);
  const { ackedSeq } = await readAckState(dir);
  const index = new SegmentIndex();
  let tailRepair: TailRepair | undefined;
  for (const [i, segment] of listing.segments.entries()) {
    const next = listing.segments[i + 1];
    if (next) {
      // Complete by construction: fsync'd before the next segment was created.
      index.add(segment.firstSeq, segment.file, (await stat(segment.file)).size, next.firstSeq - 1);
      continue;
    }
    const tail = await recoverTail(segment.file, segment.firstSeq, durability);
    tailRepair = tail.repair;
    if (tail.lastSeq >= segment.firstSeq) index.add(segment.firstSeq, segment.file, tail.bytes, tail.lastSeq);
    else await removeFile(segment.file); // nothing intact in it; the next append recreates it
  }
  const lastSeq = Math.max(ackedSeq, index.last?.lastSeq ?? 0);
  const before = index.all.length;
  await index.remove((entry) => entry.lastSeq <= ackedSeq);
  const removedSegments = before - index.all.length;
  // Creations, renames and removals of the run that crashed may not be durable yet.
  await durability.syncDir(dir);

  const state: LogState = { dir, index, lastSeq, ackedSeq, firstUnacked: undefined, unackedBytes: 0 };
  state.firstUnacked = await firstAfter(state, ackedSeq);
  state.unackedBytes = countUnackedBytes(state);
  return { state, recovered: { tailRepair, removedSegments, removedTempFiles: listing.tempFiles.length } };
}
