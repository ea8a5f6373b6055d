import os from 'node:os';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gzipAsync = promisify(zlib.gzip);

/**
 * gzip on several cores, the way pigz does it: the stream is cut into blocks, each compressed
 * as its own gzip member on libuv's thread pool, the members written in order. A file of
 * concatenated members is plain gzip (RFC 1952 §2.2): gunzip, `tar -z` and zlib read it as
 * one stream. Blocks of 4 MiB cost about 0.01% in size against one member.
 *
 * At most 3 blocks are compressed at once, leaving one of the pool's 4 default threads for
 * file I/O (which shares the pool); fewer on a machine with fewer cores.
 */
export const GZIP_BLOCK_BYTES = 4 * 1024 * 1024;

export interface ParallelGzipOptions {
  readonly level: number;
  readonly blockBytes?: number;
  readonly parallel?: number;
}

const SAMPLE_BYTES = 16 * 1024;
/** A block whose samples shrink by less than this is stored (level 0): deflate would spend CPU for nothing. */
const WORTH_COMPRESSING = 0.92;

/**
 * The level a block is compressed at: `level`, or 0 (stored, still a valid gzip member) when
 * three samples (start, middle, end) show it does not compress — already compressed or
 * encrypted files, media, random data. restic and zstd skip such data the same way.
 */
export function levelFor(block: Buffer, level: number): number {
  if (level === 0 || block.length < 4 * SAMPLE_BYTES) return level;
  const samples = [0, Math.floor(block.length / 2), block.length - SAMPLE_BYTES].map((at) => block.subarray(at, at + SAMPLE_BYTES));
  const packed = samples.reduce((total, sample) => total + zlib.deflateRawSync(sample, { level: 1 }).length, 0);
  return packed / (samples.length * SAMPLE_BYTES) > WORTH_COMPRESSING ? 0 : level;
}

export function defaultGzipParallelism(): number {
  return Math.max(1, Math.min(os.availableParallelism(), 3));
}

export async function* gzipParallel(source: AsyncIterable<Buffer>, options: ParallelGzipOptions): AsyncGenerator<Buffer> {
  const blockBytes = options.blockBytes ?? GZIP_BLOCK_BYTES;
  const parallel = options.parallel ?? defaultGzipParallelism();
  const inFlight: Promise<Buffer>[] = [];
  const start = (block: Buffer): void => {
    const compressing = gzipAsync(block, { level: levelFor(block, options.level) });
    compressing.catch(() => undefined); // awaited in order below
    inFlight.push(compressing);
  };
  let parts: Buffer[] = [];
  let partsBytes = 0;
  let started = false;
  for await (const chunk of source) {
    parts.push(chunk);
    partsBytes += chunk.length;
    if (partsBytes < blockBytes) continue;
    start(Buffer.concat(parts, partsBytes));
    started = true;
    parts = [];
    partsBytes = 0;
    for (let done = inFlight.length >= parallel ? inFlight.shift() : undefined; done; done = inFlight.length >= parallel ? inFlight.shift() : undefined) {
      yield await done;
    }
  }
  if (partsBytes > 0 || !started) start(Buffer.concat(parts, partsBytes));
  for (let done = inFlight.shift(); done; done = inFlight.shift()) yield await done;
}
