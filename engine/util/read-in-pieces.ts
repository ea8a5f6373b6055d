/**
 * A file of `size` bytes read `pieceBytes` at a time through `readAt` (a ranged read over an
 * engine channel), so memory does not grow with the file. Exactly `size` bytes, or an error
 * naming `what` when the file comes up short (also when `signal` aborts).
 */
export async function* readInPieces(
  size: number,
  pieceBytes: number,
  readAt: (offset: number, length: number) => Promise<Uint8Array>,
  what: string,
  signal?: AbortSignal,
): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < size; ) {
    signal?.throwIfAborted();
    const data = await readAt(offset, Math.min(pieceBytes, size - offset));
    if (data.byteLength === 0) throw new Error(`${what} ended at ${offset} of ${size} bytes`);
    offset += data.byteLength;
    yield Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  }
}
