import type { FileHandle } from 'node:fs/promises';
import { FileChangedError } from './errors';

/** Reads exactly `length` bytes at `position` (a read may return less); fewer means the file shrank. */
export async function readFully(file: FileHandle, path: string, buffer: Uint8Array, offset: number, length: number, position: number): Promise<void> {
  let got = 0;
  while (got < length) {
    const { bytesRead } = await file.read(buffer, offset + got, length - got, position + got);
    if (bytesRead === 0) throw new FileChangedError(path, `ended at ${position + got}, before the ${position + length} bytes expected`);
    got += bytesRead;
  }
}
