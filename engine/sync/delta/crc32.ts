import zlib from 'node:zlib';

/**
 * The weak, rolling hash: CRC-32 (IEEE, as zlib computes it). The Replica hashes whole blocks
 * with zlib's native crc32 (~5 GB/s); the Master rolls it one byte at a time, in JavaScript,
 * only where the expected blocks failed to match. CRC is affine in the data, so for a fixed
 * window length W the byte leaving the window contributes a fixed table value:
 *   reg' = T[(reg ^ in) & 0xff] ^ (reg >>> 8) ^ OUT[out]
 * where reg = ~crc, and OUT[x] = reg₀([x, 0^W]) ^ (reg(0^(W+1)) ^ reg(0^W)) folds in the
 * effect of zlib's initial value. A test checks every position against zlib.crc32.
 */
export const CRC_TABLE = new Int32Array(256);
for (let n = 0; n < 256; n += 1) {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  CRC_TABLE[n] = c;
}

function crc32InJavaScript(data: Uint8Array, value = 0): number {
  let reg = ~value;
  for (let i = 0; i < data.length; i += 1) reg = (CRC_TABLE[(reg ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (reg >>> 8);
  return ~reg >>> 0;
}

// zlib.crc32 arrived in Node 20.15; the engine declares ≥ 20.11, so keep a (slow) fallback.
const nativeCrc32: ((data: Uint8Array, value?: number) => number) | undefined = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** CRC-32 of data, continuing from `value` (zlib's convention: the CRC of what came before). */
export function crc32(data: Uint8Array, value = 0): number {
  return nativeCrc32 ? nativeCrc32(data, value) : crc32InJavaScript(data, value);
}

/** The table that removes the byte leaving a window of `windowLength` bytes (see header). */
export function crcOutTable(windowLength: number): Int32Array {
  const zeros = new Uint8Array(windowLength + 1);
  const fold = crc32(zeros) ^ crc32(zeros.subarray(0, windowLength));
  const bitContribution = new Int32Array(8);
  for (let bit = 0; bit < 8; bit += 1) {
    zeros[0] = 1 << bit;
    bitContribution[bit] = ~crc32(zeros, 0xffffffff);
  }
  const table = new Int32Array(256);
  for (let x = 0; x < 256; x += 1) {
    let value = fold;
    for (let bit = 0; bit < 8; bit += 1) if (x & (1 << bit)) value ^= bitContribution[bit] ?? 0;
    table[x] = value;
  }
  return table;
}
