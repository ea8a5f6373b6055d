/**
 * Block sizes for each round. The first round uses big blocks so its signature is small
 * (12 bytes per block: ~197 KB for 1 GiB at 64 KiB); each refinement round divides the block
 * size by REFINE_FACTOR, but only over the basis ranges next to what did not match, so the
 * total signature stays small while the literal data shrinks to about one final block per
 * change.
 */
export const MIN_BLOCK_SIZE = 64;
export const MAX_BLOCK_SIZE = 16 * 1024 * 1024;
const MIN_CHOSEN = 512;
const MAX_CHOSEN = 4 * 1024 * 1024;
export const REFINE_FACTOR = 16;
/** Refining below this costs more signature bytes (12 per block) than the literal bytes it saves. */
export const MIN_REFINED_BLOCK_SIZE = 256;

/** Number of bits needed to write `value` (exact: no floating-point logarithm at powers of two). */
function bitLength(value: number): number {
  let bits = 0;
  while (2 ** bits <= value) bits += 1;
  return bits;
}

/**
 * First-round block size: a power of two near sqrt(4 × size), between 512 B and 4 MiB.
 * 1 GiB → 64 KiB (16,384 blocks); 8 MiB → 8 KiB; 1 TiB → 2 MiB (so a signature stays under
 * ~5 MB and its lookup table under ~20 MB even for the largest files).
 */
export function chooseBlockSize(fileSize: number): number {
  if (!Number.isSafeInteger(fileSize) || fileSize < 0) throw new RangeError(`file size must be a non-negative integer, got ${fileSize}`);
  return Math.min(MAX_CHOSEN, Math.max(MIN_CHOSEN, 2 ** ((bitLength(fileSize) + 2) >> 1)));
}

/** The next round's block size, or undefined when refining further would not pay. */
export function refinedBlockSize(blockSize: number): number | undefined {
  const next = Math.max(MIN_REFINED_BLOCK_SIZE, Math.floor(blockSize / REFINE_FACTOR));
  return next < blockSize ? next : undefined;
}

export function assertBlockSize(blockSize: number): void {
  if (!Number.isSafeInteger(blockSize) || blockSize < MIN_BLOCK_SIZE || blockSize > MAX_BLOCK_SIZE) {
    throw new RangeError(`block size must be an integer from ${MIN_BLOCK_SIZE} to ${MAX_BLOCK_SIZE}, got ${blockSize}`);
  }
}
