import fs from 'node:fs/promises';
import path from 'node:path';
import { parsePlacements, serializePlacements, type WindowPlacement, type WindowPlacements } from './window-geometry';
import type { AppWindowId } from './window-routes';

/** How long moves and resizes settle before the placements are written. */
export const PLACEMENT_WRITE_DELAY_MS = 400;

/**
 * The windows' remembered placements (`<dataDir>/desktop/windows.json`): read once at start,
 * changed in memory as windows move, written after a short quiet period (a drag is one write,
 * not hundreds) and at once by `flush()` when a window closes or the app quits. Written to a
 * temporary file and renamed, so a crash mid-write leaves the previous file.
 */
export class PlacementStore {
  private placements: WindowPlacements = {};
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly delayMs = PLACEMENT_WRITE_DELAY_MS,
  ) {}

  /** Reads the file; a missing or unreadable file means nothing is remembered. */
  async load(): Promise<void> {
    const text = await fs.readFile(this.file, 'utf8').catch(() => '');
    this.placements = parsePlacements(text);
  }

  get(id: AppWindowId): WindowPlacement | undefined {
    return this.placements[id];
  }

  /** Remembers a window's placement and writes it after the quiet period. */
  set(id: AppWindowId, placement: WindowPlacement): void {
    this.placements = { ...this.placements, [id]: placement };
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Writes what is remembered now (after any write under way). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const text = serializePlacements(this.placements);
    this.writing = this.writing.then(() => this.write(text)).catch((error: unknown) => console.error(`Could not save the window placements to ${this.file}: ${String(error)}`));
    return this.writing;
  }

  private async write(text: string): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.tmp`;
    await fs.writeFile(temporary, text, 'utf8');
    await fs.rename(temporary, this.file);
  }
}
