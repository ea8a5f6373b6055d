import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import zlib from 'node:zlib';
import { extract as tarExtract, type Extract, type Header } from 'tar-stream';
import { UserError } from '../../messages/user-error';
import { ENC_HEADER_BYTES, unseal, type StreamKey } from './encryption';
import { damaged } from './errors';
import { through } from './streams';

/**
 * One read of a session file, as the reader needs it: raw bytes (counted and hashed) →
 * decrypt → gunzip (found from the magic bytes) → tar entries one at a time. Errors below
 * tar (a failed chunk, bad gzip data, a bad tar header) come out as E3373 with a byte offset.
 */
const READ_BYTES = 1024 * 1024;
/** Offsets in the tar data: the file's own for a plain session, else counted after decryption and gunzip. */
export const TAR_DATA = 'the tar data';
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

/** One read of the archive: its tar entries, and the byte count and sha256 of the file once read to the end. */
export interface Pass {
  readonly entries: AsyncGenerator<TarItem>;
  /** Bytes of the archive file read so far. */
  readonly bytesRead: () => number;
  /** The file's sha256; only once `entries` has been read to its end. */
  readonly sha256: () => string;
}

/** A tar entry; `offset`: where its data starts in the tar stream. */
export interface TarItem {
  readonly header: Header;
  readonly offset: number;
  readonly body: AsyncIterator<unknown>;
}

/** Starts one read of the archive file: raw bytes (hashed) → decrypt → gunzip → tar entries. */
export function openPass(file: string, key: StreamKey | undefined): Pass {
  const hash = createHash('sha256');
  let rawBytes = 0;
  const raw = async function* (): AsyncGenerator<Buffer> {
    for await (const chunk of createReadStream(file, { highWaterMark: READ_BYTES })) {
      if (!Buffer.isBuffer(chunk)) throw new Error('expected bytes from the archive file');
      hash.update(chunk);
      rawBytes += chunk.length;
      yield chunk;
    }
  };
  const plain = key ? unseal(skip(raw(), ENC_HEADER_BYTES), key) : raw();
  let digest: string | undefined;
  return {
    entries: tarEntries(gunzipIfCompressed(plain, () => rawBytes)),
    bytesRead: () => rawBytes,
    sha256: () => (digest ??= hash.digest('hex')),
  };
}

/** tar-stream gives directories a trailing slash. */
export function nameOf(header: Header): string {
  return header.name.endsWith('/') ? header.name.slice(0, -1) : header.name;
}

/** gunzip when the plaintext starts with gzip's magic; zlib's errors become E3373 at the archive byte reached. */
async function* gunzipIfCompressed(source: AsyncIterable<Buffer>, rawBytes: () => number): AsyncGenerator<Buffer> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const rest = async function* (): AsyncGenerator<Buffer> {
    yield first.value;
    for (let step = await iterator.next(); !step.done; step = await iterator.next()) yield step.value;
  };
  if (!first.value.subarray(0, 2).equals(GZIP_MAGIC)) {
    yield* rest();
    return;
  }
  try {
    yield* through(rest(), zlib.createGunzip({ chunkSize: 256 * 1024 }));
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw damaged(rawBytes(), `its gzip data is invalid or cut short (${describe(error)})`, { approximate: true });
  }
}

/** The tar entries of `source`, one at a time; each body must be read to its end before the next. */
async function* tarEntries(source: AsyncIterable<Buffer>): AsyncGenerator<TarItem> {
  const extract: Extract = tarExtract();
  let fed = 0;
  const pump = async (): Promise<void> => {
    try {
      for await (const chunk of source) {
        if (extract.destroyed) return;
        fed += chunk.length;
        if (!extract.write(chunk)) await drainOrClose(extract);
      }
      extract.end(null);
    } catch (error) {
      extract.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  };
  const pumping = pump();
  const iterator = extract[Symbol.asyncIterator]();
  try {
    for (;;) {
      let step: Awaited<ReturnType<typeof iterator.next>>;
      try {
        step = await iterator.next();
      } catch (error) {
        if (error instanceof UserError) throw error;
        throw damaged(fed, `it is not a valid tar stream there (${describe(error)})`, { where: TAR_DATA, approximate: true });
      }
      if (step.done) break;
      const { header } = step.value;
      // tar-stream 3.2 sets byteOffset (where the entry's data starts) but does not declare it.
      const offset = (header as Header & { byteOffset?: number }).byteOffset ?? fed;
      const entryBody = step.value[Symbol.asyncIterator]();
      const body: AsyncIterator<unknown> = {
        next: async () => {
          try {
            return await entryBody.next();
          } catch (error) {
            if (error instanceof UserError) throw error;
            throw damaged(fed, `the data of entry ${JSON.stringify(header.name)} is cut short or invalid (${describe(error)})`, { where: TAR_DATA, approximate: true });
          }
        },
      };
      yield { header, offset, body };
    }
  } finally {
    await iterator.return?.();
    await pumping;
  }
}

function drainOrClose(stream: Extract): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

async function* skip(source: AsyncIterable<Buffer>, bytes: number): AsyncGenerator<Buffer> {
  let left = bytes;
  for await (const chunk of source) {
    if (left >= chunk.length) {
      left -= chunk.length;
      continue;
    }
    yield left > 0 ? chunk.subarray(left) : chunk;
    left = 0;
  }
}

export async function readAll(body: AsyncIterator<unknown>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let step = await body.next(); !step.done; step = await body.next()) {
    if (!Buffer.isBuffer(step.value)) throw new Error('tar-stream yielded something other than bytes');
    parts.push(step.value);
  }
  return Buffer.concat(parts);
}

export async function readStart(file: string, bytes: number): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
