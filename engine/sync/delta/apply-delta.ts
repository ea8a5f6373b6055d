import { type FileHandle, open, rm } from 'node:fs/promises';
import type { DeltaOp } from './delta-op';
import { checkOp } from './delta-codec';
import { DeltaFormatError, FileChangedError } from './errors';
import { OutputWriter } from './output-writer';
import { PlaceWriter } from './place-writer';
import { PlacedRanges } from './placed-ranges';

/**
 * The Replica's last step: writes the new file to `outPath` (the caller renames it into place)
 * from basis ranges and literal bytes, in operation order, plus place operations written at
 * their position as soon as they arrive (delta-op.ts); in-order copies skip what was placed.
 * Every operation is checked before it is used (they come from the network): anything
 * outside the basis, or contradicting what was placed, is refused, and the output is removed
 * on any failure. Throws FileChangedError if the basis moved meanwhile (its bytes were
 * signed earlier: copying changed bytes would be wrong).
 */
export async function applyDelta(basisPath: string, ops: AsyncIterable<DeltaOp> | Iterable<DeltaOp>, outPath: string): Promise<void> {
  const basis = await open(basisPath, 'r');
  let out: FileHandle | undefined;
  let writer: OutputWriter | undefined;
  let placer: PlaceWriter | undefined;
  let complete = false;
  try {
    const before = await basis.stat();
    const inBasis = (offset: number, length: number): void => {
      if (offset + length > before.size) {
        throw new DeltaFormatError('delta operation', `copy of basis bytes ${offset}–${offset + length} is outside the basis of ${before.size} bytes`);
      }
    };
    out = await open(outPath, 'w');
    const sequential = new OutputWriter(out);
    const positional = new PlaceWriter(basis, basisPath, out);
    writer = sequential;
    placer = positional;
    const placed = new PlacedRanges();
    for await (const op of ops) {
      checkOp(op);
      if (op.kind === 'place') {
        inBasis(op.offset, op.length);
        if (op.at < sequential.written) throw new DeltaFormatError('delta operation', `place at ${op.at} is behind bytes already written in order (${sequential.written})`);
        placed.add(op.at, op.offset, op.length);
        await positional.copy(op.at, op.offset, op.length);
      } else if (op.kind === 'copy') {
        inBasis(op.offset, op.length);
        const start = sequential.written;
        await placed.forEachGap(start, op.offset, op.length, async (at, offset, length) => {
          if (at > sequential.written) await sequential.skip(at - sequential.written);
          await sequential.copyFrom(basis, basisPath, offset, length);
        });
        if (start + op.length > sequential.written) await sequential.skip(start + op.length - sequential.written);
      } else {
        placed.checkFree(sequential.written, op.data.length);
        await sequential.write(op.data);
      }
    }
    await sequential.finish();
    await positional.settle();
    placed.checkWithin(sequential.written);
    const after = await basis.stat();
    if (after.size !== before.size || after.mtimeMs !== before.mtimeMs) throw new FileChangedError(basisPath, 'while the delta was applied');
    complete = true;
  } finally {
    await writer?.settle().catch(() => undefined);
    await placer?.settle().catch(() => undefined);
    await out?.close();
    await basis.close();
    if (!complete) await rm(outPath, { force: true });
  }
}
