import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  applyDelta,
  computeDelta,
  computeSignature,
  decodeDeltaOps,
  decodeSignature,
  encodeDeltaOps,
  encodeSignature,
  resyncInProcess,
  type DeltaOp,
  type DeltaStats,
  type ResyncReport,
} from '../../../../engine/sync/delta';

/** A small seeded PRNG (mulberry32), so every randomized case can be replayed from its seed. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i += 4) {
      const word = (this.next() * 4294967296) >>> 0;
      out[i] = word & 0xff;
      if (i + 1 < length) out[i + 1] = (word >>> 8) & 0xff;
      if (i + 2 < length) out[i + 2] = (word >>> 16) & 0xff;
      if (i + 3 < length) out[i + 3] = word >>> 24;
    }
    return out;
  }
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(Buffer.concat(parts));
}

export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export interface Pair {
  basis: string;
  next: string;
  out: string;
}

export function writePair(dir: string, basis: Uint8Array, next: Uint8Array): Pair {
  const pair = { basis: path.join(dir, 'basis.bin'), next: path.join(dir, 'new.bin'), out: path.join(dir, 'out.bin') };
  fs.writeFileSync(pair.basis, basis);
  fs.writeFileSync(pair.next, next);
  return pair;
}

/** rsync's single round through the public steps, every message encoded and decoded on the way. */
export async function oneRound(pair: Pair, blockSize?: number): Promise<{ stats: DeltaStats; wireBytes: number }> {
  const signatureBytes = encodeSignature(await computeSignature(pair.basis, blockSize === undefined ? {} : { blockSize }));
  const ops: DeltaOp[] = [];
  const stats = await computeDelta(pair.next, decodeSignature(signatureBytes), (op) => {
    ops.push(op);
  });
  const deltaBytes = encodeDeltaOps(ops);
  await applyDelta(pair.basis, decodeDeltaOps(deltaBytes), pair.out);
  return { stats, wireBytes: signatureBytes.length + deltaBytes.length };
}

/** The multi-round protocol (resync.ts), place operations included. */
export function multiRound(pair: Pair, blockSize?: number): Promise<ResyncReport> {
  return resyncInProcess(pair.basis, pair.next, pair.out, blockSize === undefined ? {} : { blockSize });
}
