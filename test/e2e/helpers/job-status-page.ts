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
