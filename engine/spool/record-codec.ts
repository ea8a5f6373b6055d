import { crc32 } from './crc32';

/**
 * One spooled record on disk, all integers little-endian:
 *
 *   offset  size  field
 *        0     4  payload length in bytes (u32)
 *        4     4  CRC-32 of bytes 8 … end of payload (seq, appendedAtMs, payload)
 *        8     4  seq, low 32 bits  ┐ together a u64; seqs stay below 2^53 so a JS number
 *       12     4  seq, high 32 bits ┘ holds them exactly
 *       16     8  appendedAtMs (f64, ms since the epoch)
 *       24     n  payload (opaque bytes)
 *
 * Records follow each other with no padding; a segment file is nothing but records. The
 * length is outside the CRC on purpose: a damaged length makes the CRC run over the wrong
 * bytes and fail, or point past the end of the file, which recovery treats as a torn tail.
 */
export const HEADER_BYTES = 24;

/** Larger payloads are refused on append and a larger length on disk is damage, not data. */
export const MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;

const TWO_TO_32 = 0x1_0000_0000;

export interface RecordHeader {
  readonly payloadBytes: number;
  readonly crc: number;
  readonly seq: number;
  readonly appendedAtMs: number;
}

/** On-disk size of a record carrying `payloadBytes`. */
export function recordBytes(payloadBytes: number): number {
  return HEADER_BYTES + payloadBytes;
}

/**
 * The record with its payload copied in and seq/CRC left blank: made when append() is
 * called, so later changes to the caller's buffer cannot alter what is stored, and sealed
 * with its seq when the commit that writes it runs.
 */
export function encodeUnsealed(payload: Uint8Array, appendedAtMs: number): Buffer {
  const record = Buffer.allocUnsafe(HEADER_BYTES + payload.byteLength);
  record.writeUInt32LE(payload.byteLength, 0);
  record.writeDoubleLE(appendedAtMs, 16);
  record.set(payload, HEADER_BYTES);
  return record;
}

/** Fills in the seq and the CRC; the record is then ready to write. */
export function seal(record: Buffer, seq: number): void {
  record.writeUInt32LE(seq % TWO_TO_32, 8);
  record.writeUInt32LE(Math.floor(seq / TWO_TO_32), 12);
  record.writeUInt32LE(crc32(record.subarray(8)), 4);
}

/** appendedAtMs of an encoded record. */
export function appendedAtOf(record: Buffer): number {
  return record.readDoubleLE(16);
}

/** Reads the header at `offset`; the caller makes sure HEADER_BYTES are there. */
export function decodeHeader(bytes: Buffer, offset: number): RecordHeader {
  return {
    payloadBytes: bytes.readUInt32LE(offset),
    crc: bytes.readUInt32LE(offset + 4),
    seq: bytes.readUInt32LE(offset + 8) + bytes.readUInt32LE(offset + 12) * TWO_TO_32,
    appendedAtMs: bytes.readDoubleLE(offset + 16),
  };
}

/** Whether the CRC stored in the header at `offset` matches the seq, time and payload after it. */
export function crcMatches(bytes: Buffer, offset: number, header: RecordHeader): boolean {
  const end = offset + HEADER_BYTES + header.payloadBytes;
  return crc32(bytes.subarray(offset + 8, end)) === header.crc;
}
