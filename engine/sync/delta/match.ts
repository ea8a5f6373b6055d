import { open } from 'node:fs/promises';
import type { DeltaStats, EmitOp } from './delta-op';
import { FileChangedError } from './errors';
import { OpEmitter } from './op-emitter';
import { PlacingSink } from './placing-sink';
import { Scanner } from './scanner';
import { Segments, UNMATCHED } from './segments';
import type { Signature } from './signature';

/**
 * The Master's state between rounds: which parts of the new file copy which basis bytes and
 * which are still unmatched. Small (rows merge) and independent of the file's block count.
 */
export interface MatchPlan {
  readonly newSize: number;
  readonly newModified: number;
  readonly basisSize: number;
  /** Block size of the round that produced this plan. */
  readonly blockSize: number;
  readonly segments: Segments;
}

/**
 * One round on the Master: scans the new file (the whole file in the first round; with
 * `previous`, only its unmatched rows, each starting from the basis offset that followed the
 * copy before it) against the Replica's signature for that round. In the first round, `place`
 * (if given) receives place operations for the copies found, while the scan goes on
 * (placing-sink.ts): send them to the Replica as they come.
 */
export async function matchSignature(newPath: string, signature: Signature, previous?: MatchPlan, place?: EmitOp): Promise<MatchPlan> {
  const scanner = new Scanner(signature);
  const file = await open(newPath, 'r');
  try {
    const stat = await file.stat();
    if (previous && (previous.newSize !== stat.size || previous.newModified !== stat.mtimeMs)) {
      throw new FileChangedError(newPath, 'between synchronization rounds');
    }
    if (previous && previous.basisSize !== signature.basisSize) {
      throw new RangeError(`the refinement signature describes a basis of ${signature.basisSize} bytes, the first round ${previous.basisSize}`);
    }
    const segments = new Segments();
    const sink = { add: (start: number, length: number, basisOffset: number) => segments.add(start, length, basisOffset) };
    if (!previous) {
      const placing = place ? new PlacingSink(segments, place) : undefined;
      await scanner.scan(file, newPath, 0, stat.size, 0, placing ?? sink);
      await placing?.finish();
    } else {
      const rows = previous.segments;
      for (let row = 0; row < rows.count; row += 1) {
        const start = rows.newStart(row);
        const length = rows.length(row);
        if (rows.basisOffset(row) === UNMATCHED) await scanner.scan(file, newPath, start, start + length, rows.basisBefore(row), sink);
        else segments.add(start, length, rows.basisOffset(row));
      }
    }
    const after = await file.stat();
    if (after.size !== stat.size || after.mtimeMs !== stat.mtimeMs) throw new FileChangedError(newPath, 'size or modification time moved');
    return { newSize: stat.size, newModified: stat.mtimeMs, basisSize: signature.basisSize, blockSize: signature.blockSize, segments };
  } finally {
    await file.close();
  }
}

/** The last step on the Master: the plan as delta operations, literal bytes read back from the new file. */
export async function emitDelta(newPath: string, plan: MatchPlan, emit: EmitOp): Promise<DeltaStats> {
  const file = await open(newPath, 'r');
  try {
    const stat = await file.stat();
    if (stat.size !== plan.newSize || stat.mtimeMs !== plan.newModified) throw new FileChangedError(newPath, 'after it was matched');
    const emitter = new OpEmitter(file, newPath, emit);
    const rows = plan.segments;
    for (let row = 0; row < rows.count; row += 1) await emitter.add(rows.newStart(row), rows.length(row), rows.basisOffset(row));
    return await emitter.finish();
  } finally {
    await file.close();
  }
}

/**
 * The one-round path: scan and emit at once, so the Replica can apply while the Master is
 * still reading. Same scan as matchSignature, without a plan in memory.
 */
export async function computeDelta(newPath: string, signature: Signature, emit: EmitOp): Promise<DeltaStats> {
  const scanner = new Scanner(signature);
  const file = await open(newPath, 'r');
  try {
    const stat = await file.stat();
    const emitter = new OpEmitter(file, newPath, emit);
    await scanner.scan(file, newPath, 0, stat.size, 0, emitter);
    const after = await file.stat();
    if (after.size !== stat.size || after.mtimeMs !== stat.mtimeMs) throw new FileChangedError(newPath, 'size or modification time moved');
    return await emitter.finish();
  } finally {
    await file.close();
  }
}
