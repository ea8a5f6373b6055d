import { open, rm } from 'node:fs/promises';
import { FileChangedError } from './errors';
import { OutputWriter } from './output-writer';

/** What applyDelta needs to trust a prepared output: the basis it was copied from, as it was. */
export interface PreparedOutput {
  readonly basisSize: number;
  readonly basisModified: number;
}

/**
 * Optional Replica step when the Master reports edits in place (RefinementRequest.inPlace):
 * copy the basis to the output file while the refinement rounds run, so that applyDelta
 * (given the result) writes only what is not already at its place. Why: on files edited in
 * place (databases, disk images: the large files this product resynchronizes) nearly every
 * copy lands at its own offset, so most of the apply's 1 GiB write moves to a time when the
 * Replica would otherwise wait for the Master.
 */
export async function prepareOutput(basisPath: string, outPath: string): Promise<PreparedOutput> {
  const basis = await open(basisPath, 'r');
  let done = false;
  try {
    const before = await basis.stat();
    const out = await open(outPath, 'w');
    const writer = new OutputWriter(out);
    try {
      await writer.copyFrom(basis, basisPath, 0, before.size);
      await writer.finish();
    } finally {
      await writer.settle().catch(() => undefined);
      await out.close();
    }
    const after = await basis.stat();
    if (after.size !== before.size || after.mtimeMs !== before.mtimeMs) throw new FileChangedError(basisPath, 'while it was copied to the output');
    done = true;
    return { basisSize: before.size, basisModified: before.mtimeMs };
  } finally {
    await basis.close();
    if (!done) await rm(outPath, { force: true });
  }
}
