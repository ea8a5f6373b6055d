/**
 * A signature: for some blocks of the Replica's basis, a weak rolling hash and a strong
 * fingerprint. Block i covers basis bytes [i·blockSize, min((i+1)·blockSize, basisSize)); only
 * the basis's last block can be short. A first-round signature lists every block; a refinement
 * signature lists only the blocks the Master asked for (`blocks` is strictly increasing).
 * Compact typed arrays: 1 GiB at 64 KiB blocks is 16,384 entries, 256 KiB of memory.
 */
export interface Signature {
  readonly blockSize: number;
  readonly basisSize: number;
  /** GMAC key of the strong fingerprints (fingerprint.ts); random per signature. */
  readonly key: Uint8Array;
  /** Basis block index of each entry. */
  readonly blocks: Uint32Array;
  /**
   * Only blocks whose index is a multiple of this carry a weak hash (see hasWeak): the rolling
   * search needs to find one block of a shifted run; the scanner then walks back over the
   * blocks before it and the expected-block rule follows the run forward. 8 for a whole basis
   * (1/8 of the Replica's CRC work, 3.5 bytes less per block), 1 in refinement rounds.
   */
  readonly weakStride: number;
  /** CRC-32 of each entry's block (0 where the entry has none). */
  readonly weak: Uint32Array;
  /** 64-bit fingerprint of each entry's block, two words per entry. */
  readonly strong: Uint32Array;
}

export function hasWeak(signature: Signature, entry: number): boolean {
  return (signature.blocks[entry] ?? 0) % signature.weakStride === 0;
}

export function basisBlockCount(blockSize: number, basisSize: number): number {
  return Math.ceil(basisSize / blockSize);
}

export function entryOffset(signature: Signature, entry: number): number {
  return (signature.blocks[entry] ?? 0) * signature.blockSize;
}

export function entryLength(signature: Signature, entry: number): number {
  const offset = entryOffset(signature, entry);
  return Math.min(signature.blockSize, signature.basisSize - offset);
}

/** The entry for the block starting at basis `offset`, or -1 (binary search). */
export function entryAt(signature: Signature, offset: number): number {
  if (offset < 0 || offset % signature.blockSize !== 0 || offset >= signature.basisSize) return -1;
  const block = offset / signature.blockSize;
  let low = 0;
  let high = signature.blocks.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = signature.blocks[middle] ?? 0;
    if (found === block) return middle;
    if (found < block) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** The entry for the block right after `entry`'s, if the signature holds it, else -1. */
export function nextEntry(signature: Signature, entry: number): number {
  if (entry < 0 || entry + 1 >= signature.blocks.length) return -1;
  return signature.blocks[entry + 1] === (signature.blocks[entry] ?? 0) + 1 ? entry + 1 : -1;
}

/** Runs of consecutive block indices, as [first, count] pairs: the wire form of `blocks`. */
export function blockRuns(blocks: Uint32Array): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (let i = 0; i < blocks.length; ) {
    const first = blocks[i] ?? 0;
    let count = 1;
    while (i + count < blocks.length && blocks[i + count] === first + count) count += 1;
    runs.push([first, count]);
    i += count;
  }
  return runs;
}
