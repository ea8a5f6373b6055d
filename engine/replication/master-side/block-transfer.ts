import fs from 'node:fs/promises';
import { decodeSignature, emitDelta, encodeDeltaOps, encodeRefinementRequest, matchSignature, refinementRequest, type DeltaOp } from '../../sync/delta';
import type { Connection } from '../../transport/connection';
import { SignatureReplySchema } from '../wire';
import type { IndexedStat } from './sync-host';

export interface SentFile {
  root: number;
  path: string;
  absolutePath: string;
  indexed: IndexedStat;
}

export type BlockOutcome = { kind: 'whole' } | { kind: 'patched'; bytes: number; consistent: boolean };

const MAX_ROUNDS = 3;
const OPS_BATCH_LITERAL_BYTES = 1024 * 1024;
const OPS_BATCH_COUNT = 4096;

/**
 * Block-level synchronization of one file the Replica already has: signature round(s) from
 * the Replica, a delta from the Master, applied by the Replica into a temporary file that
 * replaces its copy atomically. `whole` when the Replica has no usable basis or the file
 * differs by more than the threshold (then sending it whole is cheaper).
 */
export async function sendFileByBlocks(connection: Connection, file: SentFile, wholeFileThreshold: number): Promise<BlockOutcome> {
  const where = { root: file.root, path: file.path };
  const first = SignatureReplySchema.parse(await connection.request('rep.signature', where));
  if (!first.signature) return { kind: 'whole' };
  let wireBytes = first.signature.byteLength;
  let plan = await matchSignature(file.absolutePath, decodeSignature(first.signature));
  for (let rounds = 1, request = refinementRequest(plan); request && rounds < MAX_ROUNDS; rounds += 1, request = refinementRequest(plan)) {
    const refine = encodeRefinementRequest(request, plan.basisSize);
    const finer = SignatureReplySchema.parse(await connection.request('rep.signature', { ...where, refine }));
    if (!finer.signature) return { kind: 'whole' };
    wireBytes += refine.byteLength + finer.signature.byteLength;
    plan = await matchSignature(file.absolutePath, decodeSignature(finer.signature), plan);
  }
  // Mostly different: a whole copy costs about the same bytes without the Replica's read of its basis.
  if (plan.newSize > 0 && plan.segments.unmatchedBytes() / plan.newSize > wholeFileThreshold) return { kind: 'whole' };
  const { patch } = (await connection.request('rep.patch-open', where)) as { patch: number };
  let batch: DeltaOp[] = [];
  let literal = 0;
  const send = async (): Promise<void> => {
    if (batch.length === 0) return;
    const ops = encodeDeltaOps(batch);
    wireBytes += ops.byteLength;
    batch = [];
    literal = 0;
    await connection.request('rep.patch-ops', { patch, ops });
  };
  try {
    await emitDelta(file.absolutePath, plan, async (op) => {
      batch.push(op);
      if (op.kind === 'literal') literal += op.data.byteLength;
      if (literal >= OPS_BATCH_LITERAL_BYTES || batch.length >= OPS_BATCH_COUNT) await send();
    });
    await send();
  } catch (error) {
    await connection.request('rep.patch-abort', { patch }).catch(() => undefined);
    throw error;
  }
  await connection.request('rep.patch-close', { patch, mtimeMs: file.indexed.mtimeMs, mode: file.indexed.mode });
  const now = await fs.lstat(file.absolutePath).catch(() => undefined);
  const consistent = now !== undefined && now.size === file.indexed.size && now.mtimeMs === file.indexed.mtimeMs && now.ino === file.indexed.ino;
  return { kind: 'patched', bytes: wireBytes, consistent };
}
