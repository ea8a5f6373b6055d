import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * What the catalog keeps of an encrypted session's password: a salt and a key check (scrypt
 * output, never the password), so a restore tells a wrong password (E3372) before it reads a
 * byte of the media. The archive carries its own check as well (archive/encryption.ts).
 */
const N_LOG2 = 15;
const R = 8;
const P = 1;
export const SESSION_KDF = `scrypt log2N=${N_LOG2} r=${R} p=${P}`;

function check(password: string, salt: Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, 16, { N: 2 ** N_LOG2, r: R, p: P, maxmem: 256 * 2 ** N_LOG2 * R }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function newSessionKeyRecord(password: string): Promise<{ kdf: string; salt: Uint8Array<ArrayBuffer>; keyCheck: Uint8Array<ArrayBuffer> }> {
  const salt = new Uint8Array(randomBytes(16));
  return { kdf: SESSION_KDF, salt, keyCheck: new Uint8Array(await check(password, salt)) };
}

export async function passwordMatches(password: string, record: { salt: Uint8Array; keyCheck: Uint8Array }): Promise<boolean> {
  const derived = await check(password, record.salt);
  return derived.length === record.keyCheck.length && timingSafeEqual(derived, record.keyCheck);
}
