import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { projectRoot } from './helpers/console-process';
import { useConsoleSession } from './helpers/console-session';
import { payrollFolders } from './helpers/file-trees';
import { createScenarioThroughDialog, expectScenarioRows, runBackedUpScenario } from './helpers/replication-manager-page';

/** How long the engines get for each step on this machine (synchronizing a few files, one backup job run). */
const STEP = { timeout: 30_000, interval: 200 };

const { openConsole } = useConsoleSession();

const WINDOWS = [
  { name: 'Home', hash: '#/home', key: 'Alt+Home' },
  { name: 'Replication Manager', hash: '#/replication', key: 'Control+1' },
  { name: 'Backup Manager', hash: '#/backup', key: 'Control+2' },
  { name: 'Restore Manager', hash: '#/restore', key: 'Control+3' },
  { name: 'Job Status Manager', hash: '#/jobs', key: 'Control+4' },
  { name: 'Reports', hash: '#/reports', key: 'Control+5' },
] as const;

function windowTab(page: Page, name: string) {
  return page.getByRole('tablist', { name: 'Windows' }).getByRole('tab', { name, exact: true });
}

/** The window shown: its selected tab, the URL's route, the shown window's own title, and the page title. */
async function shownWindow(page: Page): Promise<{ tab: string; hash: string; heading: string; title: string }> {
  const tab = (await page.getByRole('tablist', { name: 'Windows' }).getByRole('tab', { selected: true }).textContent()) ?? '';
  const heading = (await page.getByRole('tabpanel').getByRole('heading', { level: 1 }).textContent()) ?? '';
  return { tab, hash: new URL(page.url()).hash, heading, title: await page.title() };
}

function shown(name: string, hash: string) {
  return { tab: name, hash, heading: name, title: `Understudy — ${name}` };
}

