import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { projectRoot } from './helpers/console-process';
import { useConsoleSession } from './helpers/console-session';
import { treeSnapshot } from './helpers/file-trees';
import { createScenarioThroughDialog, replicaRowText, rewindPointRows, rewindSummaryFigure, scenarioState } from './helpers/replication-manager-page';

/** How long the engines get for each step on this machine (synchronizing a few files, shipping one change, a rewind). */
const STEP = { timeout: 20_000, interval: 100 };

const { openConsole } = useConsoleSession();

function writeMasterRoot(root: string): void {
  fs.mkdirSync(path.join(root, 'reports'), { recursive: true });
  fs.writeFileSync(path.join(root, 'ledger.csv'), 'account,amount\n1001,250.00\n');
  fs.writeFileSync(path.join(root, 'notes.txt'), 'hello world');
  fs.writeFileSync(path.join(root, 'reports', 'summary.txt'), 'Q1 summary\n');
}

/** A test's folders: a Master root (filled by `fill`), an empty Replica target, and where the root lands in it. */
function scenarioFolders(rootName: string, fill: (root: string) => void = writeMasterRoot): { work: string; masterRoot: string; target: string; landing: string } {
  const work = tempDir();
  const masterRoot = path.join(work, 'master', rootName);
  const target = path.join(work, 'replica');
  fill(masterRoot);
  fs.mkdirSync(target);
  return { work, masterRoot, target, landing: path.join(target, path.relative('/', masterRoot)) };
}

