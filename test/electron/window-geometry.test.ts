import { describe, expect, it } from 'vitest';
import { CASCADE_STEP, MIN_WINDOW, parsePlacements, placeWindow, serializePlacements, type Rect, type WindowPlacement } from '../../electron/windows/window-geometry';

const FULL_HD: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
/** A second screen to the right of the first. */
const RIGHT: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };
/** A laptop screen (the only one left after the docking station is gone). */
const LAPTOP: Rect = { x: 0, y: 0, width: 1366, height: 728 };
const SIZE = { width: 1400, height: 880 };

const saved = (x: number, y: number, width: number, height: number, maximized = false): WindowPlacement => ({ x, y, width, height, maximized });

describe('window placement', () => {
  it.each<[string, WindowPlacement | undefined, Rect[], WindowPlacement]>([
    ['a first window opens centred on the primary screen', undefined, [FULL_HD], saved(260, 80, 1400, 880)],
    ['a remembered window opens where it was', saved(100, 50, 1200, 800), [FULL_HD], saved(100, 50, 1200, 800)],
    ['a window remembered on the second screen stays there', saved(2100, 200, 1600, 900, true), [FULL_HD, RIGHT], saved(2100, 200, 1600, 900, true)],
    ['a window on a screen that is gone comes back centred on the primary one', saved(2100, 200, 1600, 900), [LAPTOP], saved(0, 0, 1366, 728)],
    ['a window hanging off the right edge moves wholly onto the screen', saved(1500, 100, 1000, 700), [FULL_HD], saved(920, 100, 1000, 700)],
    ['a window above the top edge comes down so its title bar can be grabbed', saved(300, -400, 1000, 700), [FULL_HD], saved(300, 0, 1000, 700)],
    ['a window larger than a smaller screen now shrinks to fit it', saved(0, 0, 1900, 1000), [LAPTOP], saved(0, 0, 1366, 728)],
    ['a window spanning two screens goes onto the one it overlapped most', saved(1700, 100, 1000, 700), [FULL_HD, RIGHT], saved(1920, 100, 1000, 700)],
    ['a tiny remembered window grows to the smallest usable size', saved(10, 10, 100, 80), [FULL_HD], saved(10, 10, MIN_WINDOW.width, MIN_WINDOW.height)],
    ['a screen left of the primary one (negative x) is a screen like any other', saved(-1500, 100, 1200, 800), [FULL_HD, { x: -1680, y: 0, width: 1680, height: 1010 }], saved(-1500, 100, 1200, 800)],
  ])('%s', (_name, remembered, workAreas, expected) => {
    expect(placeWindow({ saved: remembered, size: SIZE, workAreas, cascade: 0 })).toEqual(expected);
  });

  it('cascades new windows down and to the right, and wraps before the screen edge', () => {
    const places = [0, 1, 2].map((cascade) => placeWindow({ saved: undefined, size: { width: 1000, height: 700 }, workAreas: [FULL_HD], cascade }));
    expect(places.map((place) => [place.x, place.y])).toEqual([
      [460, 170],
      [460 + CASCADE_STEP, 170 + CASCADE_STEP],
      [460 + 2 * CASCADE_STEP, 170 + 2 * CASCADE_STEP],
    ]);
    const wrapped = placeWindow({ saved: undefined, size: { width: 1000, height: 700 }, workAreas: [FULL_HD], cascade: 1000 });
    expect(wrapped.x + wrapped.width).toBeLessThanOrEqual(1920);
    expect(wrapped.y + wrapped.height).toBeLessThanOrEqual(1040);
  });

  it('keeps every placement wholly on some screen, whatever was remembered', () => {
    const screens = [LAPTOP, { x: 1366, y: -200, width: 1920, height: 1040 }];
    for (const x of [-5000, -300, 0, 1000, 1366, 3000, 9000]) {
      for (const y of [-5000, -250, 0, 500, 5000]) {
        const place = placeWindow({ saved: saved(x, y, 1600, 1000), size: SIZE, workAreas: screens, cascade: 0 });
        const inside = screens.some((area) => place.x >= area.x && place.y >= area.y && place.x + place.width <= area.x + area.width && place.y + place.height <= area.y + area.height);
        expect(inside, `from ${x},${y}`).toBe(true);
      }
    }
  });
});

describe('the placements file', () => {
  it('reads back what it wrote', () => {
    const placements = { replication: saved(10, 20, 1300, 800, true), reports: saved(-1200, 0, 900, 700) };
    expect(parsePlacements(serializePlacements(placements))).toEqual(placements);
  });

  it.each([
    ['not JSON', '{"version":1,'],
    ['another version', JSON.stringify({ version: 2, windows: { replication: saved(0, 0, 800, 600) } })],
    ['no windows', JSON.stringify({ version: 1 })],
    ['empty', ''],
  ])('reads as nothing remembered when it is %s', (_name, text) => {
    expect(parsePlacements(text)).toEqual({});
  });

  it('keeps the valid entries and drops damaged or unknown ones', () => {
    const text = JSON.stringify({
      version: 1,
      windows: {
        replication: saved(10, 20, 1300, 800),
        backup: { x: 'left', y: 0, width: 800, height: 600 },
        restore: { x: 0, y: 0, width: -5, height: 600 },
        jobs: { x: 1.5, y: 0, width: 800, height: 600 },
        settings: saved(0, 0, 800, 600),
        home: { x: 5, y: 6, width: 700, height: 500 },
      },
    });
    expect(parsePlacements(text)).toEqual({ replication: saved(10, 20, 1300, 800), home: saved(5, 6, 700, 500) });
  });
});
