/**
 * CRC-32 (IEEE 802.3, the zlib/PNG polynomial 0xEDB88320, reflected), so a record's checksum
 * can be checked with any standard tool. Node 20 has no zlib.crc32 (added in 22.2), hence
 * this table-driven version. Slicing-by-8 (eight 256-entry tables, eight bytes per step)
 * runs several times faster than the classic byte-at-a-time loop, which matters because
 * every appended and every read byte passes through here.
 */
const TABLES: readonly Uint32Array[] = buildTables();

function buildTables(): Uint32Array[] {
  const tables = Array.from({ length: 8 }, () => new Uint32Array(256));
  const [first] = tables;
  if (!first) throw new Error('unreachable: eight tables were made');
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    first[n] = c >>> 0;
  }
  for (let t = 1; t < 8; t++) {
    const previous = tables[t - 1];
    const current = tables[t];
    if (!previous || !current) throw new Error('unreachable: eight tables were made');
    for (let n = 0; n < 256; n++) {
      const p = previous[n] ?? 0;
      current[n] = ((p >>> 8) ^ (first[p & 0xff] ?? 0)) >>> 0;
    }
  }
  return tables;
}

const [T0, T1, T2, T3, T4, T5, T6, T7] = TABLES as [
  Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array,
];

/**
 * CRC-32 of `bytes`, continuing from `previous` (the CRC of the bytes before them), so a
 * checksum over several buffers needs no concatenation: crc32(b, crc32(a)) === crc32(a‖b).
 */
export function crc32(bytes: Uint8Array, previous = 0): number {
  let crc = ~previous >>> 0;
  let i = 0;
  const length = bytes.length;
  // Typed-array reads cannot go out of bounds here, so `as number` only tells the compiler
  // what noUncheckedIndexedAccess cannot prove; it keeps the hot loop free of branches.
  for (; i + 8 <= length; i += 8) {
    const lo = (crc ^ ((bytes[i] as number) | ((bytes[i + 1] as number) << 8) | ((bytes[i + 2] as number) << 16) | ((bytes[i + 3] as number) << 24))) >>> 0;
    crc =
      (T7[lo & 0xff] as number) ^
      (T6[(lo >>> 8) & 0xff] as number) ^
      (T5[(lo >>> 16) & 0xff] as number) ^
      (T4[lo >>> 24] as number) ^
      (T3[bytes[i + 4] as number] as number) ^
      (T2[bytes[i + 5] as number] as number) ^
      (T1[bytes[i + 6] as number] as number) ^
      (T0[bytes[i + 7] as number] as number);
  }
  for (; i < length; i++) crc = (T0[(crc ^ (bytes[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return ~crc >>> 0;
}