describe('Data Rewind and snapshots through the Replication Manager, on this machine', () => {
  it('rewinds a Replica to a bookmark set before a bad change, then snapshots it and browses the snapshot', async () => {
    const { work, masterRoot, target, landing } = scenarioFolders('finance');

    const page = await openConsole(work);

    const name = 'Finance rewind';
    await createScenarioThroughDialog(page, { name, type: 'FileServer', masterHost: 'localhost', roots: masterRoot, replicaHost: 'localhost', target });
    const toolbar = page.getByRole('toolbar', { name: 'Scenario actions' });
    expect(await toolbar.getByRole('button', { name: 'Set bookmark' }).isDisabled()).toBe(true);
    await toolbar.getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => scenarioState(page, name), STEP).toBe('Running');
    await expect.poll(() => replicaRowText(page, 'localhost'), STEP).toContain('Replicating');
    await expect.poll(() => treeSnapshot(landing), STEP).toEqual(treeSnapshot(masterRoot));

    // A good change, replicated; then a bookmark marks this state.
    fs.appendFileSync(path.join(masterRoot, 'ledger.csv'), '1002,-75.10\n');
    const good = treeSnapshot(masterRoot);
    await expect.poll(() => treeSnapshot(landing), STEP).toEqual(good);
    await toolbar.getByRole('button', { name: 'Set bookmark' }).click();
    const bookmarkDialog = page.getByRole('dialog', { name: 'Set rewind bookmark' });
    expect(await bookmarkDialog.getByLabel('Bookmark name').inputValue()).toMatch(/^Bookmark \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    await bookmarkDialog.getByLabel('Bookmark name').fill('Before the cleanup');
    await bookmarkDialog.getByRole('button', { name: 'Set bookmark' }).click();
    await expect.poll(() => bookmarkDialog.textContent()).toContain('Bookmark "Before the cleanup" set on 1 Replica.');
    await bookmarkDialog.getByRole('button', { name: 'Close' }).click();

    // The bad change: a file written, one overwritten, one deleted; all of it replicated.
    fs.writeFileSync(path.join(masterRoot, 'README-RANSOM.txt'), 'pay up\n');
    fs.writeFileSync(path.join(masterRoot, 'notes.txt'), 'ENCRYPTED!'.repeat(100));
    fs.rmSync(path.join(masterRoot, 'reports', 'summary.txt'));
    const bad = treeSnapshot(masterRoot);
    await expect.poll(() => treeSnapshot(landing), STEP).toEqual(bad);

    // The rewind browser: every operation and the bookmark, newest first, filtered by file and by time.
    await toolbar.getByRole('button', { name: 'Rewind' }).click();
    const rewind = page.getByRole('dialog', { name: `Rewind — ${name}` });
    await expect.poll(() => rewindPointRows(page), STEP).toEqual(expect.arrayContaining([expect.stringMatching(/Bookmark\s+Before the cleanup/)]));
    const all = await rewindPointRows(page);
    expect(all.some((row) => row.includes('README-RANSOM.txt'))).toBe(true);
    expect(all.findIndex((row) => row.includes('README-RANSOM.txt'))).toBeLessThan(all.findIndex((row) => row.includes('Before the cleanup')));
    await rewind.getByLabel('File name or path contains').fill('summary');
    const summaryFile = path.join(masterRoot, 'reports', 'summary.txt');
    const onlySummary = (rows: string[]): boolean => rows.every((row) => row.endsWith(summaryFile)) && rows.some((row) => /^\S+ \S+\s+Delete\s/.test(row));
    await expect.poll(async () => onlySummary(await rewindPointRows(page)), STEP).toBe(true);
    await rewind.getByLabel('File name or path contains').fill('');
    await rewind.getByLabel('Until').fill('2001-01-01T00:00:00');
    await expect.poll(() => rewindPointRows(page), STEP).toEqual([]);
    await rewind.getByLabel('Until').fill('');
    const bookmarkRow = rewind.getByRole('row', { name: /Bookmark\s+Before the cleanup/ });
    await bookmarkRow.click();
    expect(await bookmarkRow.getAttribute('aria-selected')).toBe('true');
    await page.screenshot({ path: path.join(projectRoot, 'docs/screenshots/rewind-browser.png') });

    // Confirm: the consequences are spelled out; then the Replica goes back to the bookmark.
    await rewind.getByRole('button', { name: 'Continue' }).click();
    await expect
      .poll(() => rewind.textContent())
      .toContain('The scenario will be stopped; the Replica localhost returns to its state at the bookmark "Before the cleanup"');
    expect(await rewind.textContent()).toContain('it will be resynchronized on the next run.');
    await rewind.getByRole('button', { name: 'Rewind', exact: true }).click();
    await expect.poll(() => rewindSummaryFigure(page, 'Operations undone'), STEP).toBeGreaterThanOrEqual(3);
    expect(await rewindSummaryFigure(page, 'Created files and folders removed')).toBeGreaterThanOrEqual(1);
    expect(await rewindSummaryFigure(page, 'Deleted or overwritten files restored')).toBeGreaterThanOrEqual(1);
    expect(treeSnapshot(landing)).toEqual(good);
    await expect.poll(() => scenarioState(page, name), STEP).toMatch(/^Stopped/);
    await rewind.getByRole('button', { name: 'Close' }).click();

    // The Master is repaired from the rewound Replica, and the scenario runs again: a resynchronization.
    fs.rmSync(masterRoot, { recursive: true, force: true });
    fs.cpSync(landing, masterRoot, { recursive: true, preserveTimestamps: true });
    await toolbar.getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => scenarioState(page, name), STEP).toBe('Running');
    await expect.poll(() => replicaRowText(page, 'localhost'), STEP).toContain('Replicating');
    await expect.poll(() => treeSnapshot(landing), STEP).toEqual(good);

    // A snapshot of the repaired Replica, listed with the journal in the Snapshots tab.
    await page.getByRole('tab', { name: 'Snapshots' }).click();
    await page.getByRole('button', { name: 'Create snapshot of Replica localhost' }).click();
    const create = page.getByRole('dialog', { name: 'Create snapshot' });
    await create.getByLabel('Snapshot name').fill('After recovery');
    await create.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => create.isVisible()).toBe(false);
    const snapshots = page.getByRole('table', { name: 'Snapshots of Replica localhost' });
    await expect.poll(() => snapshots.getByRole('row', { name: /After recovery/ }).isVisible(), STEP).toBe(true);
    expect(await page.getByRole('table', { name: 'Rewind journal of Replica localhost' }).textContent()).toContain('Recording');

    // Replication goes on after the snapshot; the snapshot keeps its moment.
    fs.writeFileSync(path.join(masterRoot, 'later.txt'), 'written after the snapshot\n');
    fs.appendFileSync(path.join(masterRoot, 'notes.txt'), ' and more');
    await expect.poll(() => treeSnapshot(landing), STEP).toEqual(treeSnapshot(masterRoot));
    const changesSince = snapshots.getByRole('row', { name: /After recovery/ }).getByRole('cell').nth(2);
    await expect.poll(async () => Number(await changesSince.textContent()), STEP).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(projectRoot, 'docs/screenshots/snapshots.png') });

    // Browse it: the Directories tab lists the snapshot under the Master's paths, as the Replica was.
    await page.getByRole('button', { name: 'Browse snapshot After recovery' }).click();
    expect(await page.getByRole('tab', { name: 'Directories' }).getAttribute('aria-selected')).toBe('true');
    const tree = page.getByRole('tree', { name: 'Snapshot After recovery directories' });
    await tree.getByRole('treeitem', { name: masterRoot }).click();
    await expect.poll(() => tree.getByRole('treeitem', { name: /^notes\.txt, 11 B, / }).isVisible(), STEP).toBe(true);
    expect(await tree.getByRole('treeitem', { name: /^later\.txt, / }).count()).toBe(0);
    await tree.getByRole('treeitem', { name: 'reports', exact: true }).click();
    await expect.poll(() => tree.getByRole('treeitem', { name: /^summary\.txt, 11 B, / }).isVisible(), STEP).toBe(true);

    // The Master as it is now: switching the source back shows the later file.
    await page.getByLabel('Directories source').selectOption({ label: 'Master localhost' });
    const master = page.getByRole('tree', { name: 'Master directories' });
    await master.getByRole('treeitem', { name: masterRoot }).click();
    await expect.poll(() => master.getByRole('treeitem', { name: /^later\.txt, / }).isVisible(), STEP).toBe(true);
    expect(await master.getByRole('treeitem', { name: /^notes\.txt, 20 B, / }).isVisible()).toBe(true);

    // Export the snapshot's root to a new folder: the files as they were at the snapshot.
    await page.getByRole('tab', { name: 'Snapshots' }).click();
    await page.getByRole('button', { name: 'Export snapshot After recovery' }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export snapshot' });
    expect(await exportDialog.getByLabel('Folder in the snapshot (Master path)').inputValue()).toBe(masterRoot);
    const exported = path.join(work, 'exported');
    await exportDialog.getByLabel('New folder on localhost').fill(exported);
    await exportDialog.getByRole('button', { name: 'Export' }).click();
    await expect.poll(() => exportDialog.textContent(), STEP).toContain(`Exported 3 files and 2 folders (`);
    expect(treeSnapshot(exported)).toEqual(good);
    await exportDialog.getByRole('button', { name: 'Close' }).click();

    // Release it: gone from the list, and the Directories tab shows the Master again.
    await page.getByRole('button', { name: 'Release snapshot After recovery' }).click();
    await page.getByRole('dialog', { name: 'Release snapshot' }).getByRole('button', { name: 'Release' }).click();
    await expect.poll(() => page.getByText('No snapshots of Replica localhost.').isVisible(), STEP).toBe(true);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('names the snapshot that keeps the journal over its size limit, and trims once it is released', async () => {
    const { work, masterRoot, target, landing } = scenarioFolders('db', (root) => {
      fs.mkdirSync(root, { recursive: true });
      fs.writeFileSync(path.join(root, 'data.mdf'), randomBytes(3 * 1024 * 1024));
    });
    const page = await openConsole(work);
    await createScenarioThroughDialog(page, { name: 'Small journal', type: 'FileServer', masterHost: 'localhost', roots: masterRoot, replicaHost: 'localhost', target });
    await page.getByRole('tab', { name: 'Properties' }).click();
    const form = page.getByRole('form', { name: 'Replication properties' });
    await form.getByLabel('Maximum journal size (MB)').fill('2');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.getByText('Saved.').isVisible()).toBe(true);
    await page.getByRole('toolbar', { name: 'Scenario actions' }).getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => treeSnapshot(landing), STEP).toEqual(treeSnapshot(masterRoot));

    await page.getByRole('tab', { name: 'Snapshots' }).click();
    await page.getByRole('button', { name: 'Create snapshot of Replica localhost' }).click();
    const create = page.getByRole('dialog', { name: 'Create snapshot' });
    await create.getByLabel('Snapshot name').fill('Pinned for backup');
    await create.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => create.isVisible()).toBe(false);
    // Two whole rewrites: the journal keeps 6 MiB of before-images, and the snapshot needs them.
    for (let round = 0; round < 2; round++) {
      fs.writeFileSync(path.join(masterRoot, 'data.mdf'), randomBytes(3 * 1024 * 1024));
      await expect.poll(() => treeSnapshot(landing), STEP).toEqual(treeSnapshot(masterRoot));
    }
    const warning = 'Journal over its limit: snapshot "Pinned for backup" keeps it from being trimmed';
    await expect.poll(() => page.getByText(warning).isVisible(), STEP).toBe(true);

    await page.getByRole('button', { name: 'Release snapshot Pinned for backup' }).click();
    await page.getByRole('dialog', { name: 'Release snapshot' }).getByRole('button', { name: 'Release' }).click();
    await expect.poll(() => page.getByText(warning).isVisible(), STEP).toBe(false);
    // Trimmed under its limit again: the share of the maximum the Size row shows is at most 100%.
    const journal = page.getByRole('table', { name: 'Rewind journal of Replica localhost' });
    const share = async (): Promise<number> => Number(/\((\d+)%\)/.exec((await journal.textContent()) ?? '')?.[1] ?? Number.NaN);
    await expect.poll(share, STEP).toBeLessThanOrEqual(100);
  });

  it('checks the Recovery and Assured Recovery properties before saving them', async () => {
    const work = tempDir();
    const masterRoot = path.join(work, 'master');
    fs.mkdirSync(masterRoot);
    const page = await openConsole(work);
    await createScenarioThroughDialog(page, { name: 'Options', type: 'SQLServer', masterHost: 'localhost', roots: masterRoot, replicaHost: 'localhost', target: path.join(work, 'replica') });
    await page.getByRole('tab', { name: 'Properties' }).click();
    const form = page.getByRole('form', { name: 'Replication properties' });
    expect(await form.getByLabel('Daily test at (HH:MM, empty = none)').isDisabled()).toBe(true);
    await form.getByLabel('Assured Recovery (integrity testing of the Replica)').check();
    await form.getByLabel('Daily test at (HH:MM, empty = none)').fill('25:00');
    await form.getByLabel('Rewind retention period (hours)').fill('0');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.getByText('Enter a time as HH:MM (24-hour, e.g. 02:30), or leave it empty for no daily test.').isVisible()).toBe(true);
    expect(await form.getByText('Enter a number of hours from 0.01 to 8760.').isVisible()).toBe(true);

    await form.getByLabel('Daily test at (HH:MM, empty = none)').fill('2:30');
    await form.getByLabel('Rewind retention period (hours)').fill('48');
    await form.getByLabel('Verify command (checks the application)').fill('true');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.getByText('Saved.').isVisible()).toBe(true);
    expect(await form.getByLabel('Daily test at (HH:MM, empty = none)').inputValue()).toBe('02:30');
    expect(await page.getByRole('toolbar', { name: 'Scenario actions' }).getByRole('button', { name: 'Assured Recovery test' }).isDisabled()).toBe(true);
  });

  it('runs an Assured Recovery test from the toolbar and shows each step in the Host pane; the test changes are rolled back', async () => {
    const { work, masterRoot, target, landing } = scenarioFolders('app');
    const page = await openConsole(work);
    const name = 'App integrity';
    await createScenarioThroughDialog(page, { name, type: 'FileServer', masterHost: 'localhost', roots: masterRoot, replicaHost: 'localhost', target });

    // The test starts "the application" (it writes into the Replica's data), verifies it and stops it.
    await page.getByRole('tab', { name: 'Properties' }).click();
    const form = page.getByRole('form', { name: 'Replication properties' });
    await form.getByLabel('Assured Recovery (integrity testing of the Replica)').check();
    await form.getByLabel('Start command (starts the application on the Replica)').fill('echo started > "$UNDERSTUDY_REPLICA_ROOT/app.lock"');
    await form.getByLabel('Verify command (checks the application)').fill('test -f "$UNDERSTUDY_REPLICA_ROOT/app.lock" && grep -q Q1 "$UNDERSTUDY_REPLICA_ROOT/reports/summary.txt"');
    await form.getByLabel('Stop command (stops the application)').fill('sleep 1; true');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.getByText('Saved.').isVisible()).toBe(true);

    const toolbar = page.getByRole('toolbar', { name: 'Scenario actions' });
    await toolbar.getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => replicaRowText(page, 'localhost'), STEP).toContain('Replicating');
    await expect.poll(() => treeSnapshot(landing), STEP).toEqual(treeSnapshot(masterRoot));

    await toolbar.getByRole('button', { name: 'Assured Recovery test' }).click();
    const status = page.getByRole('group', { name: 'Assured Recovery of Replica localhost' });
    await expect.poll(() => status.textContent(), STEP).toMatch(/Preparing|Testing|Rolling back/);
    expect(await status.getByRole('button', { name: 'Start test of Replica localhost' }).isDisabled()).toBe(true);
    // A change on the Master during the test waits in the spool and arrives afterwards.
    fs.writeFileSync(path.join(masterRoot, 'during-test.txt'), 'written during the test\n');
    await expect.poll(() => status.textContent(), { timeout: 60_000, interval: 200 }).toContain('Last test: Passed');
    const steps = page.getByRole('table', { name: 'Last test steps of Replica localhost' });
    expect(await steps.getByRole('row').allInnerTexts()).toEqual([
      expect.stringMatching(/^Step\s+Command\s+Result\s+Duration$/),
      expect.stringMatching(/^Start\s+echo started .*Exit code 0/),
      expect.stringMatching(/^Verify\s+test -f .*Exit code 0/),
      expect.stringMatching(/^Stop\s+sleep 1; true\s+Exit code 0/),
    ]);
    expect(await status.textContent()).toMatch(/\d+ test changes? rolled back/);
    await expect.poll(() => treeSnapshot(landing), STEP).toEqual(treeSnapshot(masterRoot));
    expect(fs.existsSync(path.join(landing, 'app.lock'))).toBe(false);
    await page.screenshot({ path: path.join(projectRoot, 'docs/screenshots/assured-recovery.png') });
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('stops a hung Assured Recovery test from the Host pane; the Replica is rolled back', async () => {
    const { work, masterRoot, target, landing } = scenarioFolders('app');
    const page = await openConsole(work);
    await createScenarioThroughDialog(page, { name: 'Hung test', type: 'FileServer', masterHost: 'localhost', roots: masterRoot, replicaHost: 'localhost', target });
    await page.getByRole('tab', { name: 'Properties' }).click();
    const form = page.getByRole('form', { name: 'Replication properties' });
    await form.getByLabel('Assured Recovery (integrity testing of the Replica)').check();
    await form.getByLabel('Start command (starts the application on the Replica)').fill('echo started > "$UNDERSTUDY_REPLICA_ROOT/app.lock"');
    await form.getByLabel('Verify command (checks the application)').fill('sleep 120');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.getByText('Saved.').isVisible()).toBe(true);
    const toolbar = page.getByRole('toolbar', { name: 'Scenario actions' });
    await toolbar.getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => treeSnapshot(landing), STEP).toEqual(treeSnapshot(masterRoot));

    await toolbar.getByRole('button', { name: 'Assured Recovery test' }).click();
    const status = page.getByRole('group', { name: 'Assured Recovery of Replica localhost' });
    await expect.poll(() => status.textContent(), STEP).toContain('Testing: verify');
    await status.getByRole('button', { name: 'Stop test of Replica localhost' }).click();
    await expect.poll(() => status.textContent(), STEP).toContain('Last test: Stopped');
    const steps = page.getByRole('table', { name: 'Last test steps of Replica localhost' });
    expect(await steps.getByRole('row').allInnerTexts()).toContainEqual(expect.stringMatching(/^Verify\s+sleep 120\s+Stopped by the user/));
    await expect.poll(() => treeSnapshot(landing), STEP).toEqual(treeSnapshot(masterRoot));
  });
});
