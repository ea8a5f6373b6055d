import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_FRAME_BYTES, encodeFrame, FRAME_HEADER_BYTES, FrameDecoder, FrameTooLargeError } from '../../../engine/transport/frame-codec';

function bytes(length: number, seed = 1): Buffer {
  return Buffer.from(Array.from({ length }, (_unused, index) => (index * 31 + seed) % 256));
}

/** Feeds `chunks` to a fresh decoder and returns every frame it handed out, copied. */
function decodeAll(chunks: readonly Buffer[], maxFrameBytes?: number): Buffer[] {
  const decoder = new FrameDecoder(maxFrameBytes);
  return chunks.flatMap((chunk) => decoder.push(chunk).map((frame) => Buffer.from(frame)));
}

/** A header announcing `length` bytes, without any payload. */
function header(length: number): Buffer {
  const head = Buffer.alloc(FRAME_HEADER_BYTES);
  head.writeUInt32BE(length, 0);
  return head;
}

const payloadSets: Array<[string, Buffer[]]> = [
  ['one small payload', [bytes(5)]],
  ['one empty payload', [Buffer.alloc(0)]],
  ['several empty payloads', [Buffer.alloc(0), Buffer.alloc(0), Buffer.alloc(0)]],
  ['mixed sizes with empties between', [bytes(1), Buffer.alloc(0), bytes(3, 7), bytes(17, 9), Buffer.alloc(0), bytes(2, 4)]],
  ['a payload longer than 255 bytes (multi-byte length)', [bytes(300), bytes(4)]],
];

describe('encodeFrame', () => {
  it('prefixes the payload with its length as a big-endian u32', () => {
    expect(encodeFrame(Buffer.from([0xaa, 0xbb, 0xcc]))).toEqual(Buffer.from([0, 0, 0, 3, 0xaa, 0xbb, 0xcc]));
    expect(encodeFrame(bytes(258))).toEqual(Buffer.concat([Buffer.from([0, 0, 1, 2]), bytes(258)]));
    expect(encodeFrame(new Uint8Array(0))).toEqual(Buffer.from([0, 0, 0, 0]));
  });

  it('accepts a payload of exactly the limit and refuses one byte more', () => {
    expect(encodeFrame(bytes(64), 64)).toHaveLength(FRAME_HEADER_BYTES + 64);
    expect(() => encodeFrame(bytes(65), 64)).toThrow(FrameTooLargeError);
    try {
      encodeFrame(bytes(65), 64);
    } catch (error) {
      expect(error).toMatchObject({ name: 'FrameTooLargeError', length: 65, limit: 64 });
    }
  });

  it('refuses a payload over the default 16 MiB limit', () => {
    expect(() => encodeFrame(Buffer.alloc(DEFAULT_MAX_FRAME_BYTES + 1))).toThrow(FrameTooLargeError);
  });
});

describe('FrameDecoder', () => {
  it.each(payloadSets)('round-trips %s with the stream split at every byte boundary', (_name, payloads) => {
    const stream = Buffer.concat(payloads.map((payload) => encodeFrame(payload)));
    for (let cut = 0; cut <= stream.byteLength; cut += 1) {
      expect(decodeAll([stream.subarray(0, cut), stream.subarray(cut)]), `cut at ${cut}`).toEqual(payloads);
    }
  });

  it.each(payloadSets)('round-trips %s fed one byte at a time', (_name, payloads) => {
    const stream = Buffer.concat(payloads.map((payload) => encodeFrame(payload)));
    const oneByOne = Array.from(stream, (byte) => Buffer.from([byte]));
    expect(decodeAll(oneByOne)).toEqual(payloads);
  });

  it.each(payloadSets)('round-trips %s with the stream cut at every pair of boundaries', (_name, payloads) => {
    const stream = Buffer.concat(payloads.map((payload) => encodeFrame(payload)));
    if (stream.byteLength > 80) return; // quadratic: the single cuts above cover long streams
    for (let first = 0; first <= stream.byteLength; first += 1) {
      for (let second = first; second <= stream.byteLength; second += 1) {
        const chunks = [stream.subarray(0, first), stream.subarray(first, second), stream.subarray(second)];
        expect(decodeAll(chunks), `cuts at ${first}, ${second}`).toEqual(payloads);
      }
    }
  });

  it('hands out every frame of a chunk holding several, in order', () => {
    const payloads = [bytes(3), bytes(0), bytes(10, 5), bytes(1, 9)];
    const decoder = new FrameDecoder();
    expect(decoder.push(Buffer.concat(payloads.map((payload) => encodeFrame(payload))))).toEqual(payloads);
    expect(decoder.push(Buffer.alloc(0))).toEqual([]);
  });

  it('keeps a trailing partial frame until the rest arrives', () => {
    const decoder = new FrameDecoder();
    const second = encodeFrame(bytes(6, 3));
    expect(decoder.push(Buffer.concat([encodeFrame(bytes(2)), second.subarray(0, 5)]))).toEqual([bytes(2)]);
    expect(decoder.push(second.subarray(5, 7))).toEqual([]);
    expect(decoder.push(Buffer.concat([second.subarray(7), encodeFrame(bytes(1, 8))]))).toEqual([bytes(6, 3), bytes(1, 8)]);
  });

  it('round-trips a large payload delivered in uneven chunks', () => {
    const payload = bytes(200_000, 11);
    const stream = encodeFrame(payload);
    const chunks: Buffer[] = [];
    for (let offset = 0, size = 1; offset < stream.byteLength; offset += size, size = (size * 7 + 3) % 9000) chunks.push(stream.subarray(offset, offset + size));
    const frames = decodeAll(chunks);
    expect(frames).toHaveLength(1);
    expect(frames[0]?.equals(payload)).toBe(true);
  });

  it('accepts a frame of exactly the limit', () => {
    expect(decodeAll([encodeFrame(bytes(64), 64)], 64)).toEqual([bytes(64)]);
  });

  it('refuses an oversized frame from its header alone, before any payload arrives', () => {
    const decoder = new FrameDecoder(64);
    expect(() => decoder.push(header(65))).toThrow(FrameTooLargeError);
  });

  it('refuses an oversized header split across chunks as soon as its last byte arrives', () => {
    const decoder = new FrameDecoder(64);
    const head = header(0xffff_ffff);
    expect(decoder.push(head.subarray(0, 1))).toEqual([]);
    expect(decoder.push(head.subarray(1, 3))).toEqual([]);
    let thrown: unknown;
    try {
      decoder.push(head.subarray(3));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FrameTooLargeError);
    expect(thrown).toMatchObject({ length: 0xffff_ffff, limit: 64 });
  });

  it('refuses an oversized header that follows valid frames in the same stream', () => {
    const decoder = new FrameDecoder(64);
    expect(decoder.push(encodeFrame(bytes(10)))).toEqual([bytes(10)]);
    expect(() => decoder.push(Buffer.concat([header(1_000_000), bytes(8)]))).toThrow(FrameTooLargeError);
  });

  it('uses the 16 MiB default limit', () => {
    expect(() => new FrameDecoder().push(header(DEFAULT_MAX_FRAME_BYTES + 1))).toThrow(FrameTooLargeError);
    expect(new FrameDecoder().push(header(DEFAULT_MAX_FRAME_BYTES))).toEqual([]);
  });
});
