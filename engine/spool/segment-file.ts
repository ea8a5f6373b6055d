import { readdir, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * Segment files: `<first seq, 20 digits>.seg`, so a plain sort by name is a sort by seq and
 * the index can be rebuilt from a directory listing without reading any file.
 */
const SEGMENT_NAME = /^(\d{20})\.seg$/;
const DIGITS = 20;

export function segmentFileName(firstSeq: number): string {
  return `${String(firstSeq).padStart(DIGITS, '0')}.seg`;
}

/** The first seq named by a segment file, or undefined for any other file. */
export function parseSegmentFileName(name: string): number | undefined {
  const match = SEGMENT_NAME.exec(name);
  const digits = match?.[1];
  if (digits === undefined) return undefined;
  const firstSeq = Number(digits);
  return Number.isSafeInteger(firstSeq) && firstSeq > 0 ? firstSeq : undefined;
}

export interface SegmentListing {
  /** Segment files, ascending by first seq. */
  readonly segments: readonly { firstSeq: number; file: string }[];
  /** Leftovers of an atomic write cut short by a crash. */
  readonly tempFiles: readonly string[];
}

export async function listSpoolDir(dir: string): Promise<SegmentListing> {
  const names = await readdir(dir);
  const segments: { firstSeq: number; file: string }[] = [];
  const tempFiles: string[] = [];
  for (const name of names) {
    const firstSeq = parseSegmentFileName(name);
    if (firstSeq !== undefined) segments.push({ firstSeq, file: path.join(dir, name) });
    else if (name.endsWith('.tmp')) tempFiles.push(path.join(dir, name));
  }
  segments.sort((a, b) => a.firstSeq - b.firstSeq);
  return { segments, tempFiles };
}

/** Writes every byte of `buffers` at `position`, looping over short writes. */
export async function writeAll(handle: FileHandle, buffers: readonly Buffer[], position: number): Promise<number> {
  let pending = buffers.filter((buffer) => buffer.byteLength > 0);
  let at = position;
  while (pending.length > 0) {
    const { bytesWritten } = await handle.writev(pending, at);
    if (bytesWritten <= 0) throw new Error(`short write to a spool segment at offset ${at}`);
    at += bytesWritten;
    pending = dropWritten(pending, bytesWritten);
  }
  return at - position;
}

function dropWritten(buffers: readonly Buffer[], written: number): Buffer[] {
  const rest: Buffer[] = [];
  let skip = written;
  for (const buffer of buffers) {
    if (skip >= buffer.byteLength) skip -= buffer.byteLength;
    else {
      rest.push(skip > 0 ? buffer.subarray(skip) : buffer);
      skip = 0;
    }
  }
  return rest;
}

/** Removes a file that may already be gone (a crash between two removals is not an error). */
export async function removeFile(file: string): Promise<void> {
  await rm(file, { force: true });
}
