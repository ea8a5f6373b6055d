import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { projectRoot } from './helpers/console-process';
import { useConsoleSession } from './helpers/console-session';
import { patchFile, staysAbsent, treeSnapshot } from './helpers/file-trees';
import { createScenarioThroughDialog, replicaFigure, replicaRowText, rootChanges, scenarioState } from './helpers/replication-manager-page';

/** How long the engines get for each step on this machine (synchronizing a few files, shipping one change). */
const STEP = { timeout: 20_000, interval: 100 };

const { openConsole } = useConsoleSession();

/** A Master root with files of several sizes and a sub-folder, written as an application would. */
function writeMasterRoot(root: string): void {
  fs.mkdirSync(path.join(root, 'reports', 'q1'), { recursive: true });
  fs.writeFileSync(path.join(root, 'ledger.csv'), 'account,amount\n1001,250.00\n1002,-75.10\n');
  fs.writeFileSync(path.join(root, 'notes.txt'), 'hello world');
  fs.writeFileSync(path.join(root, 'archive.bin'), randomBytes(384 * 1024));
  fs.writeFileSync(path.join(root, 'reports', 'summary.txt'), 'Q1 summary\n');
  fs.writeFileSync(path.join(root, 'reports', 'q1', 'january.csv'), 'day,total\n1,10\n2,20\n');
}

describe('Replication through the Replication Manager, console host and engine on this machine', () => {
  it('runs a FileServer scenario: synchronizes, replicates changes, spools while suspended, drains on resume, stops', async () => {
    const work = tempDir();
    const masterRoot = path.join(work, 'master', 'finance');
    const target = path.join(work, 'replica');
    // Each Master root lands in <target>/<root without its leading slash> (engine/replication/root-mapping.ts).
    const landing = path.join(target, path.relative('/', masterRoot));
    writeMasterRoot(masterRoot);
    fs.mkdirSync(target);

    const page = await openConsole(work);

    const name = 'Finance replication';
    await createScenarioThroughDialog(page, { name, type: 'FileServer', masterHost: 'localhost', roots: masterRoot, replicaHost: 'localhost', target });
    expect(await scenarioState(page, name)).toBe('Stopped (new)');

    // Run: every host is this machine, so no engine credentials are asked for.
    await page.getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => scenarioState(page, name), STEP).toBe('Running');
    await expect.poll(() => replicaRowText(page, 'localhost'), STEP).toContain('Replicating');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);

    // The initial synchronization copied the Master root byte for byte.
    const initial = treeSnapshot(masterRoot);
    expect(Object.keys(initial)).toHaveLength(7);
    await expect.poll(() => treeSnapshot(landing), STEP).toEqual(initial);

    // Real-time replication: a new file, an appended file and a block patched inside a large one.
    fs.writeFileSync(path.join(masterRoot, 'reports', 'q1', 'february.csv'), 'day,total\n1,30\n');
    fs.appendFileSync(path.join(masterRoot, 'ledger.csv'), '1003,12.34\n');
    patchFile(path.join(masterRoot, 'archive.bin'), 200 * 1024, randomBytes(4096));
    const changed = treeSnapshot(masterRoot);
    expect(changed).not.toEqual(initial);
    await expect.poll(() => treeSnapshot(landing), STEP).toEqual(changed);

    await page.getByRole('tab', { name: 'Statistics' }).click();
    await expect.poll(() => replicaFigure(page, 'localhost', 'Records sent'), STEP).toBeGreaterThan(0);
    await expect.poll(() => rootChanges(page, masterRoot), STEP).toBeGreaterThan(0);
    await expect.poll(() => replicaFigure(page, 'localhost', 'Records'), STEP).toBe(0);
    await page.screenshot({ path: path.join(projectRoot, 'docs/screenshots/replication-running.png') });

    // Directories: the root lists its files (size, time) and folders, opened with the mouse and the keyboard.
    await page.getByRole('tab', { name: 'Directories' }).click();
    const directories = page.getByRole('tree', { name: 'Master directories' });
    const rootItem = directories.getByRole('treeitem', { name: masterRoot });
    expect(await rootItem.getAttribute('aria-expanded')).toBe('false');
    await rootItem.click();
    await expect.poll(() => rootItem.getAttribute('aria-expanded')).toBe('true');
    const timestamp = '\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d';
    await expect.poll(() => directories.getByRole('treeitem', { name: new RegExp(`^notes\\.txt, 11 B, modified ${timestamp}$`) }).isVisible()).toBe(true);
    expect(await directories.getByRole('treeitem', { name: new RegExp(`^archive\\.bin, 384 KB, modified ${timestamp}$`) }).isVisible()).toBe(true);
    expect(await directories.getByRole('treeitem', { name: /^ledger\.csv, / }).isVisible()).toBe(true);
    const reports = directories.getByRole('treeitem', { name: 'reports', exact: true });
    expect(await reports.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('ArrowDown'); // the first entry: folders come first
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => reports.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => directories.getByRole('treeitem', { name: /^summary\.txt, 11 B, / }).isVisible()).toBe(true);
    expect(await directories.getByRole('treeitem', { name: 'q1', exact: true }).getAttribute('aria-expanded')).toBe('false');
    await page.screenshot({ path: path.join(projectRoot, 'docs/screenshots/directories-tab.png') });

    // Suspend: changes wait in the spool and do not reach the Replica.
    await page.getByRole('tree', { name: 'Hosts' }).getByRole('treeitem', { name: 'Replica localhost' }).click();
    await page.getByRole('button', { name: 'Suspend' }).click();
    await expect.poll(() => replicaRowText(page, 'localhost'), STEP).toContain('Suspended');
    const whileSuspended = path.join(masterRoot, 'while-suspended.txt');
    fs.writeFileSync(whileSuspended, 'written while the Replica was suspended\n');
    await page.getByRole('tab', { name: 'Statistics' }).click();
    await expect.poll(() => replicaFigure(page, 'localhost', 'Records'), STEP).toBeGreaterThan(0);
    expect(await staysAbsent(path.join(landing, 'while-suspended.txt'), 1500)).toBe(true);
    expect(await scenarioState(page, name)).toBe('Running');

    // Resume: the spool drains and the Replica matches the Master again.
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => replicaRowText(page, 'localhost'), STEP).toContain('Replicating');
    await expect.poll(() => treeSnapshot(landing), STEP).toEqual(treeSnapshot(masterRoot));
    await expect.poll(() => replicaFigure(page, 'localhost', 'Records'), STEP).toBe(0);

    // Stop, after confirming.
    await page.getByRole('button', { name: 'Stop' }).click();
    const confirm = page.getByRole('dialog', { name: 'Stop scenario' });
    await confirm.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => scenarioState(page, name), STEP).toBe('Stopped by user');
    expect(await replicaRowText(page, 'localhost')).toContain('Stopped');

    const events = page.getByRole('table', { name: 'Events' });
    await expect.poll(() => events.textContent()).toMatch(/Synchronization of Replica \S+ finished: 5 files compared, 5 sent/);
    await expect.poll(() => events.textContent()).toContain(`Scenario "${name}" stopped by user`);
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});
