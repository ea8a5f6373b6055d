import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { projectRoot } from './helpers/console-process';
import { useConsoleSession } from './helpers/console-session';
import { treeSnapshot } from './helpers/file-trees';
import { runBackedUpScenario } from './helpers/replication-manager-page';
import { chooseSourceView, chooseTreeNode, contentRow, openRestoreManager, restoreJobRow, tableRows, treeNode } from './helpers/restore-manager-page';

/** How long the engines get for each step on this machine (synchronizing a few files, one backup or restore job). */
const STEP = { timeout: 30_000, interval: 200 };

const { openConsole } = useConsoleSession();

const OLD_CONTENT = 'id,name\n1,Ada\n2,Grace\n';
const NEW_CONTENT = 'id,name\n1,Ada\n2,Grace\n3,Edsger\n';
/** The first version's modification time, set on the Master so the restored file can be told by it too. */
const OLD_MTIME = new Date('2024-03-01T09:30:00Z');

/** Back up now from the Replication Manager and wait until `count` backup jobs have succeeded. */
async function backUpNow(page: Page, count: number): Promise<void> {
  const toolbar = page.getByRole('toolbar', { name: 'Scenario actions' });
  await expect.poll(() => toolbar.getByRole('button', { name: 'Back up now' }).isEnabled(), STEP).toBe(true);
  await toolbar.getByRole('button', { name: 'Back up now' }).click();
  await page.getByRole('tab', { name: 'Backups' }).click();
  const jobs = page.getByRole('table', { name: 'Backup jobs' });
  await expect.poll(async () => (await jobs.locator('tbody tr').allInnerTexts()).filter((row) => /Done — succeeded/.test(row)).length, STEP).toBe(count);
}

