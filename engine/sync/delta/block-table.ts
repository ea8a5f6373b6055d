import { type Signature, entryLength, hasWeak } from './signature';

/**
 * Weak-hash lookup for the rolling search: open addressing on the CRC's low bits, with
 * chains for entries whose CRCs share a slot. The table is kept at most 1/8 full so that the
 * common case, a position that matches nothing, costs one array read. Only full-length blocks
 * (with a weak hash) go in: the rolling window has the block size, so the basis's short last block can only be
 * matched where it is expected (after its predecessor, or at the end of the new file).
 */
export class BlockTable {
  /** Slot → first entry, -1 when empty; read directly by the rolling loop. */
  readonly heads: Int32Array;
  readonly mask: number;
  private readonly chain: Int32Array;

  constructor(private readonly signature: Signature) {
    const entries = signature.blocks.length;
    const size = 2 ** Math.max(4, Math.ceil(Math.log2(entries * 8 + 1)));
    this.heads = new Int32Array(size).fill(-1);
    this.chain = new Int32Array(entries).fill(-1);
    this.mask = size - 1;
    // Insert in reverse so each chain lists entries in basis order: the first candidate is the earliest block.
    for (let entry = entries - 1; entry >= 0; entry -= 1) {
      if (!hasWeak(signature, entry) || entryLength(signature, entry) !== signature.blockSize) continue;
      const slot = (signature.weak[entry] ?? 0) & this.mask;
      this.chain[entry] = this.heads[slot] ?? -1;
      this.heads[slot] = entry;
    }
  }

  /** First entry whose slot matches `weak` (its CRC may still differ: check with `weakOf`), or -1. */
  first(weak: number): number {
    return this.heads[weak & this.mask] ?? -1;
  }

  next(entry: number): number {
    return this.chain[entry] ?? -1;
  }

  weakOf(entry: number): number {
    return this.signature.weak[entry] ?? 0;
  }
}
