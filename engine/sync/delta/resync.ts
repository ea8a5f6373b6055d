import { applyDelta } from './apply-delta';
import { computeSignature } from './compute-signature';
import { decodeDeltaOps, encodeDeltaOps } from './delta-codec';
import type { DeltaOp, DeltaStats } from './delta-op';
import { computeDelta, emitDelta, matchSignature } from './match';
import { ConsumerStoppedError, OpChannel } from './op-channel';
import { refinementRequest } from './refinement';
import { decodeRefinementRequest, encodeRefinementRequest } from './request-codec';
import { decodeSignature, encodeSignature } from './signature-codec';

export interface ResyncOptions {
  /** 1 = rsync's single round; default 3 (64 KiB → 4 KiB → 256 B for a 1 GiB file). */
  maxRounds?: number;
  /** First-round block size; chooseBlockSize(basis size) by default. */
  blockSize?: number;
  /** Literal bytes per encoded delta batch (one transport frame). */
  batchBytes?: number;
}

export interface ResyncReport {
  rounds: number;
  /** Encoded sizes of what crossed the wire, per direction. */
  replicaToMaster: number;
  masterToReplica: number;
  wireBytes: number;
  stats: DeltaStats;
  /** Wall-clock milliseconds of each phase. */
  timings: { signature: number; match: number; refine: number; deltaAndApply: number };
}

/**
 * The whole protocol in one process, every message encoded and decoded exactly as it would
 * cross the transport, so its byte counts are the wire's. This is the sequence to follow:
 *   Replica  computeSignature(basis)                       → encodeSignature        → Master
 *   Master   matchSignature(new, signature)                → plan
 *   repeat while refinementRequest(plan) gives a request and rounds remain:
 *   Master   encodeRefinementRequest(request)                                        → Replica
 *   Replica  computeSignature(basis, {blockSize, blocks})  → encodeSignature        → Master
 *   Master   matchSignature(new, finer, plan)              → plan
 *   Master   emitDelta(new, plan, emit) → encodeDeltaOps batches                     → Replica
 *   Replica  applyDelta(basis, decoded ops, out), while batches still arrive; rename out.
 */
export async function resyncInProcess(basisPath: string, newPath: string, outPath: string, options: ResyncOptions = {}): Promise<ResyncReport> {
  const maxRounds = options.maxRounds ?? 3;
  const timings = { signature: 0, match: 0, refine: 0, deltaAndApply: 0 };
  let started = performance.now();
  const first = encodeSignature(await computeSignature(basisPath, options.blockSize === undefined ? {} : { blockSize: options.blockSize }));
  const signature = decodeSignature(first);
  timings.signature = performance.now() - started;
  let replicaToMaster = first.length;
  let masterToReplica = 0;
  let rounds = 1;
  const delta = new DeltaBatches(options.batchBytes ?? 4 * 1024 * 1024);
  if (maxRounds <= 1) {
    started = performance.now();
    const stats = await delta.run(basisPath, outPath, (emit) => computeDelta(newPath, signature, emit));
    timings.deltaAndApply = performance.now() - started;
    masterToReplica += delta.bytes;
    return { rounds, replicaToMaster, masterToReplica, wireBytes: replicaToMaster + masterToReplica, stats, timings };
  }
  started = performance.now();
  let plan = await matchSignature(newPath, signature);
  timings.match = performance.now() - started;
  started = performance.now();
  for (let request = refinementRequest(plan); request && rounds < maxRounds; request = refinementRequest(plan)) {
    const asked = encodeRefinementRequest(request, plan.basisSize);
    masterToReplica += asked.length;
    const received = decodeRefinementRequest(asked, signature.basisSize);
    const finer = encodeSignature(await computeSignature(basisPath, { blockSize: received.blockSize, blocks: received.blocks }));
    replicaToMaster += finer.length;
    plan = await matchSignature(newPath, decodeSignature(finer), plan);
    rounds += 1;
  }
  timings.refine = performance.now() - started;
  started = performance.now();
  const finalPlan = plan;
  const stats = await delta.run(basisPath, outPath, (emit) => emitDelta(newPath, finalPlan, emit));
  timings.deltaAndApply = performance.now() - started;
  masterToReplica += delta.bytes;
  return { rounds, replicaToMaster, masterToReplica, wireBytes: replicaToMaster + masterToReplica, stats, timings };
}

/** Groups emitted operations into encoded batches, decodes them as the Replica would, and applies them concurrently. */
class DeltaBatches {
  bytes = 0;
  private batch: DeltaOp[] = [];
  private batchLiteral = 0;

  constructor(private readonly batchBytes: number) {}

  async run(basisPath: string, outPath: string, produce: (emit: (op: DeltaOp) => Promise<void>) => Promise<DeltaStats>): Promise<DeltaStats> {
    const channel = new OpChannel<DeltaOp>();
    const applying = applyDelta(basisPath, channel, outPath);
    const producing = (async () => {
      const stats = await produce(async (op) => {
        this.batch.push(op);
        this.batchLiteral += op.kind === 'literal' ? op.data.length : 0;
        if (this.batchLiteral >= this.batchBytes || this.batch.length >= 4096) await this.send(channel);
      });
      await this.send(channel);
      channel.close();
      return stats;
    })();
    producing.catch((error: unknown) => channel.fail(error));
    // Wait for both sides, so no file is still open when we return; report the cause, not its echo.
    const [produced, applied] = await Promise.allSettled([producing, applying]);
    if (produced.status === 'rejected' && !(produced.reason instanceof ConsumerStoppedError)) throw produced.reason;
    if (applied.status === 'rejected') throw applied.reason;
    if (produced.status === 'rejected') throw produced.reason;
    return produced.value;
  }

  private async send(channel: OpChannel<DeltaOp>): Promise<void> {
    if (this.batch.length === 0) return;
    const encoded = encodeDeltaOps(this.batch);
    this.bytes += encoded.length;
    this.batch = [];
    this.batchLiteral = 0;
    for (const op of decodeDeltaOps(encoded)) await channel.push(op);
  }
}
