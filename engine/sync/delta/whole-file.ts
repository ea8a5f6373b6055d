import type { DeltaStats } from './delta-op';

/**
 * The scenario's whole-file option: when more than `threshold` of the new file would travel as
 * literal bytes anyway, send it whole (no basis reads on the Replica, no per-block work).
 */
export function shouldSendWhole(stats: DeltaStats, threshold = 0.7): boolean {
  if (!(threshold >= 0 && threshold <= 1)) throw new RangeError(`threshold must be between 0 and 1, got ${threshold}`);
  if (stats.newSize === 0) return false;
  return stats.literalBytes / stats.newSize > threshold;
}
