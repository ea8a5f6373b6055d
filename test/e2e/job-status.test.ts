import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { projectRoot } from './helpers/console-process';
import { useConsoleSession } from './helpers/console-session';
import { payrollFolders } from './helpers/file-trees';
import { runBackedUpScenario, scenarioState } from './helpers/replication-manager-page';

/** How long the engines get for each step on this machine (synchronizing a few files, one backup job run). */
const STEP = { timeout: 30_000, interval: 200 };

const { openConsole } = useConsoleSession();

/** Shows one of the app's windows (the "Windows" tab strip). */
async function showWindow(page: Page, name: string): Promise<void> {
  await page.getByRole('tablist', { name: 'Windows' }).getByRole('tab', { name }).click();
}

/** The shown Activity Log entries, one text per row (cells on their own lines), header excluded. */
async function entryRows(page: Page): Promise<string[]> {
  const rows = await page.getByRole('grid', { name: 'Activity entries' }).getByRole('row').allInnerTexts();
  return rows.slice(1);
}

describe('the Job Status Manager, on this machine', () => {
  it('shows a backup job in the Job queue, its run in the Activity Log, and the details of a failed run', async () => {
    const work = tempDir();
    const { masterRoot, target } = payrollFolders(work);

    const page = await openConsole(work);
    const name = 'Payroll';
    await runBackedUpScenario(page, name, masterRoot, target);
    const toolbar = page.getByRole('toolbar', { name: 'Scenario actions' });
    const backUpNow = toolbar.getByRole('button', { name: 'Back up now' });
    await expect.poll(() => backUpNow.isEnabled(), STEP).toBe(true);
    await backUpNow.click();

    // Job Queue: the job, its type and scenario, until it is done.
    await showWindow(page, 'Job Status Manager');
    const queue = page.getByRole('table', { name: 'Job queue' });
    const jobRow = queue.getByRole('row').nth(1);
    await expect.poll(() => jobRow.innerText(), STEP).toMatch(/Done — succeeded/);
    const runNowLabel = (await jobRow.getByRole('button', { name: /^Run now job / }).getAttribute('aria-label')) ?? '';
    const jobName = runNowLabel.replace(/^Run now job /, '');
    expect(jobName).not.toBe('');
    const cells = await jobRow.getByRole('cell').allInnerTexts();
    expect(cells.slice(1, 3)).toEqual(['Backup', name]);
    expect(cells[5]).toBe('succeeded');
    expect(await queue.getByRole('button', { name: `Hold job ${jobName}` }).isDisabled()).toBe(true);
    expect(await queue.getByRole('button', { name: `Stop job ${jobName}` }).isDisabled()).toBe(true);
    expect(await queue.getByRole('button', { name: `Delete job ${jobName}` }).isEnabled()).toBe(true);

    // Activity Log: the run's group, its summary, the filters, the search and the export.
    await page.getByRole('tab', { name: 'Activity Log' }).click();
    const groups = page.getByRole('list', { name: 'Job runs' });
    const runPattern = new RegExp(`^Run (\\d+) of ${jobName}$`);
    await groups.getByRole('button', { name: runPattern }).first().click();
    await expect.poll(async () => (await entryRows(page)).some((row) => /^Information\n/.test(row) && /\nJob type: Backup$/.test(row)), STEP).toBe(true);
    const all = (await entryRows(page)).length;
    expect((await entryRows(page)).every((row) => row.includes(jobName))).toBe(true);

    const filters = page.getByRole('group', { name: 'Activity filters' });
    await filters.getByLabel('Search messages').fill('JOB TYPE');
    await expect.poll(() => entryRows(page)).toEqual([expect.stringMatching(/\nJob type: Backup$/)]);
    await filters.getByLabel('Search messages').fill('');
    await filters.getByLabel('Warnings').uncheck();
    await filters.getByLabel('Information').uncheck();
    await expect.poll(() => entryRows(page)).toEqual([]);
    await filters.getByLabel('Warnings').check();
    await filters.getByLabel('Information').check();
    await expect.poll(async () => (await entryRows(page)).length).toBe(all);

    await page.getByRole('grid', { name: 'Activity entries' }).getByRole('row').nth(1).dblclick();
    expect(await page.getByRole('dialog').count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), filters.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = fs.readFileSync((await download.path()) ?? '', 'utf8');
    expect(csv.split('\r\n')[0]).toBe('Type,Date,Job,Session,Code,Message');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(all + 1);
    expect(csv).toMatch(/\r\nInformation,[^,]+,[^\r\n]*Job type: Backup/);

    // A run on a stopped scenario fails with AE0465; its Error entry opens its details.
    await showWindow(page, 'Replication Manager');
    await page.getByRole('toolbar', { name: 'Scenario actions' }).getByRole('button', { name: 'Stop' }).click();
    await page.getByRole('dialog', { name: 'Stop scenario' }).getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => scenarioState(page, name), STEP).toBe('Stopped by user');
    await showWindow(page, 'Job Status Manager');
    await page.getByRole('tab', { name: 'Job Queue' }).click();
    await queue.getByRole('button', { name: `Run now job ${jobName}` }).click();
    await expect.poll(() => queue.getByRole('row').nth(1).innerText(), STEP).toMatch(/Done — failed/);

    await page.getByRole('tab', { name: 'Activity Log' }).click();
    const runs = groups.getByRole('button', { name: runPattern });
    await expect.poll(() => runs.count(), STEP).toBe(2);
    await runs.first().click();
    await filters.getByLabel('Warnings').uncheck();
    await filters.getByLabel('Information').uncheck();
    await expect.poll(async () => (await entryRows(page)).some((row) => /^Error\n/.test(row) && row.includes('AE0465')), STEP).toBe(true);
    const errorRow = page.getByRole('grid', { name: 'Activity entries' }).getByRole('row').filter({ hasText: 'AE0465' }).first();
    await errorRow.dblclick();
    const details = page.getByRole('dialog', { name: 'Message details' });
    const text = await details.innerText();
    expect(text).toMatch(/Code\s+AE0465/);
    expect(text).toMatch(/Module\s+Agent/);
    expect(text).toMatch(/Reason\s+A backup is taken from the Replica of a running scenario/);
    expect(text).toMatch(/Action\s+Run the scenario/);
    await page.screenshot({ path: path.join(projectRoot, 'docs/screenshots/job-status.png') });
    await details.getByRole('button', { name: 'Close' }).click();
    expect(await page.getByRole('dialog').count()).toBe(0);

    await errorRow.click();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('dialog', { name: 'Message details' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);

    // Delete asks first, then the job leaves the queue.
    await page.getByRole('tab', { name: 'Job Queue' }).click();
    await queue.getByRole('button', { name: `Delete job ${jobName}` }).click();
    await page.getByRole('dialog', { name: 'Delete job' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.getByText('The job queue is empty.', { exact: false }).isVisible(), STEP).toBe(true);
  });
});
