import fs from 'node:fs';
import path from 'node:path';

/**
 * A payload that can be recomputed from its seq alone, so a test (or a crashed child's
 * parent) can check any record's content byte for byte. Sizes vary from 0 to 100,000 bytes.
 */
export function payloadFor(seq: number, maxBytes = 100_000): Uint8Array {
  const size = (seq * 7_919) % (maxBytes + 1);
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (seq * 131 + i * 7 + (i >>> 8)) & 0xff;
  return bytes;
}

/** A small payload that names its seq, for tests that look at the content. */
export function textPayload(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function text(payload: Uint8Array): string {
  return new TextDecoder().decode(payload);
}

/** Segment files in `dir`, sorted (their names are their first seqs). */
export function segmentFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.seg'))
    .sort();
}

export function lastSegmentPath(dir: string): string {
  const last = segmentFiles(dir).at(-1);
  if (last === undefined) throw new Error(`no segment file in ${dir}`);
  return path.join(dir, last);
}

/** Equality of bytes whatever the Uint8Array subclass (Buffer vs plain). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}
