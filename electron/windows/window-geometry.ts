import { z } from 'zod';
import { isAppWindowId, type AppWindowId } from './window-routes';

/**
 * Where each window was last (its normal bounds, and whether it was maximized), and where it
 * opens next: the pure part of the window manager, with no Electron import so it is tested
 * in Node. Screens are given as their work areas (the display minus the taskbar).
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const PlacementSchema = z.object({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
  maximized: z.boolean().default(false),
});
export type WindowPlacement = z.output<typeof PlacementSchema>;
export type WindowPlacements = Partial<Record<AppWindowId, WindowPlacement>>;

const FileSchema = z.object({ version: z.literal(1), windows: z.record(z.string(), z.unknown()) });

/** The smallest a window opens at (a work area smaller than this wins). */
export const MIN_WINDOW = { width: 640, height: 420 } as const;
/** How far each further new window opens from the one before (down and right). */
export const CASCADE_STEP = 28;

/**
 * The placements file read back: the whole file must be ours (version 1), each window's entry
 * is taken only when valid, so one damaged entry does not lose the others. Anything else
 * (not JSON, another shape) reads as "nothing remembered".
 */
export function parsePlacements(text: string): WindowPlacements {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {};
  }
  const file = FileSchema.safeParse(json);
  if (!file.success) return {};
  const placements: WindowPlacements = {};
  for (const [id, entry] of Object.entries(file.data.windows)) {
    const placement = PlacementSchema.safeParse(entry);
    if (isAppWindowId(id) && placement.success) placements[id] = placement.data;
  }
  return placements;
}

export function serializePlacements(placements: WindowPlacements): string {
  return `${JSON.stringify({ version: 1, windows: placements }, null, 2)}\n`;
}

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}

/** A size that fits the area: at most the area, at least MIN_WINDOW (unless the area is smaller). */
function fitSize(width: number, height: number, area: Rect): { width: number; height: number } {
  return {
    width: Math.round(clamp(width, Math.min(MIN_WINDOW.width, area.width), area.width)),
    height: Math.round(clamp(height, Math.min(MIN_WINDOW.height, area.height), area.height)),
  };
}

/** Moves a rectangle the least needed to lie wholly inside the area. */
function keepInside(rect: Rect, area: Rect): Rect {
  return {
    ...rect,
    x: Math.round(clamp(rect.x, area.x, area.x + area.width - rect.width)),
    y: Math.round(clamp(rect.y, area.y, area.y + area.height - rect.height)),
  };
}

export interface PlacementInput {
  /** Where the window was last, if remembered. */
  saved: WindowPlacement | undefined;
  /** Its size the first time. */
  size: { width: number; height: number };
  /** The screens' work areas, the primary one first (at least one). */
  workAreas: readonly Rect[];
  /** How many windows are open already: a new window cascades from the centre by this many steps. */
  cascade: number;
}

/**
 * Where a window opens. Remembered: on the screen it overlapped most, shrunk to fit that
 * screen and moved wholly onto it — so after a monitor is unplugged or rearranged no window
 * opens off-screen. Not remembered (or on no screen any more): centred on the primary screen,
 * cascaded by the windows already open. Maximized stays as it was (maximizing happens on the
 * screen the normal bounds are on).
 */
export function placeWindow({ saved, size, workAreas, cascade }: PlacementInput): WindowPlacement {
  const primary = workAreas[0];
  if (!primary) throw new Error('placeWindow needs at least one screen');
  const best = saved ? workAreas.reduce<{ area: Rect; overlap: number } | undefined>((found, area) => {
    const overlap = overlapArea(saved, area);
    return overlap > 0 && (!found || overlap > found.overlap) ? { area, overlap } : found;
  }, undefined) : undefined;
  if (saved && best) {
    const fitted = fitSize(saved.width, saved.height, best.area);
    return { ...keepInside({ x: saved.x, y: saved.y, ...fitted }, best.area), maximized: saved.maximized };
  }
  const fitted = fitSize(saved?.width ?? size.width, saved?.height ?? size.height, primary);
  const centred = { x: primary.x + (primary.width - fitted.width) / 2, y: primary.y + (primary.height - fitted.height) / 2 };
  // Wrap the cascade before it would push the window against the screen's edge.
  const room = Math.max(1, Math.floor(Math.min(primary.width - fitted.width, primary.height - fitted.height) / 2 / CASCADE_STEP) + 1);
  const step = (cascade % room) * CASCADE_STEP;
  return { ...keepInside({ x: centred.x + step, y: centred.y + step, ...fitted }, primary), maximized: saved?.maximized ?? false };
}
