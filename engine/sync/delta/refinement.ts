import { refinedBlockSize } from './block-size';
import type { MatchPlan } from './match';
import { UNMATCHED } from './segments';
import { basisBlockCount } from './signature';
import { MAX_SIGNATURE_BLOCKS } from './signature-codec';

/** What the Master asks the Replica to sign next: these basis blocks, at this smaller size. */
export interface RefinementRequest {
  readonly blockSize: number;
  readonly blocks: Uint32Array;
}

type Range = [number, number];

export interface RefinementOptions {
  /** Defaults to refinedBlockSize(plan.blockSize). */
  blockSize?: number;
  /**
   * No refinement when more than this fraction of the new file is still unmatched: the file
   * is mostly new, another round would re-read and roll over most of both files for little,
   * and the scenario's whole-file threshold (shouldSendWhole) decides what to send. 0.5.
   */
  maxUnmatched?: number;
}

/**
 * Which basis bytes are worth signing at a finer size. An unmatched row of L bytes most likely
 * replaced the L basis bytes after the copy before it (in-place edits, insertions) or before
 * the copy after it (deletions), so ask for those two neighbourhoods, minus basis bytes some
 * copy already uses. The request is thus bounded by twice the unmatched bytes, not by the
 * file: a 1 GiB file with 256 edits asks for ~17 MB of basis at 4 KiB (~50 KB of signature).
 * Undefined when nothing is left to gain.
 */
export function refinementRequest(plan: MatchPlan, options: RefinementOptions = {}): RefinementRequest | undefined {
  const blockSize = options.blockSize ?? refinedBlockSize(plan.blockSize);
  if (blockSize === undefined || plan.basisSize === 0) return undefined;
  const rows = plan.segments;
  if (rows.unmatchedBytes() > (options.maxUnmatched ?? 0.5) * plan.newSize) return undefined;
  const wanted: Range[] = [];
  const used: Range[] = [];
  for (let row = 0; row < rows.count; row += 1) {
    const length = rows.length(row);
    if (rows.basisOffset(row) !== UNMATCHED) {
      used.push([rows.basisOffset(row), rows.basisOffset(row) + length]);
    } else if (length >= blockSize) {
      const before = rows.basisBefore(row);
      const after = rows.basisAfter(row, plan.basisSize);
      wanted.push([before, Math.min(plan.basisSize, before + length)], [Math.max(0, after - length), after]);
    }
  }
  const ranges = subtract(merge(wanted), merge(used));
  const total = basisBlockCount(blockSize, plan.basisSize);
  const blocks: number[] = [];
  for (const [start, end] of ranges) {
    const last = Math.min(total, Math.ceil(end / blockSize));
    for (let block = Math.floor(start / blockSize); block < last; block += 1) {
      if (blocks.length === 0 || block > (blocks[blocks.length - 1] ?? -1)) blocks.push(block);
      if (blocks.length > MAX_SIGNATURE_BLOCKS) return undefined; // more than a Replica would accept
    }
  }
  return blocks.length > 0 ? { blockSize, blocks: Uint32Array.from(blocks) } : undefined;
}

function merge(ranges: Range[]): Range[] {
  const sorted = ranges.filter(([start, end]) => end > start).sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Parts of `ranges` not covered by `holes`; both sorted and merged. */
function subtract(ranges: Range[], holes: Range[]): Range[] {
  const result: Range[] = [];
  let h = 0;
  for (const [rangeStart, end] of ranges) {
    let start = rangeStart;
    while (h < holes.length && (holes[h]?.[1] ?? 0) <= start) h += 1;
    for (let i = h; i < holes.length && start < end; i += 1) {
      const [holeStart, holeEnd] = holes[i] ?? [end, end];
      if (holeStart >= end) break;
      if (holeStart > start) result.push([start, holeStart]);
      start = Math.max(start, holeEnd);
    }
    if (start < end) result.push([start, end]);
  }
  return result;
}
