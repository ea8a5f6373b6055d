/**
 * Block-level resynchronization: the Replica holds an old version of a file (the basis), the
 * Master the new one; only what differs crosses the wire, and insertions or deletions do not
 * resend what follows them.
 *
 * Design, and why:
 * - Multi-round refinement. One round with blocks of size B costs 12 bytes per block of
 *   signature plus about B literal bytes per change, so no single B is good for both (rsync:
 *   9.6 MB for 256 changes in 1 GiB). Round 1 signs the whole basis in 64 KiB blocks
 *   (~197 KB); each further round signs, 16× finer, only the basis bytes next to what is
 *   still unmatched (refinement.ts). Three rounds (64 KiB → 4 KiB → 256 B) leave ~256 literal
 *   bytes per change beyond the change itself. `maxRounds: 1` is rsync's one round.
 * - Rolling match at any offset in every round (scanner.ts), rolling only where the expected
 *   next block and the block after it both failed, so a file in sync costs one fingerprint
 *   per block and no per-byte JavaScript.
 * - Weak hash = CRC-32: native (zlib) on the Replica, rolled in JavaScript on the Master
 *   (crc32.ts). Strong hash = 64-bit GMAC with a random key per signature (fingerprint.ts):
 *   a keyed universal hash at ~8 GB/s, 5× sha256, with a collision bound that holds
 *   whatever the data.
 * - Streaming, bounded memory: files are read in 4 MiB chunks, the next chunk read while this
 *   one is hashed; the event loop is yielded between chunks. What grows with the file is the
 *   signature (16 bytes per block in memory, ~256 KiB for 1 GiB) and the plan (one row per
 *   change). Literals travel in ≤ 1 MiB pieces; deltas are applied as they arrive.
 * - Everything that comes from the network is validated with a clear DeltaFormatError; files
 *   that change while being read raise FileChangedError (the caller retries).
 * The sequence of calls is spelled out on resyncInProcess (resync.ts).
 */
export { chooseBlockSize, refinedBlockSize } from './block-size';
export type { Signature } from './signature';
export { computeSignature, type SignatureOptions } from './compute-signature';
export { encodeSignature, decodeSignature } from './signature-codec';
export type { DeltaOp, DeltaStats, EmitOp } from './delta-op';
export { computeDelta, matchSignature, emitDelta, type MatchPlan } from './match';
export { refinementRequest, type RefinementRequest, type RefinementOptions } from './refinement';
export { encodeRefinementRequest, decodeRefinementRequest } from './request-codec';
export { encodeDeltaOps, decodeDeltaOps } from './delta-codec';
export { applyDelta } from './apply-delta';
export { prepareOutput, type PreparedOutput } from './prepare-output';
export { shouldSendWhole } from './whole-file';
export { resyncInProcess, type ResyncOptions, type ResyncReport } from './resync';
export { DeltaFormatError, FileChangedError } from './errors';
