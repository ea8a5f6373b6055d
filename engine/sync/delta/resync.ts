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
  /** Wall-clock milliseconds of each phase (the Replica writes during `match` and after). */
  timings: { signature: number; match: number; refine: number; deltaAndApply: number };
}

/**
 * The whole protocol in one process, every message encoded and decoded exactly as it would
 * cross the transport, so its byte counts are the wire's. This is the sequence to follow:
 *   Replica  computeSignature(basis)                       → encodeSignature        → Master
 *   Replica  applyDelta(basis, ops as they arrive, out)    (runs until the end)
 *   Master   matchSignature(new, signature, undefined, place)
 *              place ops → encodeDeltaOps batches, sent during the scan             → Replica
 *   repeat while refinementRequest(plan) gives a request and rounds remain:
 *   Master   encodeRefinementRequest(request)                                        → Replica
 *   Replica  computeSignature(basis, {blockSize, blocks})  → encodeSignature        → Master
 *   Master   matchSignature(new, finer, plan)              → plan
 *   Master   emitDelta(new, plan, emit) → encodeDeltaOps batches                     → Replica
 *   Replica  applyDelta ends with the last batch; rename out into place.
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
  const delta = new DeltaStream(basisPath, outPath, options.batchBytes ?? 4 * 1024 * 1024);
  const send = (op: DeltaOp): Promise<void> => delta.push(op);
  try {
    let stats: DeltaStats;
    if (maxRounds <= 1) {
      started = performance.now();
      stats = await computeDelta(newPath, signature, send);
      await delta.close();
      timings.deltaAndApply = performance.now() - started;
    } else {
      started = performance.now();
      let plan = await matchSignature(newPath, signature, undefined, send);
      await delta.flush(); // the Replica writes the placed copies while the rounds go on
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
      stats = await emitDelta(newPath, plan, send);
      await delta.close();
      timings.deltaAndApply = performance.now() - started;
    }
    masterToReplica += delta.bytes;
    return { rounds, replicaToMaster, masterToReplica, wireBytes: replicaToMaster + masterToReplica, stats, timings };
  } catch (error) {
    throw await delta.abort(error);
  }
}

/** 16 MiB of placed copies per batch: enough to keep the Replica's writes flowing, few frames. */
const PLACED_PER_BATCH = 16 * 1024 * 1024;

/**
 * The Master → Replica delta stream: groups operations into encoded batches (one transport
 * frame each), decodes them as the Replica would, and feeds applyDelta, which runs from the
 * first batch to the last. Bounded: the channel holds at most 64 operations.
 */
class DeltaStream {
  bytes = 0;
  private batch: DeltaOp[] = [];
  private literal = 0;
  private placed = 0;
  private readonly channel = new OpChannel<DeltaOp>();
  private readonly applying: Promise<void>;

  constructor(basisPath: string, outPath: string, private readonly batchBytes: number) {
    this.applying = applyDelta(basisPath, this.channel, outPath);
    this.applying.catch(() => undefined); // awaited by close() or abort()
  }

  async push(op: DeltaOp): Promise<void> {
    this.batch.push(op);
    if (op.kind === 'literal') this.literal += op.data.length;
    if (op.kind === 'place') this.placed += op.length;
    if (this.literal >= this.batchBytes || this.placed >= PLACED_PER_BATCH || this.batch.length >= 4096) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const encoded = encodeDeltaOps(this.batch);
    this.bytes += encoded.length;
    this.batch = [];
    this.literal = 0;
    this.placed = 0;
    for (const op of decodeDeltaOps(encoded)) await this.channel.push(op);
  }

  async close(): Promise<void> {
    await this.flush();
    this.channel.close();
    await this.applying;
  }

  /** Stops the Replica side after a failure (applyDelta removes its output) and says which failure to report: the cause, not its echo. */
  async abort(error: unknown): Promise<unknown> {
    this.channel.fail(error);
    const applied = await this.applying.then(
      () => undefined,
      (applyError: unknown) => applyError,
    );
    return error instanceof ConsumerStoppedError && applied !== undefined ? applied : error;
  }
}
