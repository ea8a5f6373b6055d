import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { SecretBox } from './secret-box';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM with a random key kept in `keyFile`, created once with mode 0600 so only this
 * OS account (and administrators) can read it — the console host's stand-in for safeStorage.
 * Sealed = iv ‖ tag ‖ ciphertext; a wrong key or a flipped byte fails the GCM tag check.
 */
export function keyFileBox(keyFile: string): SecretBox {
  const key = loadOrCreateKey(keyFile);
  return {
    kind: `key file ${keyFile}`,
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    open(sealed) {
      if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('sealed secret too short');
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
      decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    },
  };
}

function loadOrCreateKey(keyFile: string): Buffer {
  try {
    const fd = fs.openSync(keyFile, 'wx', 0o600);
    try {
      const key = randomBytes(KEY_BYTES);
      fs.writeSync(fd, key);
      fs.fsyncSync(fd);
      return key;
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = fs.readFileSync(keyFile);
  if (key.length !== KEY_BYTES) throw new Error(`${keyFile} is not a ${KEY_BYTES}-byte key`);
  return key;
}
