/**
 * Block-level resynchronization: the Replica holds an old version of a file (the basis), the
 * Master the new one; only what differs crosses the wire, and insertions or deletions do not
 * resend what follows them.
 *
 * Design, and why:
 * - Multi-round refinement. One round with blocks of size B costs ~8.5 bytes of signature per
 *   block plus about B literal bytes per change, so no single B suits both (rsync, one round
 *   at 32 KiB: 9.6–10.3 MB for 256 changes in 1 GiB). Round 1 signs the whole basis in 64 KiB
 *   blocks (139 KB for 1 GiB); each further round signs, 16× finer, only the unused basis
 *   bytes next to what is still unmatched (refinement.ts), so its cost follows the changes,
 *   not the file. Three rounds (64 KiB → 4 KiB → 256 B) leave ~256 literal bytes per change
 *   beyond the change itself: 1.41 MB in all for that file. `maxRounds: 1` is rsync's round.
 * - Rolling match at any offset, in every round (scanner.ts), but only where it is needed:
 *   the expected next block first, then the next three at their unshifted places, and only
 *   then the byte-by-byte roll. A file in sync costs one fingerprint per block and no
 *   per-byte JavaScript; an insertion costs one roll of at most a few blocks.
 * - Weak hash = CRC-32: native (zlib) on the Replica, rolled in JavaScript on the Master
 *   (crc32.ts), and in round 1 kept for every 8th block only (signature.ts): finding one block
 *   of a shifted run is enough, the expected-block rule follows the run, and the next round
 *   recovers the blocks before it. Strong hash = 64-bit GMAC with a random key per signature
 *   (fingerprint.ts): a keyed universal hash at ~8 GB/s, 5× sha256, whose collision bound
 *   holds whatever the data.
 * - Streaming, bounded memory: files are read in 4 MiB chunks, the next chunk read while this
 *   one is hashed, and the event loop is yielded every megabyte of work. What grows with the
 *   file is the signature (~16 bytes per block in memory: 256 KiB for 1 GiB) and the plan
 *   (one row per change). Literals travel in ≤ 1 MiB pieces; deltas are applied as they
 *   arrive; the first round's copies are sent as "place" operations while the Master is
 *   still scanning (delta-op.ts), so the Replica writes the file as rsync's receiver does,
 *   during the match rather than after the last round.
 * - Everything that comes from the network is validated and refused with a DeltaFormatError
 *   naming the problem; files that change while being read raise FileChangedError.
 * The sequence of calls, Replica and Master, is spelled out on resyncInProcess (resync.ts).
 */
export { chooseBlockSize, refinedBlockSize } from './block-size';
export type { Signature } from './signature';
export { computeSignature, FIRST_ROUND_WEAK_STRIDE, type SignatureOptions } from './compute-signature';
export { encodeSignature, decodeSignature } from './signature-codec';
export type { DeltaOp, DeltaStats, EmitOp } from './delta-op';
export { computeDelta, matchSignature, emitDelta, type MatchPlan } from './match';
export { refinementRequest, type RefinementRequest, type RefinementOptions } from './refinement';
export { encodeRefinementRequest, decodeRefinementRequest } from './request-codec';
export { encodeDeltaOps, decodeDeltaOps } from './delta-codec';
export { applyDelta } from './apply-delta';
export { shouldSendWhole } from './whole-file';
export { resyncInProcess, type ResyncOptions, type ResyncReport } from './resync';
export { DeltaFormatError, FileChangedError } from './errors';
