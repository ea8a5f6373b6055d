/**
 * The Master's picture of the new file, in new-file order: rows that copy basis bytes
 * (basisOffset ≥ 0) and rows not matched yet (-1). Adjacent rows merge as they are added
 * (a copy that continues the previous copy in the basis, unmatched after unmatched), so a
 * 1 GiB file with 256 edits holds ~500 rows whatever its block count. Three float64 columns
 * in one growing typed array rather than objects.
 */
export const UNMATCHED = -1;
const COLUMNS = 3;

export class Segments {
  private rows = new Float64Array(COLUMNS * 64);
  count = 0;

  add(newStart: number, length: number, basisOffset: number): void {
    if (length <= 0) return;
    const last = this.count - 1;
    if (last >= 0 && this.newStart(last) + this.length(last) === newStart) {
      const previous = this.basisOffset(last);
      const continues = basisOffset === UNMATCHED ? previous === UNMATCHED : previous !== UNMATCHED && previous + this.length(last) === basisOffset;
      if (continues) {
        this.rows[last * COLUMNS + 1] = this.length(last) + length;
        return;
      }
    }
    if ((this.count + 1) * COLUMNS > this.rows.length) {
      const grown = new Float64Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    const at = this.count * COLUMNS;
    this.rows[at] = newStart;
    this.rows[at + 1] = length;
    this.rows[at + 2] = basisOffset;
    this.count += 1;
  }

  newStart(row: number): number {
    return this.rows[row * COLUMNS] ?? 0;
  }

  length(row: number): number {
    return this.rows[row * COLUMNS + 1] ?? 0;
  }

  basisOffset(row: number): number {
    return this.rows[row * COLUMNS + 2] ?? UNMATCHED;
  }

  /** For an unmatched row: the basis offset right after the copy before it (0 at the start). */
  basisBefore(row: number): number {
    const previous = row - 1;
    return previous >= 0 && this.basisOffset(previous) !== UNMATCHED ? this.basisOffset(previous) + this.length(previous) : 0;
  }

  /** For an unmatched row: where the copy after it starts in the basis (`basisSize` at the end). */
  basisAfter(row: number, basisSize: number): number {
    const next = row + 1;
    return next < this.count && this.basisOffset(next) !== UNMATCHED ? this.basisOffset(next) : basisSize;
  }

  unmatchedBytes(): number {
    let total = 0;
    for (let row = 0; row < this.count; row += 1) if (this.basisOffset(row) === UNMATCHED) total += this.length(row);
    return total;
  }
}
