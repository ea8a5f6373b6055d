import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../util/atomic-file';

/**
 * The engine's administrator account. Only a slow scrypt hash is stored, so a copy of the
 * file does not reveal the password; the password itself only ever travels inside TLS.
 */
const ACCOUNT_FILE = 'admin-account.json';
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } satisfies ScryptOptions;
const KEY_BYTES = 32;
export const MIN_PASSWORD_LENGTH = 8;

const AccountSchema = z.object({
  user: z.string().min(1),
  salt: z.string(),
  hash: z.string(),
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
});

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { ...options, maxmem: SCRYPT.maxmem }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function setAdminAccount(dir: string, user: string, password: string): Promise<void> {
  if (user.trim() === '') throw new Error('the administrator user name is empty');
  if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`the administrator password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const salt = randomBytes(16);
  const hash = await derive(password, salt, SCRYPT);
  const record = { user: user.trim(), salt: salt.toString('base64'), hash: hash.toString('base64'), N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p };
  await writeFileAtomic(path.join(dir, ACCOUNT_FILE), JSON.stringify(record), 0o600);
}

export async function hasAdminAccount(dir: string): Promise<boolean> {
  return fs.access(path.join(dir, ACCOUNT_FILE)).then(
    () => true,
    () => false,
  );
}

/** Constant-time check; an unknown user costs the same scrypt work as a wrong password. */
export async function verifyAdmin(dir: string, user: string, password: string): Promise<boolean> {
  let account: z.infer<typeof AccountSchema>;
  try {
    account = AccountSchema.parse(JSON.parse(await fs.readFile(path.join(dir, ACCOUNT_FILE), 'utf8')));
  } catch {
    await derive(password, randomBytes(16), SCRYPT);
    return false;
  }
  const expected = Buffer.from(account.hash, 'base64');
  const actual = await derive(password, Buffer.from(account.salt, 'base64'), { N: account.N, r: account.r, p: account.p });
  return actual.length === expected.length && timingSafeEqual(actual, expected) && account.user === user;
}