describe('the Restore Manager, on this machine', () => {
  it('finds a file by Session, Tree and Query, picks its older version, and restores it to another folder', async () => {
    const work = tempDir();
    const masterRoot = path.join(work, 'master', 'payroll');
    const target = path.join(work, 'replica');
    const restoreFolder = path.join(work, 'restored');
    const landing = path.join(target, path.relative('/', masterRoot));
    const file = path.join(masterRoot, 'employees.csv');
    fs.mkdirSync(path.join(masterRoot, 'march'), { recursive: true });
    fs.writeFileSync(file, OLD_CONTENT);
    fs.utimesSync(file, OLD_MTIME, OLD_MTIME);
    fs.writeFileSync(path.join(masterRoot, 'march', 'run.txt'), 'paid\n');
    fs.mkdirSync(target);
    fs.mkdirSync(restoreFolder);

    // A FileServer scenario backed up twice: before and after a change to employees.csv.
    const page = await openConsole(work);
    const name = 'Payroll restore';
    await runBackedUpScenario(page, name, masterRoot, target);
    await backUpNow(page, 1);
    fs.writeFileSync(file, NEW_CONTENT);
    await expect.poll(() => treeSnapshot(landing), STEP).toEqual(treeSnapshot(masterRoot));
    await backUpNow(page, 2);

    await openRestoreManager(page);

    // (1) By Session: media → session → its root folder lists the file.
    await chooseSourceView(page, 'Session');
    await chooseTreeNode(page, 'Media and sessions', /^Media /);
    await expect.poll(() => treeNode(page, 'Media and sessions', /^Session \d+ /).isVisible(), STEP).toBe(true);
    await chooseTreeNode(page, 'Media and sessions', /^Session \d+ /);
    await expect.poll(() => page.getByRole('table', { name: 'Session properties' }).innerText(), STEP).toMatch(/Present on device\s+yes/);
    await chooseTreeNode(page, 'Media and sessions', masterRoot);
    await expect.poll(async () => (await tableRows(page, 'Content')).join('\n'), STEP).toMatch(/employees\.csv/);
    expect((await tableRows(page, 'Content')).join('\n')).toMatch(/march/);

    // (2) By Tree: host → volume → folder; the file's Version History holds both backups; the older is picked.
    await chooseSourceView(page, 'Tree');
    await chooseTreeNode(page, 'Machines and volumes', 'localhost');
    await expect.poll(() => treeNode(page, 'Machines and volumes', /^Volume /).isVisible(), STEP).toBe(true);
    await chooseTreeNode(page, 'Machines and volumes', /^Volume /);
    await chooseTreeNode(page, 'Machines and volumes', masterRoot);
    await expect.poll(() => contentRow(page, 'employees.csv').isVisible(), STEP).toBe(true);
    await contentRow(page, 'employees.csv').click();
    await page.getByRole('button', { name: 'Version History…' }).click();
    const history = page.getByRole('dialog', { name: 'Version History' });
    const versions = history.getByRole('radio');
    await expect.poll(() => versions.count(), STEP).toBe(2);
    const olderLabel = (await versions.nth(1).getAttribute('aria-label')) ?? '';
    const olderSession = Number(/session (\d+)/.exec(olderLabel)?.[1]);
    expect(olderSession).toBeGreaterThan(0);
    await versions.nth(1).check();
    await page.screenshot({ path: path.join(projectRoot, 'docs/screenshots/restore-version-history.png') });
    await history.getByRole('button', { name: 'Select version' }).click();
    await expect.poll(() => history.isVisible()).toBe(false);
    await expect.poll(() => contentRow(page, 'employees.csv').innerText()).toContain(`${olderSession} (version picked)`);
    const marked = page.getByRole('region', { name: 'Marked for restore' });
    expect(await marked.innerText()).toContain(`${file} (session ${olderSession})`);

    // (3) By Query: *.csv finds both versions, each naming its scenario; the older one marked from here names it too.
    await chooseSourceView(page, 'Query');
    await page.getByLabel('Name pattern (* and ?)').fill('*.csv');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(async () => (await tableRows(page, 'Query results')).filter((row) => row.includes(file)).length, STEP).toBe(2);
    expect((await tableRows(page, 'Query results')).every((row) => row.includes(name))).toBe(true);
    await marked.getByRole('button', { name: 'Clear marks' }).click();
    await page.getByRole('checkbox', { name: `Mark ${file} (session ${olderSession}) for restore` }).check();
    expect(await marked.innerText()).toContain(`Marked for restore: 1 from "${name}"`);
    expect(await marked.innerText()).toContain(`${file} (session ${olderSession})`);

    // (4) Destination: another folder on this machine, typed, then chosen again with Browse….
    await page.getByRole('tab', { name: 'Destination' }).click();
    await page.getByLabel('Restore to original location').uncheck();
    expect(await page.getByLabel('Host', { exact: true }).inputValue()).toBe('localhost');
    await page.getByLabel('Folder', { exact: true }).fill(restoreFolder);
    // Another machine's engine is browsed with its administrator's credentials: without them it refuses (AE0459).
    const otherHost = 'records-01.invalid';
    await page.getByLabel('Host', { exact: true }).fill(otherHost);
    await page.getByRole('button', { name: 'Browse…' }).click();
    const remote = page.getByRole('dialog', { name: `Browse folders on ${otherHost}` });
    await expect.poll(() => remote.getByRole('alert').innerText().catch(() => ''), STEP).toMatch(/^AE0459: /);
    expect(await remote.getByLabel(`Password for ${otherHost}`).getAttribute('type')).toBe('password');
    await remote.getByRole('button', { name: 'Connect' }).click();
    expect(await remote.innerText()).toContain('Enter the user name.');
    expect(await remote.getByRole('button', { name: 'Choose this folder' }).isDisabled()).toBe(true);
    await remote.getByRole('button', { name: 'Cancel' }).click();
    await page.getByLabel('Host', { exact: true }).fill('localhost');
    await page.getByRole('button', { name: 'Browse…' }).click();
    const browse = page.getByRole('dialog', { name: 'Browse folders on localhost' });
    await expect.poll(() => browse.innerText(), STEP).toContain(`No folders in ${restoreFolder}`);
    expect(await browse.getByLabel(/^User for /).count()).toBe(0);
    await browse.getByRole('button', { name: 'Up' }).click();
    await expect.poll(() => browse.getByRole('button', { name: 'Open restored' }).isVisible(), STEP).toBe(true);
    await browse.getByRole('button', { name: 'Open restored' }).click();
    await expect.poll(() => browse.getByLabel('Folder to list').inputValue()).toBe(restoreFolder);
    await expect.poll(() => browse.getByRole('button', { name: 'Choose this folder' }).isEnabled(), STEP).toBe(true);
    await browse.getByRole('button', { name: 'Choose this folder' }).click();
    expect(await page.getByLabel('Folder', { exact: true }).inputValue()).toBe(restoreFolder);

    // Start → credentials (this machine needs none) → Submit Job, run now.
    await page.getByRole('toolbar', { name: 'Restore actions' }).getByRole('button', { name: 'Start' }).click();
    const security = page.getByRole('dialog', { name: 'Security and Agent Information' });
    await expect.poll(() => security.isVisible(), STEP).toBe(true);
    expect(await security.innerText()).toContain('no credentials needed');
    expect(await security.getByLabel(/^User for /).count()).toBe(0);
    await security.getByRole('button', { name: 'OK' }).click();
    const submit = page.getByRole('dialog', { name: 'Submit Job' });
    expect(await submit.getByLabel('Job name').inputValue()).toBe(`Restore ${name}`);
    expect(await submit.getByRole('radio', { name: 'Run now' }).isChecked()).toBe(true);
    await submit.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => submit.isVisible(), STEP).toBe(false);
    const queued = await page.getByText(/^Restore job \d+ ".*" was queued\.$/).innerText();
    const jobId = Number(/job (\d+)/.exec(queued)?.[1]);
    await expect.poll(() => restoreJobRow(page, jobId), STEP).toMatch(/Done — succeeded/);
    await expect.poll(async () => (await page.getByRole('table', { name: 'Activity Log of the last run' }).innerText().catch(() => '')).length, STEP).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Send to Master' }).isDisabled()).toBe(true);
    await chooseSourceView(page, 'Tree');
    await expect.poll(() => contentRow(page, 'employees.csv').innerText(), STEP).toContain(`${olderSession} (version picked)`);
    await page.screenshot({ path: path.join(projectRoot, 'docs/screenshots/restore-manager.png') });

    // The older version, with its modification time, below the folder as the Master's tree.
    const restored = path.join(restoreFolder, path.relative('/', masterRoot), 'employees.csv');
    expect(fs.readFileSync(restored, 'utf8')).toBe(OLD_CONTENT);
    expect(Math.abs(fs.statSync(restored).mtimeMs - OLD_MTIME.getTime())).toBeLessThan(1000);
  });

  it('lists a folder of 2,500 files a page at a time as the content pane scrolls', async () => {
    const work = tempDir();
    const masterRoot = path.join(work, 'master', 'archive');
    const target = path.join(work, 'replica');
    fs.mkdirSync(masterRoot, { recursive: true });
    for (let i = 0; i < 2500; i++) fs.writeFileSync(path.join(masterRoot, `invoice-${String(i).padStart(5, '0')}.txt`), `${i}\n`);
    fs.mkdirSync(target);

    const page = await openConsole(work);
    await runBackedUpScenario(page, 'Invoices', masterRoot, target);
    await backUpNow(page, 1);

    await openRestoreManager(page);
    await chooseSourceView(page, 'Tree');
    await chooseTreeNode(page, 'Machines and volumes', 'localhost');
    await expect.poll(() => treeNode(page, 'Machines and volumes', /^Volume /).isVisible(), STEP).toBe(true);
    await chooseTreeNode(page, 'Machines and volumes', /^Volume /);
    await chooseTreeNode(page, 'Machines and volumes', masterRoot);
    const note = page.getByText(/^[\d,]+ entries/);
    await expect.poll(() => note.innerText(), STEP).toBe('1,000 entries listed; scroll down for more');
    // Only the rows in view are in the page, whatever the folder holds.
    expect((await tableRows(page, 'Content')).length).toBeLessThan(100);
    const content = page.getByRole('table', { name: 'Content' });
    await content.hover();
    await expect
      .poll(async () => {
        await page.mouse.wheel(0, 20_000);
        return note.innerText();
      }, STEP)
      .toBe('2,500 entries');
    await expect.poll(async () => (await tableRows(page, 'Content')).join('\n'), STEP).toContain('invoice-02499.txt');
  });

  it('restores a whole session to the Replica (the default), then sends it to the Master', async () => {
    const work = tempDir();
    const masterRoot = path.join(work, 'master', 'ledger');
    const target = path.join(work, 'replica');
    const landing = path.join(target, path.relative('/', masterRoot));
    const file = path.join(masterRoot, 'accounts.csv');
    fs.mkdirSync(masterRoot, { recursive: true });
    fs.writeFileSync(file, OLD_CONTENT);
    fs.mkdirSync(target);

    const page = await openConsole(work);
    await runBackedUpScenario(page, 'Ledger', masterRoot, target);
    await backUpNow(page, 1);
    fs.writeFileSync(file, NEW_CONTENT);
    await expect.poll(() => treeSnapshot(landing), STEP).toEqual(treeSnapshot(masterRoot));

    await openRestoreManager(page);
    await chooseTreeNode(page, 'Media and sessions', /^Media /);
    await expect.poll(() => treeNode(page, 'Media and sessions', /^Session \d+ /).isVisible(), STEP).toBe(true);
    const sessionName = (await treeNode(page, 'Media and sessions', /^Session \d+ /).getAttribute('aria-label')) ?? '';
    const session = Number(/^Session (\d+)/.exec(sessionName)?.[1]);
    await page.getByRole('checkbox', { name: `Mark session ${session} for restore` }).check();
    expect(await page.getByRole('region', { name: 'Marked for restore' }).innerText()).toContain(`Session ${session} (whole session)`);

    await page.getByRole('tab', { name: 'Destination' }).click();
    expect(await page.getByLabel('Restore to original location').isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: /^Restore to Replica/ }).isChecked()).toBe(true);
    await page.getByRole('toolbar', { name: 'Restore actions' }).getByRole('button', { name: 'Start' }).click();
    const security = page.getByRole('dialog', { name: 'Security and Agent Information' });
    await expect.poll(() => security.isVisible(), STEP).toBe(true);
    await security.getByRole('button', { name: 'OK' }).click();
    const submit = page.getByRole('dialog', { name: 'Submit Job' });
    await submit.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => submit.isVisible(), STEP).toBe(false);
    const queued = await page.getByText(/^Restore job \d+ ".*" was queued\.$/).innerText();
    const jobId = Number(/job (\d+)/.exec(queued)?.[1]);
    await expect.poll(() => restoreJobRow(page, jobId), STEP).toMatch(/Done — succeeded/);
    expect(fs.readFileSync(path.join(landing, 'accounts.csv'), 'utf8')).toBe(OLD_CONTENT);
    expect(fs.readFileSync(file, 'utf8')).toBe(NEW_CONTENT);

    // Nothing waits as <name>.TMP (no application holds the files): only Send to Master follows.
    await expect.poll(() => page.getByRole('button', { name: 'Send to Master' }).isEnabled(), STEP).toBe(true);
    expect(await page.getByRole('button', { name: 'Apply pending restore' }).isDisabled()).toBe(true);
    expect(await page.getByText(/wait as <name>\.TMP/).count()).toBe(0);
    await page.getByRole('button', { name: 'Send to Master' }).click();
    await expect.poll(() => page.getByText(/^Sent to the Master: /).isVisible(), STEP).toBe(true);
    expect(await page.getByText(/^Sent to the Master: /).innerText()).toMatch(/^Sent to the Master: [1-9][\d,]* files, /);
    expect(fs.readFileSync(file, 'utf8')).toBe(OLD_CONTENT);
    // The Replica and the Master hold the restored data again, and replication goes on from there.
    await expect.poll(() => treeSnapshot(landing), STEP).toEqual(treeSnapshot(masterRoot));
  });
});
