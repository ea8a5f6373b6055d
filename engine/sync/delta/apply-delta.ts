import { type FileHandle, open, rm } from 'node:fs/promises';
import type { DeltaOp } from './delta-op';
import { checkOp } from './delta-codec';
import { DeltaFormatError, FileChangedError } from './errors';
import { OutputWriter } from './output-writer';
import type { PreparedOutput } from './prepare-output';

/**
 * The Replica's last step: writes the new file to `outPath` (the caller renames it into place)
 * from basis ranges and literal bytes, in operation order. Every operation is checked before
 * it is used (they come from the network): a copy outside the basis is refused, and the
 * output is removed on any failure. With `prepared` (prepareOutput made outPath a copy of the
 * basis), copies that land at their own offset are skipped and the file is cut to size at the
 * end. Throws FileChangedError if the basis moved meanwhile (its bytes were signed earlier).
 */
export async function applyDelta(
  basisPath: string,
  ops: AsyncIterable<DeltaOp> | Iterable<DeltaOp>,
  outPath: string,
  prepared?: PreparedOutput,
): Promise<void> {
  const basis = await open(basisPath, 'r');
  let out: FileHandle | undefined;
  let writer: OutputWriter | undefined;
  let complete = false;
  try {
    const before = await basis.stat();
    if (prepared && (prepared.basisSize !== before.size || prepared.basisModified !== before.mtimeMs)) {
      throw new FileChangedError(basisPath, 'after the output was prepared from it');
    }
    out = await open(outPath, prepared ? 'r+' : 'w');
    if (prepared && (await out.stat()).size !== prepared.basisSize) throw new FileChangedError(outPath, 'the prepared output is not a whole copy of the basis');
    writer = new OutputWriter(out);
    for await (const op of ops) {
      checkOp(op);
      if (op.kind === 'copy') {
        if (op.offset + op.length > before.size) {
          throw new DeltaFormatError('delta operation', `copy of basis bytes ${op.offset}–${op.offset + op.length} is outside the basis of ${before.size} bytes`);
        }
        if (prepared && op.offset === writer.written) await writer.skip(op.length);
        else await writer.copyFrom(basis, basisPath, op.offset, op.length);
      } else {
        await writer.write(op.data);
      }
    }
    await writer.finish();
    if (prepared) await out.truncate(writer.written);
    const after = await basis.stat();
    if (after.size !== before.size || after.mtimeMs !== before.mtimeMs) throw new FileChangedError(basisPath, 'while the delta was applied');
    complete = true;
  } finally {
    await writer?.settle().catch(() => undefined);
    await out?.close();
    await basis.close();
    if (!complete) await rm(outPath, { force: true });
  }
}
