import type { Page } from 'playwright-core';

/** Shows one of the app's windows (the "Windows" tab strip). */
export async function showWindow(page: Page, name: string): Promise<void> {
  await page.getByRole('tablist', { name: 'Windows' }).getByRole('tab', { name }).click();
}

/** The shown Activity Log entries, one text per row (cells on their own lines), header excluded. */
export async function entryRows(page: Page): Promise<string[]> {
  const rows = await page.getByRole('grid', { name: 'Activity entries' }).getByRole('row').allInnerTexts();
  return rows.slice(1);
}

/** The Job Queue row of a job by its name (the row holding its "Run now" button). */
export function jobRow(page: Page, jobName: string) {
  const queue = page.getByRole('table', { name: 'Job queue' });
  return queue.getByRole('row').filter({ has: page.getByRole('button', { name: `Run now job ${jobName}`, exact: true }) });
}

/** A cell of a job's row by its column header ("Next run", "Last result"…). */
export async function jobCell(page: Page, jobName: string, column: 'Job' | 'Type' | 'Scenarios' | 'Status' | 'Next run' | 'Last result'): Promise<string> {
  const index = ['Job', 'Type', 'Scenarios', 'Status', 'Next run', 'Last result'].indexOf(column);
  const row = jobRow(page, jobName);
  if ((await row.count()) !== 1) return '';
  return row.getByRole('cell').nth(index).innerText();
}

/** As the Job Queue writes a local time: "2026-11-26 23:30:00". */
export function localDateTime(instant: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())} ${pad(instant.getHours())}:${pad(instant.getMinutes())}:${pad(instant.getSeconds())}`;
}

/** The next wall-clock hh:mm after `now` (today's, else tomorrow's), as a daily schedule runs. */
export function nextDailyAt(now: Date, hours: number, minutes: number): Date {
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate(), hours, minutes);
  return today > now ? today : new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, hours, minutes);
}

export interface ScrollFrames {
  frames: number;
  /** The longest time between two animation frames while scrolling, ms. */
  maxFrameMs: number;
  averageFrameMs: number;
  /** Where the scroll ended: the last row reached, then back at the top. */
  reachedEnd: boolean;
  backAtTop: boolean;
  /** The three longest frames and what they showed: "down 37: 41.2 ms". */
  slowest: string[];
}

/**
 * Scrolls the Activity entries grid to its end and back inside the page in `steps` equal
 * steps each way, one per animation frame (then one jump each way), timing every frame
 * with requestAnimationFrame.
 */
export async function scrollEntriesEndAndBack(page: Page, steps: number): Promise<ScrollFrames> {
  return page.evaluate(async (stepsEachWay) => {
    const grid = document.querySelector('table[aria-label="Activity entries"]');
    const scroller = grid?.parentElement;
    if (!scroller) throw new Error('no Activity entries grid');
    const deltas: number[] = [];
    const phases: string[] = [];
    let phase = 'start';
    let reachedEnd = false;
    const bottom = (): number => scroller.scrollHeight - scroller.clientHeight;
    const pixelsPerFrame = Math.ceil(bottom() / stepsEachWay);
    const frame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
    let last = await frame();
    const tick = async (): Promise<void> => {
      const now = await frame();
      deltas.push(now - last);
      phases.push(phase);
      last = now;
    };
    let step = 0;
    while (scroller.scrollTop < bottom() - 1) {
      phase = `down ${++step}`;
      scroller.scrollTop = Math.min(bottom(), scroller.scrollTop + pixelsPerFrame);
      await tick();
    }
    await tick();
    const lastRow = scroller.querySelector('tbody tr:last-child');
    reachedEnd = lastRow?.getAttribute('aria-rowindex') === grid.getAttribute('aria-rowcount');
    step = 0;
    while (scroller.scrollTop > 0) {
      phase = `up ${++step}`;
      scroller.scrollTop = Math.max(0, scroller.scrollTop - pixelsPerFrame);
      await tick();
    }
    await tick();
    // One jump to the end and one back: the rows in view are replaced at once.
    phase = 'jump to end';
    scroller.scrollTop = bottom();
    await tick();
    await tick();
    phase = 'jump to top';
    scroller.scrollTop = 0;
    await tick();
    await tick();
    const backAtTop = scroller.querySelector('tbody tr')?.getAttribute('aria-rowindex') === '2';
    const total = deltas.reduce((sum, delta) => sum + delta, 0);
    const slowest = deltas
      .map((ms, index) => ({ ms, index }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3)
      .map(({ ms, index }) => `${phases[index] ?? '?'}: ${ms.toFixed(1)} ms`);
    return { frames: deltas.length, maxFrameMs: Math.max(...deltas), averageFrameMs: total / deltas.length, reachedEnd, backAtTop, slowest };
  }, steps);
}

/**
 * Starts timing the next change of the search box: from its input event to the moment the
 * grid's "n of m entries" line changes (the DOM shows the filtered rows), and to the frame
 * after it (painted). Read the result with `filterTiming`.
 */
export async function startFilterTiming(page: Page): Promise<void> {
  await page.evaluate(() => {
    const box = document.querySelector('input[aria-label="Search messages"]');
    const count = document.querySelector('[aria-label="Entries shown"]');
    if (!box || !count) throw new Error('no search box or entry count');
    const before = count.textContent;
    const timing: { input?: number; shown?: number; painted?: number } = {};
    (window as unknown as { filterTiming: typeof timing }).filterTiming = timing;
    box.addEventListener('input', () => (timing.input ??= performance.now()), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (count.textContent === before || timing.input === undefined) return;
      timing.shown = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => (timing.painted = performance.now()));
    });
    observer.observe(count, { childList: true, characterData: true, subtree: true });
  });
}

/** The filter's times since the input event, ms; undefined while it has not shown the rows. */
export async function filterTiming(page: Page): Promise<{ shownMs: number; paintedMs: number } | undefined> {
  return page.evaluate(() => {
    const timing = (window as unknown as { filterTiming?: { input?: number; shown?: number; painted?: number } }).filterTiming;
    if (timing?.input === undefined || timing.shown === undefined || timing.painted === undefined) return undefined;
    return { shownMs: timing.shown - timing.input, paintedMs: timing.painted - timing.input };
  });
}
