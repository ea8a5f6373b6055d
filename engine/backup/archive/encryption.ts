import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { damaged, wrongPassword } from './errors';

/**
 * UNDERSTUDY-ENC1: AES-256-GCM over a stream, in sealed chunks (GCM authenticates a message
 * only at its end, so one tag for a 100 GiB session would let a reader act on forged bytes for
 * hours). The layout, which README.md documents for recovery without Understudy:
 *
 *   header, 84 bytes:
 *     0  magic "UNDERSTUDY-ENC1\n"          16 bytes
 *    16  KDF: 1 = scrypt                      1
 *    17  log2(N), r, p of scrypt             3 (15, 8, 1)
 *    20  chunk size in bytes, uint32 BE      4 (1 MiB)
 *    24  salt                               16 (random per file)
 *    40  base nonce                         12 (random per file)
 *    52  key check                          16
 *    68  first 16 bytes of SHA-256(bytes 0..67)
 *   then chunks: ciphertext of (chunk size) plaintext bytes + 16-byte tag; the last chunk may
 *   be shorter (down to 0 bytes + tag) and is the one that ends the file.
 *
 * scrypt(password NFC UTF-8, salt, 48 bytes): bytes 0..31 are the AES key, 32..47 the key
 * check, so a wrong password is told apart from damage before any chunk is opened. Chunk i's
 * nonce is the base nonce with i XORed into its last 8 bytes (big-endian); its associated
 * data is the 84-byte header followed by one byte, 1 for the last chunk and 0 otherwise, so
 * chunks cannot be reordered, moved to another file, dropped from the end or cut short
 * without the check failing.
 */
export const ENC_MAGIC = Buffer.from('UNDERSTUDY-ENC1\n', 'latin1');
export const ENC_HEADER_BYTES = 84;
const TAG_BYTES = 16;
const KDF_SCRYPT = 1;

export interface EncryptionParams {
  readonly log2N: number;
  readonly r: number;
  readonly p: number;
  readonly chunkBytes: number;
}

/** scrypt at N=2^15, r=8, p=1 costs about 32 MiB and 50–100 ms per session file: once per session, not per chunk. */
export const DEFAULT_ENCRYPTION: EncryptionParams = { log2N: 15, r: 8, p: 1, chunkBytes: 1024 * 1024 };

/** A derived key bound to one file's header. */
export interface StreamKey {
  readonly header: Buffer;
  readonly key: Buffer;
  readonly chunkBytes: number;
}

