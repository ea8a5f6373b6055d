import type { EmitOp } from './delta-op';
import type { SegmentSink } from './scanner';
import { type Segments, UNMATCHED } from './segments';

/** A run of copies is placed in pieces of this size, so the Replica starts writing early. */
const PLACE_PIECE = 16 * 1024 * 1024;

/**
 * The first round's sink when the Replica is listening: records segments as usual and also
 * emits place operations for runs of copies, as soon as they are known. They are final:
 * later rounds only refine unmatched rows. A run is placed when it ends, and every 16 MiB
 * while it grows, so a file that matches all along (an insertion near the start) is written
 * while the Master is still scanning it.
 */
export class PlacingSink implements SegmentSink {
  private runAt = 0;
  private runOffset = 0;
  private runLength = 0;
  private placed = 0;

  constructor(
    private readonly segments: Segments,
    private readonly place: EmitOp,
  ) {}

  async add(newStart: number, length: number, basisOffset: number): Promise<void> {
    this.segments.add(newStart, length, basisOffset);
    const continues = this.runLength > 0 && this.runAt + this.runLength === newStart && this.runOffset + this.runLength === basisOffset;
    if (continues) {
      this.runLength += length;
    } else {
      await this.finish();
      if (basisOffset !== UNMATCHED) {
        this.runAt = newStart;
        this.runOffset = basisOffset;
        this.runLength = length;
      }
    }
    if (this.runLength - this.placed >= PLACE_PIECE) await this.emitRest();
  }

  /** Places what is left of the current run; call at the end of the round. */
  async finish(): Promise<void> {
    await this.emitRest();
    this.runLength = 0;
    this.placed = 0;
  }

  private async emitRest(): Promise<void> {
    if (this.runLength <= this.placed) return;
    const op = { kind: 'place', at: this.runAt + this.placed, offset: this.runOffset + this.placed, length: this.runLength - this.placed } as const;
    this.placed = this.runLength;
    await this.place(op);
  }
}
