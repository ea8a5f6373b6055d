import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../engine/spool/crc32';

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('crc32', () => {
  it.each([
    ['', 0x00000000],
    ['a', 0xe8b7be43],
    ['abc', 0x352441c2],
    ['123456789', 0xcbf43926],
    ['The quick brown fox jumps over the lazy dog', 0x414fa339],
  ])('matches the standard CRC-32 (zlib, PNG) of %j', (input, expected) => {
    expect(crc32(ascii(input))).toBe(expected);
  });

  it('continues across buffers: crc32(b, crc32(a)) equals crc32(a‖b) at every split point', () => {
    const whole = Uint8Array.from({ length: 300 }, (_, i) => (i * 37 + 11) & 0xff);
    for (let split = 0; split <= whole.length; split += 13) {
      expect(crc32(whole.subarray(split), crc32(whole.subarray(0, split)))).toBe(crc32(whole));
    }
  });

  it('changes when any single bit changes', () => {
    const bytes = Uint8Array.from({ length: 64 }, (_, i) => i);
    const original = crc32(bytes);
    for (let bit = 0; bit < bytes.length * 8; bit += 5) {
      const flipped = bytes.slice();
      flipped[bit >>> 3] = (flipped[bit >>> 3] ?? 0) ^ (1 << (bit & 7));
      expect(crc32(flipped)).not.toBe(original);
    }
  });
});
