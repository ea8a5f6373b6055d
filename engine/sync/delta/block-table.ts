import { type Signature, entryLength, hasWeak } from './signature';

/**
 * Weak-hash lookup for the rolling search: open addressing on the CRC's low bits, with
 * chains for entries whose CRCs share a slot, in front of which sits a bitmap of occupied
 * slots. The rolling loop probes one random slot per byte, so what it touches must stay in
 * the L1 cache: the bitmap is 1 bit per slot (8 KiB for 8,192 entries, 1/8 full), against
 * 32 bits for `heads`, which is read only on the rare hit. Sized by the entries that actually
 * go in: full-length blocks with a weak hash (the rolling window has the block size, so the
 * basis's short last block is only matched where it is expected).
 */
export class BlockTable {
  /** One bit per slot: set when some entry lives there. Read directly by the rolling loop. */
  readonly occupied: Uint32Array;
  readonly mask: number;
  private readonly heads: Int32Array;
  private readonly chain: Int32Array;

  constructor(private readonly signature: Signature) {
    const entries = signature.blocks.length;
    const inserted: number[] = [];
    for (let entry = entries - 1; entry >= 0; entry -= 1) {
      if (hasWeak(signature, entry) && entryLength(signature, entry) === signature.blockSize) inserted.push(entry);
    }
    const size = 2 ** Math.max(5, Math.ceil(Math.log2(inserted.length * 8 + 1)));
    this.mask = size - 1;
    this.occupied = new Uint32Array(size / 32);
    this.heads = new Int32Array(size).fill(-1);
    this.chain = new Int32Array(entries).fill(-1);
    // Inserted in reverse basis order, so each chain lists entries in basis order: the first candidate is the earliest block.
    for (const entry of inserted) {
      const slot = (signature.weak[entry] ?? 0) & this.mask;
      this.chain[entry] = this.heads[slot] ?? -1;
      this.heads[slot] = entry;
      this.occupied[slot >>> 5] = (this.occupied[slot >>> 5] ?? 0) | (1 << (slot & 31));
    }
  }

  /** First entry in the slot of `weak` (its CRC may still differ: check with `weakOf`), or -1. */
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