/** A count of one of Home's count tables by its row header. */
async function homeCount(page: Page, table: 'Scenario counts' | 'Job counts', label: string): Promise<string> {
  const row = page.getByRole('table', { name: table }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
  return (await row.getByRole('cell').textContent()) ?? '';
}

/** The report's body rows, one text per row (cells tab-separated by innerText). */
async function reportRows(page: Page): Promise<string[]> {
  return page.getByRole('table', { name: 'Backup and restore activity' }).locator('tbody tr').allInnerTexts();
}

const background = (page: Page, selector: string) => page.locator(selector).first().evaluate((element) => getComputedStyle(element).backgroundColor);
const textColor = (page: Page, selector: string) => page.locator(selector).first().evaluate((element) => getComputedStyle(element).color);

describe('the window set in the console host', () => {
  it('opens every window from Home, by tab and by shortcut, each on its own route that a reload keeps; the theme follows the OS', async () => {
    const work = tempDir();
    const page = await openConsole(work);

    // The Replication Manager comes first, as it always has; Home is a tab away.
    expect(await shownWindow(page)).toEqual({ ...shown('Replication Manager', ''), hash: '' });
    expect(await page.getByRole('tablist', { name: 'Windows' }).getByRole('tab').allTextContents()).toEqual(WINDOWS.map((window) => window.name));
    await windowTab(page, 'Home').click();
    expect(await shownWindow(page)).toEqual(shown('Home', '#/home'));
    await expect.poll(() => homeCount(page, 'Scenario counts', 'Scenarios')).toBe('0');
    await expect.poll(() => homeCount(page, 'Job counts', 'Ready')).toBe('0');
    const quickStart = page.getByRole('region', { name: 'Quick start' });
    expect(await quickStart.locator('[aria-current="step"] h3').textContent()).toBe('1. Create a scenario');

    // The first step's button opens the Replication Manager; the new scenario shows in Home's counts.
    await quickStart.getByRole('button', { name: 'Open Replication Manager' }).click();
    expect(await shownWindow(page)).toEqual(shown('Replication Manager', '#/replication'));
    await createScenarioThroughDialog(page, { name: 'Payroll', type: 'FileServer', masterHost: 'localhost', roots: '/srv/payroll', replicaHost: 'localhost', target: '/replica/payroll' });
    await expectScenarioRows(page, ['Payroll']);
    await page.keyboard.press('Alt+Home');
    expect(await shownWindow(page)).toEqual(shown('Home', '#/home'));
    await expect.poll(() => homeCount(page, 'Scenario counts', 'Scenarios')).toBe('1');
    expect(await homeCount(page, 'Scenario counts', 'Stopped')).toBe('1');
    expect(await homeCount(page, 'Scenario counts', 'Running')).toBe('0');
    expect(await quickStart.locator('[aria-current="step"] h3').textContent()).toBe('2. Run it');
    await page.screenshot({ path: path.join(projectRoot, 'docs/screenshots/home.png') });

    // Each of Home's buttons opens its window; Back returns to Home.
    for (const name of ['Backup Manager', 'Restore Manager', 'Job Status Manager', 'Reports']) {
      await page.getByRole('button', { name: `Open ${name}`, exact: true }).click();
      const window = WINDOWS.find((candidate) => candidate.name === name);
      expect(await shownWindow(page)).toEqual(shown(name, window?.hash ?? ''));
      await page.goBack();
      expect(await shownWindow(page)).toEqual(shown('Home', '#/home'));
    }

    // Every tab has its route, and a reload keeps the window.
    for (const { name, hash } of WINDOWS) {
      await windowTab(page, name).click();
      expect(await shownWindow(page)).toEqual(shown(name, hash));
      await page.reload();
      await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toBe('Connected');
      expect(await shownWindow(page)).toEqual(shown(name, hash));
    }

    // The View shortcuts switch windows; the arrow keys move along the tab strip.
    for (const { name, hash, key } of [...WINDOWS].reverse()) {
      await page.keyboard.press(key);
      expect(await shownWindow(page)).toEqual(shown(name, hash));
    }
    await windowTab(page, 'Home').focus();
    await page.keyboard.press('ArrowRight');
    expect(await shownWindow(page)).toEqual(shown('Replication Manager', '#/replication'));
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Replication Manager');
    // Not while a dialog is open: what was typed in it stays.
    await page.getByRole('button', { name: 'New' }).click();
    await page.getByRole('dialog', { name: 'New Scenario' }).getByLabel('Scenario name').fill('Half typed');
    await page.keyboard.press('Control+4');
    expect((await shownWindow(page)).tab).toBe('Replication Manager');
    expect(await page.getByRole('dialog', { name: 'New Scenario' }).getByLabel('Scenario name').inputValue()).toBe('Half typed');
    await page.getByRole('dialog', { name: 'New Scenario' }).getByRole('button', { name: 'Cancel' }).click();

    // Light and dark follow the OS (prefers-color-scheme), through the CSS variables.
    await page.emulateMedia({ colorScheme: 'light' });
    const light = { page: await background(page, 'html'), pane: await background(page, '.pane'), text: await textColor(page, 'html'), bar: await background(page, '.status-bar') };
    expect(light).toEqual({ page: 'rgb(243, 244, 246)', pane: 'rgb(255, 255, 255)', text: 'rgb(31, 35, 40)', bar: 'rgb(255, 255, 255)' });
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = { page: await background(page, 'html'), pane: await background(page, '.pane'), text: await textColor(page, 'html'), bar: await background(page, '.status-bar') };
    expect(dark).toEqual({ page: 'rgb(22, 24, 28)', pane: 'rgb(31, 34, 39)', text: 'rgb(230, 232, 235)', bar: 'rgb(31, 34, 39)' });
    await page.getByRole('table', { name: 'Scenarios' }).getByRole('row', { name: /Payroll/ }).click();
    await page.screenshot({ path: path.join(projectRoot, 'docs/screenshots/replication-manager-dark.png') });
    await page.emulateMedia({ colorScheme: null });
  });

  it('reports a backup run with its result and bytes, filters it out as not failed, exports it as CSV and prints without the app chrome', async () => {
    const work = tempDir();
    const { masterRoot, target } = payrollFolders(work);
    const page = await openConsole(work);
    await runBackedUpScenario(page, 'Payroll', masterRoot, target);
    const backUpNow = page.getByRole('toolbar', { name: 'Scenario actions' }).getByRole('button', { name: 'Back up now' });
    await expect.poll(() => backUpNow.isEnabled(), STEP).toBe(true);
    await backUpNow.click();

    await page.keyboard.press('Control+5');
    expect((await shownWindow(page)).heading).toBe('Reports');
    await expect.poll(() => reportRows(page), STEP).toEqual([expect.stringMatching(/\tsucceeded\t/)]);
    const [row] = await reportRows(page);
    const cells = (row ?? '').split('\t');
    expect(cells.slice(2, 4)).toEqual(['Backup', 'Payroll']);
    const bytesTitle = (await page.getByRole('table', { name: 'Backup and restore activity' }).locator('tbody tr td').nth(9).getAttribute('title')) ?? '';
    const bytes = Number(bytesTitle.replace(/ bytes$/, '').replace(/,/g, ''));
    expect(bytes).toBeGreaterThan(0);
    expect(cells[9]).toMatch(/^\d+(\.\d)? (B|KB|MB)$/);
    expect(Number(cells[7])).toBeGreaterThan(0);
    const footer = await page.getByRole('table', { name: 'Backup and restore activity' }).locator('tfoot').innerText();
    expect(footer).toContain('Total: 1 run: 1 succeeded');

    // Only failed jobs: the run goes; any result: it is back. A range of days it started outside of hides it too.
    const filters = page.getByRole('group', { name: 'Report filters' });
    await filters.getByLabel('Result', { exact: true }).selectOption({ label: 'Failed' });
    await expect.poll(() => reportRows(page)).toEqual([]);
    expect(await page.getByText('No job run matches these filters.').isVisible()).toBe(true);
    await filters.getByLabel('Result', { exact: true }).selectOption({ label: 'Any result' });
    await expect.poll(() => reportRows(page)).toHaveLength(1);
    await filters.getByLabel('Job type').selectOption({ label: 'Restore' });
    await expect.poll(() => reportRows(page)).toEqual([]);
    await filters.getByLabel('Job type').selectOption({ label: 'Backup' });
    await expect.poll(() => reportRows(page)).toHaveLength(1);
    const day = (offset: number) => page.evaluate((days) => {
      const date = new Date();
      date.setDate(date.getDate() + days);
      return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
    }, offset);
    await filters.getByLabel('From', { exact: true }).fill(await day(0));
    await filters.getByLabel('To', { exact: true }).fill(await day(0));
    await expect.poll(() => reportRows(page)).toHaveLength(1);
    await filters.getByLabel('From', { exact: true }).fill(await day(1));
    await filters.getByLabel('To', { exact: true }).fill(await day(1));
    await expect.poll(() => reportRows(page)).toEqual([]);
    await filters.getByRole('button', { name: 'Any day' }).click();
    await filters.getByLabel('Job type').selectOption({ label: 'Backup and restore' });
    await expect.poll(() => reportRows(page)).toHaveLength(1);

    // Export CSV: the run with plain numbers.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('toolbar', { name: 'Report actions' }).getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^backup-restore-activity-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path()) ?? '', 'utf8').split('\r\n');
    expect(csv[0]).toBe('Run,Job,Type,Scenarios,Started,Finished,Result,Files,Directories,Bytes,Throughput (bytes/s),Error code,Error message');
    expect(csv).toHaveLength(3);
    const fields = csv[1]?.split(',') ?? [];
    expect([fields[2], fields[3], fields[6], fields[9]]).toEqual(['Backup', 'Payroll', 'succeeded', String(bytes)]);
    expect(csv[2]).toBe('');
    await page.screenshot({ path: path.join(projectRoot, 'docs/screenshots/reports.png') });

    // Print: the report alone (no tabs, toolbar, filters' buttons or status bar), every row.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('tablist', { name: 'Windows' }).isVisible()).toBe(false);
    expect(await page.getByRole('toolbar', { name: 'Report actions' }).isVisible()).toBe(false);
    expect(await page.getByRole('contentinfo', { name: 'Status bar' }).isVisible()).toBe(false);
    expect(await page.getByRole('table', { name: 'Backup and restore activity' }).isVisible()).toBe(true);
    expect(await background(page, 'html')).toBe('rgb(255, 255, 255)');
    await page.emulateMedia({ media: null });
    expect(await page.getByRole('tablist', { name: 'Windows' }).isVisible()).toBe(true);
  });
});
