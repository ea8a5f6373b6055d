import { rm, stat } from 'node:fs/promises';
import { applyDelta } from './apply-delta';
import { computeSignature } from './compute-signature';
import { decodeDeltaOps, encodeDeltaOps } from './delta-codec';
import type { DeltaOp, DeltaStats } from './delta-op';
import { computeDelta, emitDelta, matchSignature } from './match';
import { ConsumerStoppedError, OpChannel } from './op-channel';
import { type PreparedOutput, prepareOutput } from './prepare-output';
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
  /** Copy the basis to the output during refinement when the Master says the file changed in place (prepare-output.ts); default for bases ≥ 8 MiB. */
  prepare?: boolean;
}

const PREPARE_FROM = 8 * 1024 * 1024;

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
 *   Replica  if request.inPlace (first time): prepareOutput(basis, out), not awaited
 *   Replica  computeSignature(basis, {blockSize, blocks})  → encodeSignature        → Master
 *   Master   matchSignature(new, finer, plan)              → plan
 *   Master   emitDelta(new, plan, emit) → encodeDeltaOps batches                     → Replica
 *   Replica  applyDelta(basis, decoded ops, out, prepared), while batches still arrive; rename out.
 */
export async function resyncInProcess(basisPath: string, newPath: string, outPath: string, options: ResyncOptions = {}): Promise<ResyncReport> {
  const output = new Preparation(basisPath, outPath, options.prepare ?? (await stat(basisPath)).size >= PREPARE_FROM);
  try {
    return await exchange(basisPath, newPath, outPath, options, output);
  } catch (error) {
    await output.abandon();
    throw error;
  }
}

/**
 * The Replica's optional output preparation, started when the Master's first refinement
 * request says the file changed in place: the copy then runs while the remaining rounds do,
 * and is not wasted on a file whose content moved (an insertion near the start), which the
 * apply rewrites anyway.
 */
class Preparation {
  private preparing: Promise<PreparedOutput> | undefined;

  constructor(
    private readonly basisPath: string,
    private readonly outPath: string,
    private readonly enabled: boolean,
  ) {}

  start(): void {
    if (!this.enabled || this.preparing) return;
    this.preparing = prepareOutput(this.basisPath, this.outPath);
    this.preparing.catch(() => undefined); // awaited by `prepared`; must not be an unhandled rejection first
  }

  prepared(): Promise<PreparedOutput | undefined> {
    return this.preparing ?? Promise.resolve(undefined);
  }

  async abandon(): Promise<void> {
    await this.preparing?.catch(() => undefined);
    await rm(this.outPath, { force: true });
  }
}

async function exchange(basisPath: string, newPath: string, outPath: string, options: ResyncOptions, output: Preparation): Promise<ResyncReport> {
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
    const stats = await delta.run(basisPath, outPath, await output.prepared(), (emit) => computeDelta(newPath, signature, emit));
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
    if (received.inPlace) output.start();
    const finer = encodeSignature(await computeSignature(basisPath, { blockSize: received.blockSize, blocks: received.blocks }));
    replicaToMaster += finer.length;
    plan = await matchSignature(newPath, decodeSignature(finer), plan);
    rounds += 1;
  }
  timings.refine = performance.now() - started;
  started = performance.now();
  const finalPlan = plan;
  const stats = await delta.run(basisPath, outPath, await output.prepared(), (emit) => emitDelta(newPath, finalPlan, emit));
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

  async run(
    basisPath: string,
    outPath: string,
    prepared: PreparedOutput | undefined,
    produce: (emit: (op: DeltaOp) => Promise<void>) => Promise<DeltaStats>,
  ): Promise<DeltaStats> {
    const channel = new OpChannel<DeltaOp>();
    const applying = applyDelta(basisPath, channel, outPath, prepared);
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