function derive(password: string, salt: Buffer, params: EncryptionParams): Promise<Buffer> {
  const N = 2 ** params.log2N;
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, 48, { N, r: params.r, p: params.p, maxmem: 256 * N * params.r }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** The key check of `password` with `salt` (bytes 32–47 of the derivation): what tells a wrong password from damage. */
export async function keyCheckOf(password: string, salt: Uint8Array, params: EncryptionParams = DEFAULT_ENCRYPTION): Promise<Buffer> {
  return (await derive(password, Buffer.from(salt), params)).subarray(32, 48);
}

function headerHash(header: Buffer): Buffer {
  return createHash('sha256').update(header.subarray(0, 68)).digest().subarray(0, 16);
}

/** A fresh salt and base nonce, the key derived from `password`: one per encrypted file. */
export async function newStreamKey(password: string, params: EncryptionParams = DEFAULT_ENCRYPTION): Promise<StreamKey> {
  const header = Buffer.alloc(ENC_HEADER_BYTES);
  ENC_MAGIC.copy(header, 0);
  header.writeUInt8(KDF_SCRYPT, 16);
  header.writeUInt8(params.log2N, 17);
  header.writeUInt8(params.r, 18);
  header.writeUInt8(params.p, 19);
  header.writeUInt32BE(params.chunkBytes, 20);
  randomBytes(16).copy(header, 24);
  randomBytes(12).copy(header, 40);
  const derived = await derive(password, header.subarray(24, 40), params);
  derived.copy(header, 52, 32, 48);
  headerHash(header).copy(header, 68);
  return { header, key: derived.subarray(0, 32), chunkBytes: params.chunkBytes };
}

export function isEncrypted(start: Buffer): boolean {
  return start.subarray(0, ENC_MAGIC.length).equals(ENC_MAGIC);
}

/** Checks the header of an encrypted file and the password against it: E3373 when the header is damaged, E3372 when the password is wrong. */
export async function openStreamKey(header: Buffer, password: string, where?: string): Promise<StreamKey> {
  if (header.length < ENC_HEADER_BYTES) throw damaged(header.length, 'it ends inside the encryption header', { where });
  if (!isEncrypted(header)) throw damaged(0, 'it does not start with the UNDERSTUDY-ENC1 header', { where });
  if (!headerHash(header).equals(header.subarray(68, ENC_HEADER_BYTES))) throw damaged(16, 'the encryption header (bytes 16 to 83) does not match its checksum', { where });
  const params: EncryptionParams = { log2N: header.readUInt8(17), r: header.readUInt8(18), p: header.readUInt8(19), chunkBytes: header.readUInt32BE(20) };
  const sane = header.readUInt8(16) === KDF_SCRYPT && params.log2N >= 10 && params.log2N <= 22 && params.r >= 1 && params.r <= 32;
  if (!sane || params.p < 1 || params.p > 16 || params.chunkBytes < 1 || params.chunkBytes > 64 * 1024 * 1024) {
    throw damaged(16, 'the encryption header names parameters this version does not support', { where });
  }
  const derived = await derive(password, header.subarray(24, 40), params);
  if (!timingSafeEqual(derived.subarray(32, 48), header.subarray(52, 68))) throw wrongPassword();
  return { header: Buffer.from(header.subarray(0, ENC_HEADER_BYTES)), key: derived.subarray(0, 32), chunkBytes: params.chunkBytes };
}

function nonceOf(header: Buffer, index: number): Buffer {
  const nonce = Buffer.from(header.subarray(40, 52));
  nonce.writeBigUInt64BE(nonce.readBigUInt64BE(4) ^ BigInt(index), 4);
  return nonce;
}

function associatedData(header: Buffer, final: boolean): Buffer {
  return Buffer.concat([header, Buffer.from([final ? 1 : 0])]);
}

/**
 * Seals pushed bytes chunk by chunk; `start()` is the header, `end()` the last chunk. Push-based
 * so a file written piecemeal (the manifest spool) is encrypted as it is written.
 */
export class ChunkSealer {
  private readonly buffer: Buffer;
  private filled = 0;
  private index = 0;

  constructor(private readonly stream: StreamKey) {
    this.buffer = Buffer.allocUnsafe(stream.chunkBytes);
  }

  start(): Buffer {
    return this.stream.header;
  }

  push(data: Uint8Array): Buffer[] {
    const out: Buffer[] = [];
    const { chunkBytes } = this.stream;
    for (let offset = 0; offset < data.length; ) {
      // A full chunk is sealed only once more data comes: until then it may be the last.
      if (this.filled === chunkBytes) {
        out.push(...this.sealChunk(this.buffer, false));
        this.filled = 0;
      }
      const take = Math.min(chunkBytes - this.filled, data.length - offset);
      this.buffer.set(data.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
    }
    return out;
  }

  end(): Buffer[] {
    return this.sealChunk(this.buffer.subarray(0, this.filled), true);
  }

  private sealChunk(plain: Buffer, final: boolean): Buffer[] {
    const { header, key } = this.stream;
    const cipher = createCipheriv('aes-256-gcm', key, nonceOf(header, this.index++));
    cipher.setAAD(associatedData(header, final));
    const body = cipher.update(plain);
    cipher.final();
    return [body, cipher.getAuthTag()];
  }
}

/** The header, then `source` sealed in chunks. */
export async function* seal(source: AsyncIterable<Uint8Array>, stream: StreamKey): AsyncGenerator<Buffer> {
  const sealer = new ChunkSealer(stream);
  yield sealer.start();
  for await (const data of source) yield* sealer.push(data);
  yield* sealer.end();
}

/** The plaintext of the chunks that follow the header; E3373 naming the byte where a chunk fails. */
export async function* unseal(source: AsyncIterable<Buffer>, stream: StreamKey, where?: string): AsyncGenerator<Buffer> {
  const { header, key, chunkBytes } = stream;
  const sealedBytes = chunkBytes + TAG_BYTES;
  const open = (sealed: Buffer, index: number, final: boolean): Buffer => {
    const at = ENC_HEADER_BYTES + index * sealedBytes;
    if (sealed.length < TAG_BYTES) throw damaged(at, `it ends inside chunk ${index} (cut short)`, { where });
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, nonceOf(header, index));
      decipher.setAAD(associatedData(header, final));
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      const plain = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
      decipher.final();
      return plain;
    } catch {
      throw damaged(at, `encrypted chunk ${index} fails its authentication check (changed, or the file was cut short)`, { where });
    }
  };
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let index = 0;
  for await (const data of source) {
    pending.push(data);
    pendingBytes += data.length;
    // More than one sealed chunk buffered: the first is certainly not the last.
    if (pendingBytes > sealedBytes) {
      let all = Buffer.concat(pending, pendingBytes);
      while (all.length > sealedBytes) {
        yield open(all.subarray(0, sealedBytes), index++, false);
        all = all.subarray(sealedBytes);
      }
      pending = [all];
      pendingBytes = all.length;
    }
  }
  yield open(Buffer.concat(pending, pendingBytes), index, true);
}
