import { DeltaFormatError, type DeltaMessage } from './errors';

/**
 * Little-endian, LEB128-varint writer and bounds-checked reader shared by the three wire
 * formats. Varints carry sizes and offsets up to 2^53 (JavaScript's exact integers); the
 * reader refuses anything longer, so a hostile message cannot make us allocate or loop.
 */
export class ByteWriter {
  private bytes: Uint8Array;
  private length = 0;

  constructor(initialCapacity = 256) {
    this.bytes = new Uint8Array(initialCapacity);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.length + extra, this.bytes.length * 2));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  varint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`varint must be a non-negative safe integer, got ${value}`);
    this.reserve(8);
    let rest = value;
    while (rest >= 0x80) {
      this.bytes[this.length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.bytes[this.length++] = rest;
  }

  /** Signed values (offset differences) as zigzag varints: small magnitudes stay short. */
  signedVarint(value: number): void {
    this.varint(value < 0 ? -2 * value - 1 : 2 * value);
  }

  raw(data: Uint8Array): void {
    this.reserve(data.length);
    this.bytes.set(data, this.length);
    this.length += data.length;
  }

  uint32Array(values: Uint32Array): void {
    this.reserve(values.length * 4);
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset + this.length, values.length * 4);
    for (let i = 0; i < values.length; i += 1) view.setUint32(i * 4, values[i] ?? 0, true);
    this.length += values.length * 4;
  }

  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

const MAX_VARINT_BYTES = 8; // 56 bits, enough for 2^53

export class ByteReader {
  private position = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly what: DeltaMessage,
  ) {}

  fail(detail: string): never {
    throw new DeltaFormatError(this.what, `${detail} (at byte ${this.position} of ${this.bytes.length})`);
  }

  get remaining(): number {
    return this.bytes.length - this.position;
  }

  get atEnd(): boolean {
    return this.position === this.bytes.length;
  }

  byte(): number {
    const value = this.bytes[this.position];
    if (value === undefined) this.fail('truncated');
    this.position += 1;
    return value;
  }

  varint(field: string): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < MAX_VARINT_BYTES; i += 1) {
      const byte = this.byte();
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) {
        if (!Number.isSafeInteger(value)) this.fail(`${field} is larger than 2^53`);
        return value;
      }
      scale *= 0x80;
    }
    return this.fail(`${field} is not a valid varint`);
  }

  signedVarint(field: string): number {
    const zigzag = this.varint(field);
    return zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
  }

  raw(length: number, field: string): Uint8Array {
    if (length > this.remaining) this.fail(`${field} needs ${length} bytes but only ${this.remaining} remain`);
    const slice = this.bytes.slice(this.position, this.position + length);
    this.position += length;
    return slice;
  }

  uint32Array(count: number, field: string): Uint32Array {
    const bytes = this.raw(count * 4, field);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const values = new Uint32Array(count);
    for (let i = 0; i < count; i += 1) values[i] = view.getUint32(i * 4, true);
    return values;
  }

  magic(expected: string): void {
    const found = this.raw(Math.min(expected.length, this.remaining), 'magic');
    if (String.fromCharCode(...found) !== expected) this.fail(`does not start with "${expected}" (wrong message type or version)`);
  }
}
