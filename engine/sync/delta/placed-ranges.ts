import { DeltaFormatError } from './errors';

/**
 * Output ranges the Replica already wrote from place operations, each with its basis shift
 * (offset − at). The in-order pass asks, for each copy, which parts are already there: they
 * must be there with the same shift (else the delta contradicts itself and is refused) and are
 * skipped. Place operations arrive in increasing `at` order and the in-order pass moves
 * forward, so a cursor makes each question O(1) amortized; memory is one entry per placed run.
 */
export class PlacedRanges {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly shifts: number[] = [];
  private cursor = 0;

  add(at: number, offset: number, length: number): void {
    const last = this.ends.length - 1;
    if (last >= 0 && at < (this.ends[last] ?? 0)) throw new DeltaFormatError('delta operation', `place at ${at} overlaps or precedes the previous one`);
    if (last >= 0 && at === this.ends[last] && offset - at === this.shifts[last]) {
      this.ends[last] = at + length;
      return;
    }
    this.starts.push(at);
    this.ends.push(at + length);
    this.shifts.push(offset - at);
  }

  /**
   * Splits the in-order copy [at, at + length) ← basis[offset…] into parts: calls `write` for
   * each part not placed yet, in order, and checks that the placed parts agree.
   */
  async forEachGap(at: number, offset: number, length: number, write: (at: number, offset: number, length: number) => Promise<void>): Promise<void> {
    let position = at;
    const end = at + length;
    while (this.cursor < this.ends.length && (this.ends[this.cursor] ?? 0) <= position) this.cursor += 1;
    for (let i = this.cursor; position < end && i < this.starts.length; i += 1) {
      const start = this.starts[i] ?? 0;
      if (start >= end) break;
      if (start > position) await write(position, offset + (position - at), start - position);
      if (this.shifts[i] !== offset - at) throw new DeltaFormatError('delta operation', `copy to ${at} disagrees with what was placed at ${start}`);
      position = Math.max(position, Math.min(end, this.ends[i] ?? 0));
    }
    if (position < end) await write(position, offset + (position - at), end - position);
  }

  /** Literal bytes must not land on placed ones. */
  checkFree(at: number, length: number): void {
    while (this.cursor < this.ends.length && (this.ends[this.cursor] ?? 0) <= at) this.cursor += 1;
    const start = this.starts[this.cursor];
    if (start !== undefined && start < at + length) throw new DeltaFormatError('delta operation', `literal bytes at ${at} overwrite what was placed at ${start}`);
  }

  /** Every placed byte must lie inside the new file. */
  checkWithin(size: number): void {
    const end = this.ends[this.ends.length - 1];
    if (end !== undefined && end > size) throw new DeltaFormatError('delta operation', `bytes were placed up to ${end}, beyond the new file's ${size} bytes`);
  }
}
