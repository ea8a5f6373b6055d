/**
 * `understudy-decrypt.mjs`: decrypts an UNDERSTUDY-ENC1 file (encryption.ts) with nothing but
 * Node.js — `openssl enc` cannot, it has no AES-GCM. README.md ("Backup sessions on disk")
 * prints this exact text and a test runs the README's copy, so what a user copies works.
 * Kept here too so the device code can put it beside the sessions it writes.
 */
export const RECOVERY_SCRIPT_NAME = 'understudy-decrypt.mjs';

export const RECOVERY_SCRIPT = `// understudy-decrypt.mjs: writes the plaintext of an Understudy UNDERSTUDY-ENC1 file to stdout.
// Usage: UNDERSTUDY_PASSWORD='the session password' node understudy-decrypt.mjs FILE > OUTPUT
// Needs Node.js 16 or later and nothing else. Exits with 1 (message on stderr) on a wrong
// password or a damaged file; output written before that must not be trusted.
import { createDecipheriv, createHash, scryptSync } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { once } from 'node:events';

const fail = (message) => { process.stderr.write('understudy-decrypt: ' + message + '\\n'); process.exit(1); };
const file = process.argv[2];
if (!file) fail('usage: UNDERSTUDY_PASSWORD=... node understudy-decrypt.mjs FILE > OUTPUT');
const password = (process.env.UNDERSTUDY_PASSWORD ?? '').normalize('NFC');
let header, key, chunkBytes, index = 0, pending = Buffer.alloc(0);

function open(sealed, final) { // one chunk: ciphertext + 16-byte GCM tag
  const nonce = Buffer.from(header.subarray(40, 52)); // base nonce, chunk index XORed into its last 8 bytes
  nonce.writeBigUInt64BE(nonce.readBigUInt64BE(4) ^ BigInt(index), 4);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(Buffer.concat([header, Buffer.from([final ? 1 : 0])])); // header + "is last chunk"
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    const plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
    index += 1;
    return plain;
  } catch {
    fail('damaged or cut short at byte ' + (84 + index * (chunkBytes + 16)) + ' (chunk ' + index + ')');
  }
}

async function write(data) {
  if (!process.stdout.write(data)) await once(process.stdout, 'drain');
}

for await (const data of createReadStream(file, { highWaterMark: 1 << 20 })) {
  pending = Buffer.concat([pending, data]);
  if (!header) {
    if (pending.length < 84) continue;
    header = pending.subarray(0, 84); // magic, scrypt log2(N)/r/p, chunk size, salt, base nonce, key check, header hash
    pending = pending.subarray(84);
    if (header.toString('latin1', 0, 16) !== 'UNDERSTUDY-ENC1\\n') fail('not an UNDERSTUDY-ENC1 file');
    if (!createHash('sha256').update(header.subarray(0, 68)).digest().subarray(0, 16).equals(header.subarray(68, 84))) fail('the header is damaged');
    const N = 2 ** header[17], r = header[18], p = header[19];
    chunkBytes = header.readUInt32BE(20);
    const derived = scryptSync(password, header.subarray(24, 40), 48, { N, r, p, maxmem: 256 * N * r });
    if (!derived.subarray(32, 48).equals(header.subarray(52, 68))) fail('wrong password');
    key = derived.subarray(0, 32);
  }
  while (pending.length > chunkBytes + 16) { // more than one chunk buffered: the first is not the last
    await write(open(pending.subarray(0, chunkBytes + 16), false));
    pending = pending.subarray(chunkBytes + 16);
  }
}
if (!header) fail('the file is too short to be UNDERSTUDY-ENC1');
await write(open(pending, true));
`;
