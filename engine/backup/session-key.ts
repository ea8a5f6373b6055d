import { randomBytes, timingSafeEqual } from 'node:crypto';
import { UserError } from '../messages/user-error';
import { DEFAULT_ENCRYPTION, keyCheckOf } from './archive/encryption';

/**
 * What the catalog keeps of an encrypted session's password: a salt and a key check (derived
 * as the archive's own, never the password), so a restore tells a wrong password (E3372)
 * before it reads a byte of the media. The archive carries its own check as well.
 */
export const SESSION_KDF = `scrypt log2N=${DEFAULT_ENCRYPTION.log2N} r=${DEFAULT_ENCRYPTION.r} p=${DEFAULT_ENCRYPTION.p}`;

export interface SessionKeyRecord {
  readonly kdf: string;
  readonly salt: Uint8Array;
  readonly keyCheck: Uint8Array;
}

export async function newSessionKeyRecord(password: string): Promise<{ kdf: string; salt: Uint8Array<ArrayBuffer>; keyCheck: Uint8Array<ArrayBuffer> }> {
  const salt = new Uint8Array(randomBytes(16));
  return { kdf: SESSION_KDF, salt, keyCheck: new Uint8Array(await keyCheckOf(password, salt)) };
}

/** Whether `password` is the one the session was encrypted with, from the catalog's record alone. */
export async function passwordMatches(password: string, record: SessionKeyRecord): Promise<boolean> {
  const params = /^scrypt log2N=(\d+) r=(\d+) p=(\d+)$/.exec(record.kdf);
  if (!params) throw new UserError('E3373', `the catalog records an unknown key derivation "${record.kdf}"`);
  const check = await keyCheckOf(password, record.salt, { ...DEFAULT_ENCRYPTION, log2N: Number(params[1]), r: Number(params[2]), p: Number(params[3]) });
  return check.length === record.keyCheck.length && timingSafeEqual(check, Buffer.from(record.keyCheck));
}
