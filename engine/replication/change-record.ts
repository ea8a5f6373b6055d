import { decode, encode } from '@msgpack/msgpack';
import { z } from 'zod';

/**
 * One change captured on the Master, shipped in order and applied atomically on a Replica.
 * `root` indexes the scenario's Master root directories; `path` is relative to that root,
 * '/'-separated, never empty, never containing '.' or '..' segments (checked again by the
 * Replica's path guard before any use).
 */
const RootIndex = z.number().int().min(0).max(255);
const RelativePath = z.string().min(1).max(4096);
const Mtime = z.number().finite();
const Mode = z.number().int().min(0).max(0o7777);
// z.custom keeps the plain Uint8Array type (z.instanceof narrows it to an ArrayBuffer-backed one, which Buffers are not).
const Bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes');

export const ByteRangeSchema = z.object({ offset: z.number().int().min(0), data: Bytes });
export type ByteRange = z.infer<typeof ByteRangeSchema>;

export const ChangeRecordSchema = z.discriminatedUnion('op', [
  /** Creates the directory (and missing parents); sets its mtime. */
  z.object({ op: z.literal('mkdir'), root: RootIndex, path: RelativePath, mtimeMs: Mtime, mode: Mode }),
  /** Whole small file: written to a temporary file and renamed over the target. */
  z.object({ op: z.literal('put'), root: RootIndex, path: RelativePath, data: Bytes, mtimeMs: Mtime, mode: Mode }),
  /** Changed byte ranges of an existing (or new, chunked) file, then its length set to `size`. */
  z.object({
    op: z.literal('write'),
    root: RootIndex,
    path: RelativePath,
    ranges: z.array(ByteRangeSchema).max(4096),
    size: z.number().int().min(0),
    mtimeMs: Mtime,
    mode: Mode,
  }),
  /** A file or a whole directory tree. Removing what is already gone is not an error. */
  z.object({ op: z.literal('remove'), root: RootIndex, path: RelativePath }),
  /** A file or directory moved within one root; nothing is copied. */
  z.object({ op: z.literal('rename'), root: RootIndex, from: RelativePath, to: RelativePath }),
  /** Modification time and permission bits only. */
  z.object({ op: z.literal('attrs'), root: RootIndex, path: RelativePath, mtimeMs: Mtime, mode: Mode }),
]);
export type ChangeRecord = z.infer<typeof ChangeRecordSchema>;

/** Largest data one record carries; bigger files travel as several `write` records. */
export const MAX_RECORD_DATA_BYTES = 4 * 1024 * 1024;

export function encodeChangeRecord(record: ChangeRecord): Uint8Array {
  return encode(record);
}

/** Decodes and validates; throws a ZodError or a msgpack error on anything malformed. */
export function decodeChangeRecord(bytes: Uint8Array): ChangeRecord {
  return ChangeRecordSchema.parse(decode(bytes));
}

/** Bytes of file data the record carries (what lag and spool figures count). */
export function recordDataBytes(record: ChangeRecord): number {
  switch (record.op) {
    case 'put':
      return record.data.byteLength;
    case 'write':
      return record.ranges.reduce((sum, range) => sum + range.data.byteLength, 0);
    default:
      return 0;
  }
}
