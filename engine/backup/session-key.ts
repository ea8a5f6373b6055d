import { randomBytes } from 'node:crypto';
import { DEFAULT_ENCRYPTION, keyCheckOf } from './archive/encryption';

/**
 * What the catalog keeps of an encrypted session's password: a salt and a key check (derived
 * as the archive's own, never the password), so a restore tells a wrong password (E3372)
 * before it reads a byte of the media. The archive carries its own check as well.
 */
export const SESSION_KDF = `scrypt log2N=${DEFAULT_ENCRYPTION.log2N} r=${DEFAULT_ENCRYPTION.r} p=${DEFAULT_ENCRYPTION.p}`;

export async function newSessionKeyRecord(password: string): Promise<{ kdf: string; salt: Uint8Array<ArrayBuffer>; keyCheck: Uint8Array<ArrayBuffer> }> {
  const salt = new Uint8Array(randomBytes(16));
  return { kdf: SESSION_KDF, salt, keyCheck: new Uint8Array(await keyCheckOf(password, salt)) };
}
