import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ENC_HEADER_BYTES, newStreamKey, openStreamKey, seal, unseal, type EncryptionParams } from '../../../../engine/backup/archive/encryption';
import { UserError } from '../../../../engine/messages/user-error';

/** Small chunks and a cheap scrypt so the framing's edge cases are quick to reach. */
const SMALL: EncryptionParams = { log2N: 10, r: 8, p: 1, chunkBytes: 64 };

async function sealed(plain: Buffer, password = 'pw', pieces = 7): Promise<Buffer> {
  const key = await newStreamKey(password, SMALL);
  const source = async function* (): AsyncGenerator<Buffer> {
    for (let offset = 0; offset < plain.length; offset += pieces) yield plain.subarray(offset, offset + pieces);
  };
  const out: Buffer[] = [];
  for await (const chunk of seal(source(), key)) out.push(chunk);
  return Buffer.concat(out);
}

async function opened(file: Buffer, password = 'pw'): Promise<Buffer> {
  const key = await openStreamKey(file.subarray(0, ENC_HEADER_BYTES), password);
  const source = async function* (): AsyncGenerator<Buffer> {
    // Odd read sizes: chunk boundaries must not depend on how the file is read.
    for (let offset = ENC_HEADER_BYTES; offset < file.length; offset += 50) yield file.subarray(offset, offset + 50);
  };
  const out: Buffer[] = [];
  for await (const chunk of unseal(source(), key)) out.push(chunk);
  return Buffer.concat(out);
}

async function failure(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof UserError)) throw new Error(`expected a UserError, got ${String(error)}`);
  return error;
}

describe('UNDERSTUDY-ENC1 chunked AES-256-GCM', () => {
  it.each([0, 1, 63, 64, 65, 128, 129, 1000])('round-trips %i bytes', async (size) => {
    const plain = randomBytes(size);
    const file = await sealed(plain);
    const chunks = Math.max(1, Math.ceil(size / SMALL.chunkBytes));
    expect(file.length).toBe(ENC_HEADER_BYTES + size + chunks * 16);
    expect((await opened(file)).equals(plain)).toBe(true);
  });

  it('a wrong password is E3372, found by the key check before any chunk is opened', async () => {
    const file = await sealed(randomBytes(500), 'right');
    const error = await failure(opened(file, 'wrong'));
    expect(error.code).toBe('E3372');
  });

  it('the password is compared in Unicode NFC, as typed on any keyboard', async () => {
    const plain = randomBytes(100);
    const file = await sealed(plain, 'caf\u00e9');
    expect((await opened(file, 'cafe\u0301')).equals(plain)).toBe(true);
  });

  it('a damaged header is E3373 at its byte, not a wrong password', async () => {
    const file = await sealed(randomBytes(500));
    for (const at of [0, 17, 30, 45, 60, 70]) {
      const copy = Buffer.from(file);
      copy[at] = (copy[at] ?? 0) ^ 0x01;
      const error = await failure(opened(copy));
      expect(error.code, `flip at ${at}`).toBe('E3373');
    }
  });

  it('a changed byte anywhere in the chunks is E3373 naming the damaged chunk’s first byte', async () => {
    const file = await sealed(randomBytes(1000));
    const sealedBytes = SMALL.chunkBytes + 16;
    for (const at of [ENC_HEADER_BYTES, ENC_HEADER_BYTES + 100, file.length - 20, file.length - 1]) {
      const copy = Buffer.from(file);
      copy[at] = (copy[at] ?? 0) ^ 0x80;
      const error = await failure(opened(copy));
      const chunkStart = ENC_HEADER_BYTES + Math.floor((at - ENC_HEADER_BYTES) / sealedBytes) * sealedBytes;
      expect(error.code).toBe('E3373');
      expect(error.message).toContain(`damaged at byte ${chunkStart}`);
    }
  });

  it('a file cut short is E3373, also exactly at a chunk boundary (the last chunk is marked final)', async () => {
    const file = await sealed(randomBytes(1000));
    const sealedBytes = SMALL.chunkBytes + 16;
    for (const length of [ENC_HEADER_BYTES, ENC_HEADER_BYTES + 10, ENC_HEADER_BYTES + sealedBytes, ENC_HEADER_BYTES + 3 * sealedBytes, file.length - 1]) {
      const error = await failure(opened(file.subarray(0, length)));
      expect(error.code, `cut at ${length}`).toBe('E3373');
    }
  });

  it('chunks swapped or appended from another file fail', async () => {
    const file = await sealed(randomBytes(1000));
    const sealedBytes = SMALL.chunkBytes + 16;
    const first = file.subarray(ENC_HEADER_BYTES, ENC_HEADER_BYTES + sealedBytes);
    const second = file.subarray(ENC_HEADER_BYTES + sealedBytes, ENC_HEADER_BYTES + 2 * sealedBytes);
    const swapped = Buffer.concat([file.subarray(0, ENC_HEADER_BYTES), second, first, file.subarray(ENC_HEADER_BYTES + 2 * sealedBytes)]);
    expect((await failure(opened(swapped))).code).toBe('E3373');
    const other = await sealed(randomBytes(1000));
    expect((await failure(opened(Buffer.concat([file, other.subarray(ENC_HEADER_BYTES)])))).code).toBe('E3373');
  });

  it('two files sealed with the same password share no salt or nonce', async () => {
    const a = await sealed(Buffer.alloc(10));
    const b = await sealed(Buffer.alloc(10));
    expect(a.subarray(24, 52).equals(b.subarray(24, 52))).toBe(false);
  });
});
