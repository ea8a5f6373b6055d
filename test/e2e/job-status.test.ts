import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { seedActivity } from './helpers/activity-seed';
import { projectRoot } from './helpers/console-process';
import { useConsoleSession } from './helpers/console-session';
import { payrollFolders } from './helpers/file-trees';
import { bestFilterTimings, describeFrames, scrollGridEndAndBack } from './helpers/grid-timing';
import { entryRows, jobCell, localDateTime, nextDailyAt, showWindow } from './helpers/job-status-page';
import { runBackedUpScenario, scenarioState } from './helpers/replication-manager-page';

/** How long the engines get for each step on this machine (synchronizing a few files, one backup job run). */
const STEP = { timeout: 30_000, interval: 200 };

const { openConsole } = useConsoleSession();

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

    // Modify: the done job becomes daily at 23:30; a wrong time is caught first; it is Ready for the next 23:30.
    await page.getByRole('tab', { name: 'Job Queue' }).click();
    expect(await jobCell(page, jobName, 'Last result')).toMatch(/^failed — AE0465: /);
    await queue.getByRole('button', { name: `Modify job ${jobName}` }).click();
    const modify = page.getByRole('dialog', { name: /^Modify job \d+$/ });
    expect(await modify.getByLabel('Job name').inputValue()).toBe(jobName);
    expect(await modify.getByRole('radio', { name: 'Once at' }).isChecked()).toBe(true);
    expect(await modify.getByText('Encryption: off. It cannot be changed here').isVisible()).toBe(true);
    await modify.getByRole('radio', { name: 'Daily' }).check();
    await modify.getByLabel('Time (HH:MM, 24-hour)').fill('24:30');
    await modify.getByRole('button', { name: 'Save' }).click();
    expect(await modify.getByText('Enter a time as HH:MM (24-hour, e.g. 22:00).').isVisible()).toBe(true);
    await modify.getByLabel('Time (HH:MM, 24-hour)').fill('23:30');
    await modify.getByLabel('Verification').selectOption('checksum');
    const saved = new Date();
    await modify.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => modify.isVisible()).toBe(false);
    await expect.poll(async () => (await jobCell(page, jobName, 'Status')).trim(), STEP).toBe('Ready — failed');
    // The engine takes the next 23:30 after the moment it saved: within a second of `saved`.
    expect([localDateTime(nextDailyAt(saved, 23, 30)), localDateTime(nextDailyAt(new Date(saved.getTime() + 1000), 23, 30))]).toContain(await jobCell(page, jobName, 'Next run'));
    await queue.getByRole('button', { name: `Modify job ${jobName}` }).click();
    expect(await modify.getByRole('radio', { name: 'Daily' }).isChecked()).toBe(true);
    expect(await modify.getByLabel('Time (HH:MM, 24-hour)').inputValue()).toBe('23:30');
    expect(await modify.getByLabel('Verification').inputValue()).toBe('checksum');
    await modify.getByRole('button', { name: 'Cancel' }).click();
    expect(await queue.getByRole('button', { name: /^Modify job / }).first().isEnabled()).toBe(true);

    // Delete asks first, then the job leaves the queue.
    await queue.getByRole('button', { name: `Delete job ${jobName}` }).click();
    await page.getByRole('dialog', { name: 'Delete job' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.getByText('The job queue is empty.', { exact: false }).isVisible(), STEP).toBe(true);
  });

  it('pages the Activity Log runs, shows child runs on their own, and stays smooth on a run of 100,000 entries', async () => {
    const work = tempDir();
    // Written with the engine's catalog classes before the console host opens the catalog.
    const seeded = seedActivity(path.join(work, 'data'), { entries: 100_000, smallRuns: 120 });
    const page = await openConsole(work);
    await showWindow(page, 'Job Status Manager');
    await page.getByRole('tab', { name: 'Activity Log' }).click();
    const groups = page.getByRole('list', { name: 'Job runs' });
    const pages = page.getByRole('navigation', { name: 'Job run pages' });
    await expect.poll(() => pages.innerText(), STEP).toContain('Runs 1–100');

    // Older runs, kept by the 2 s polling; then back to the newest.
    await pages.getByRole('button', { name: 'Older runs' }).click();
    await expect.poll(() => pages.innerText()).toContain(`Runs 101–${seeded.runs}`);
    expect(await pages.getByRole('button', { name: 'Older runs' }).isDisabled()).toBe(true);
    const olderFirst = await groups.getByRole('button', { name: /^Run \d+ of / }).first().getAttribute('aria-label');
    await page.waitForTimeout(2500); // two polls: the one wait that cannot be an event
    expect(await pages.innerText()).toContain(`Runs 101–${seeded.runs}`);
    expect(await groups.getByRole('button', { name: /^Run \d+ of / }).first().getAttribute('aria-label')).toBe(olderFirst);
    await pages.getByRole('button', { name: 'Newer runs' }).click();
    await expect.poll(() => pages.innerText()).toContain('Runs 1–100');

    // A multistreaming run: its child runs under it, each with its own entries; the parent shows them all.
    const multi = seeded.multi;
    await groups.getByRole('button', { name: `Run ${multi.runId} of ${multi.jobName}`, exact: true }).click();
    const parentRows = multi.children.reduce((sum, child) => sum + child.entries, 0);
    await expect.poll(async () => (await entryRows(page)).filter((row) => / child line /.test(row)).length, STEP).toBe(parentRows);
    await groups.getByRole('button', { name: `Child runs of run ${multi.runId}` }).click();
    const [first, second] = multi.children;
    if (!first || !second) throw new Error('two child runs were seeded');
    await groups.getByRole('button', { name: `Child run ${second.runId} of ${multi.jobName}: ${second.scenarioName}` }).click();
    await expect.poll(async () => (await entryRows(page)).map((row) => row.split('\n').pop()), STEP).toEqual(
      Array.from({ length: second.entries }, (_, index) => `${second.scenarioName} child line ${index + 1}`),
    );
    expect(await groups.getByRole('button', { name: `Child run ${first.runId} of ${multi.jobName}: ${first.scenarioName}` }).isVisible()).toBe(true);

    // The big run: its first 10,000 entries, then Load all; the grid scrolls all of them end to end and back.
    await groups.getByRole('button', { name: `Run ${seeded.big.runId} of ${seeded.big.jobName}`, exact: true }).click();
    const shown = page.getByLabel('Entries shown');
    await expect.poll(() => shown.textContent(), STEP).toBe('10,000 of 10,000 entries');
    const more = page.getByRole('group', { name: 'More entries' });
    expect(await more.textContent()).toMatch(/^Showing the first 10,000 of 100,00\d entries of this run; the filters and Export CSV cover those\./);
    const loading = Date.now();
    await more.getByRole('button', { name: 'Load all' }).click();
    await expect.poll(() => more.count(), { timeout: 60_000, interval: 100 }).toBe(0);
    const loadAllMs = Date.now() - loading;
    const total = Number(/^([\d,]+) of /.exec((await shown.textContent()) ?? '')?.[1]?.replace(/,/g, ''));
    expect(total).toBeGreaterThanOrEqual(100_000);
    expect(await shown.textContent()).toBe(`${total.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} entries`);
    const scroll = await scrollGridEndAndBack(page, 'Activity entries', 100);
    console.log(`Activity Log, Load all: the other ${(total - 10_000).toLocaleString('en-US')} entries read and shown in ${loadAllMs} ms (9 pages of 10,000)`);
    console.log(`Activity Log, ${total.toLocaleString('en-US')} entries of one run: ${describeFrames(scroll)}`);
    expect(scroll.reachedEnd).toBe(true);
    expect(scroll.backAtTop).toBe(true);
    expect(scroll.p90FrameMs).toBeLessThan(100);

    // Typing a filter: from the input event to the grid showing the filtered rows, and back.
    const matching = Array.from({ length: 100_000 }, (_, index) => `folder-${index}`).filter((folder) => folder.includes('folder-99')).length;
    const { narrowed, widened, all } = await bestFilterTimings(page, { grid: 'Activity entries', box: 'Search messages' }, 'folder-99', {
      narrowed: async () => expect(await shown.textContent()).toBe(`${matching.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} entries`),
      widened: async () => expect(await shown.textContent()).toBe(`${total.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} entries`),
    });
    console.log(
      `Activity Log filter over ${total.toLocaleString('en-US')} entries: to ${matching} rows ${narrowed.shownMs.toFixed(1)} ms (painted ${narrowed.paintedMs.toFixed(1)} ms); back to all ${widened.shownMs.toFixed(1)} ms (painted ${widened.paintedMs.toFixed(1)} ms); every try: ${all}`,
    );
    expect(narrowed.shownMs).toBeLessThan(100);
    expect(widened.shownMs).toBeLessThan(100);
    expect((await entryRows(page)).length).toBeGreaterThan(0);
  });
});
