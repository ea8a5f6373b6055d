import { createHash, type Hash } from 'node:crypto';
import { pipeline } from 'node:stream';
import type fs from 'node:fs/promises';
import type { Transform } from 'node:stream';

/** Writes all of `data` at the file's current position (a write may take fewer bytes than asked). */
export async function writeFully(handle: fs.FileHandle, data: Uint8Array): Promise<void> {
  for (let offset = 0; offset < data.byteLength; ) {
    const { bytesWritten } = await handle.write(data, offset, data.byteLength - offset);
    offset += bytesWritten;
  }
}

/** Runs `source` through a Node transform (zlib) and yields what comes out; an error on either side ends the iteration with it. */
export function through(source: AsyncIterable<Buffer>, transform: Transform): AsyncIterable<Buffer> {
  // Wrapped in a generator: a streamx stream (tar-stream) looks like a Node stream to pipeline() but does not pipe like one.
  const iterable = async function* (): AsyncGenerator<Buffer> {
    yield* source;
  };
  pipeline(iterable(), transform, () => undefined);
  return transform;
}

const WRITE_BYTES = 1024 * 1024;

/** What was written: byte count and sha256 of exactly the bytes on disk. */
export interface Written {
  readonly bytes: number;
  readonly sha256: string;
}

/** Drains `source` into `handle` in writes of about 1 MiB (a tar of small files comes in 512-byte pieces), hashing as it goes. */
export async function writeHashed(source: AsyncIterable<Buffer>, handle: fs.FileHandle): Promise<Written> {
  const hash: Hash = createHash('sha256');
  let bytes = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async (): Promise<void> => {
    const data = pending.length === 1 && pending[0] ? pending[0] : Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    await writeFully(handle, data);
  };
  for await (const chunk of source) {
    hash.update(chunk);
    bytes += chunk.byteLength;
    pending.push(chunk);
    pendingBytes += chunk.byteLength;
    if (pendingBytes >= WRITE_BYTES) await flush();
  }
  if (pendingBytes > 0) await flush();
  return { bytes, sha256: hash.digest('hex') };
}
