import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { ADMIN } from '../processes/helpers/engine-process';
import { NetnsHost } from '../processes/helpers/netns-host';
import { browseTo, checkScenario, fillNewDiskDevice, openAddFolder, queueCell, securityRow, showWindow, sourceNode, startJob, submitJob, toSubmitJob } from './helpers/backup-manager-page';
import { projectRoot } from './helpers/console-process';
import { useConsoleSession } from './helpers/console-session';
import { payrollFolders } from './helpers/file-trees';
import { entryRows } from './helpers/job-status-page';
import { runBackedUpScenario } from './helpers/replication-manager-page';
import { chooseSourceView, chooseTreeNode, openRestoreManager, treeNode } from './helpers/restore-manager-page';

/** How long the engines get for each step on this machine (synchronizing a few files, one backup job and its migration). */
const STEP = { timeout: 60_000, interval: 200 };

const { openConsole } = useConsoleSession();

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the Backup Manager with folder sources and staging, on this machine', () => {
  it(
    'backs up a folder beside a scenario through a staging group migrated at once, refuses a missing folder (E3389), and restores the folder only to its Master',
    { timeout: 180_000 },
    async () => {
      const work = tempDir();
      const { masterRoot, target } = payrollFolders(work);
      const shares = path.join(work, 'shares');
      fs.mkdirSync(path.join(shares, 'team'), { recursive: true });
      fs.writeFileSync(path.join(shares, 'minutes.txt'), 'monday: backups\n');
      fs.writeFileSync(path.join(shares, 'team', 'rota.csv'), 'day,who\nmon,ada\n');
      const stagingFolder = path.join(work, 'staging-disk');
      const notAFolder = path.join(work, 'plain-file');
      fs.writeFileSync(notAFolder, 'not a folder\n');

      const page = await openConsole(work);
      const scenario = 'Payroll';
      await runBackedUpScenario(page, scenario, masterRoot, target);
      await showWindow(page, 'Backup Manager');
      const tree = page.getByRole('tree', { name: 'Backup sources' });
      await expect.poll(() => tree.getByRole('treeitem', { name: 'Folders' }).innerText(), STEP).toContain('No folder yet');

      // Add folder…: this machine's folder, chosen with Browse… (no credentials asked for this machine).
      const add = await openAddFolder(page);
      await browseTo(page, add, 'localhost', work, 'shares');
      expect(await add.getByLabel('Folder', { exact: true }).inputValue()).toBe(shares);
      expect(await add.getByLabel(/^User for /).count()).toBe(0);
      await add.getByRole('button', { name: 'Add' }).click();
      await expect.poll(() => add.isVisible(), STEP).toBe(false);
      const folderName = `${shares} on localhost`;
      const folder = sourceNode(page, folderName);
      await expect.poll(() => folder.isVisible(), STEP).toBe(true);
      expect(await folder.getAttribute('aria-level')).toBe('2');
      const properties = await page.getByRole('table', { name: `Properties of ${folderName}` }).innerText();
      expect(properties).toMatch(/Host\s+localhost/);
      expect(properties).toContain(`Folder\t${shares}`);
      expect(properties).toMatch(/Read\s+live through the host's engine \(no snapshot\)/);

      // A folder that does not exist: E3389 with its reason and action, nothing added.
      const missing = await openAddFolder(page);
      await missing.getByLabel('Folder', { exact: true }).fill(path.join(work, 'no-such-folder'));
      await missing.getByRole('button', { name: 'Add' }).click();
      await expect.poll(() => missing.getByRole('alert').innerText().catch(() => ''), STEP).toMatch(/^E3389: /);
      expect(await missing.getByRole('alert').innerText()).toMatch(/Reason: \S[\s\S]*Action: \S/);
      await missing.getByRole('button', { name: 'Cancel' }).click();
      expect(await tree.getByRole('treeitem', { name: /no-such-folder/ }).count()).toBe(0);

      // The folder first, then the scenario: both marked, in that order.
      await checkScenario(page, folderName);
      await checkScenario(page, scenario);
      expect(await folder.locator('.backup-chosen').innerText()).toBe(folderName);
      expect(await tree.getByRole('treeitem', { name: 'Folders' }).locator(':scope > .restore-tree-row').innerText()).toContain('1 checked');
      // A click shows the folder's properties (the check box keeps it checked).
      await folder.locator('.restore-tree-label').click();
      await expect.poll(() => folder.getAttribute('aria-selected')).toBe('true');
      expect(await folder.getAttribute('aria-checked')).toBe('true');
      await page.screenshot({ path: path.join(projectRoot, 'docs/screenshots/backup-manager-folders.png') });

      // Staging: only Default exists, so the tab says so and offers New disk device…; a folder under a file is refused (E3390).
      await page.getByRole('tab', { name: 'Staging' }).click();
      const staging = page.getByRole('tabpanel', { name: 'Staging' });
      await staging.getByRole('checkbox', { name: /^Write sessions to a staging device group first/ }).check();
      await expect.poll(() => staging.getByRole('alert').innerText()).toMatch(/no device group other than the destination \(Default\)/);
      await staging.getByRole('button', { name: 'New disk device…' }).click();
      const device = await fillNewDiskDevice(page, { newGroup: 'Staging', name: 'Stage disk', path: path.join(notAFolder, 'disk') });
      await expect.poll(() => device.getByRole('alert').innerText().catch(() => ''), STEP).toMatch(/^E3390: /);
      expect(await device.getByRole('alert').innerText()).toMatch(/Reason: \S[\s\S]*Action: \S/);
      await device.getByLabel('Folder on the backup server').fill(stagingFolder);
      await device.getByRole('button', { name: 'Add device' }).click();
      await expect.poll(() => device.isVisible(), STEP).toBe(false);
      expect(fs.statSync(stagingFolder).isDirectory()).toBe(true);
      await expect.poll(() => staging.getByLabel('Staging device group').locator('option:checked').innerText()).toBe('Staging');
      expect(await staging.getByLabel('Staging device group').locator('option').allInnerTexts()).toEqual(['Staging']);
      await staging.getByLabel('Migrate to the destination after').fill('0');
      await page.screenshot({ path: path.join(projectRoot, 'docs/screenshots/backup-manager-staging.png') });

      // Destination: a device name already used is refused (E3378); Default stays the destination.
      await page.getByRole('tab', { name: 'Destination' }).click();
      await expect.poll(() => page.getByLabel('Device group').locator('option:checked').innerText()).toBe('Default');
      await page.getByRole('button', { name: 'New disk device…' }).click();
      const taken = await fillNewDiskDevice(page, { name: 'Stage disk', path: path.join(work, 'second-disk') });
      await expect.poll(() => taken.getByRole('alert').innerText().catch(() => ''), STEP).toMatch(/^E3378: /);
      await taken.getByRole('button', { name: 'Cancel' }).click();

      // Start: the folder's host is a Source row (no crown); the scenario keeps its Master and Replica rows.
      const security = await startJob(page);
      const source = securityRow(security, 'Source', 'localhost').filter({ hasText: folderName });
      expect(await source.count()).toBe(1);
      expect(await source.getByRole('img', { name: 'Master' }).count()).toBe(0);
      expect(await source.innerText()).toContain('not needed (this machine)');
      expect(await securityRow(security, 'Master', 'localhost').getByRole('img', { name: 'Master' }).count()).toBe(1);
      const submit = await toSubmitJob(page, security);
      const summary = await submit.getByRole('definition').allInnerTexts();
      expect(summary[0]).toBe(`${folderName}, ${scenario}`);
      expect(summary[2]).toBe('first to "Staging", migrated to the destination as soon as each session is written');
      const jobName = 'Shares and payroll, staged';
      await submit.getByLabel('Job name').fill(jobName);
      await submitJob(page, submit);

      // Job Status Manager: done; once the staging device is empty again (each session migrated, its
      // staging copy removed last), the Activity Log says each session was staged, then migrated.
      await showWindow(page, 'Job Status Manager');
      await expect.poll(() => queueCell(page, jobName, 'Status'), STEP).toBe('Done — succeeded');
      await expect.poll(() => fs.readdirSync(stagingFolder).filter((name) => !name.startsWith('.')), STEP).toEqual([]);
      await page.getByRole('tab', { name: 'Activity Log' }).click();
      await page.getByRole('list', { name: 'Job runs' }).getByRole('button', { name: new RegExp(`^Run \\d+ of ${escape(jobName)}$`) }).first().click();
      const count = async (text: string): Promise<number> => (await entryRows(page)).filter((row) => row.includes(text)).length;
      await expect.poll(() => count('written to the staging device'), STEP).toBe(2);
      await expect.poll(() => count('migrated from staging'), STEP).toBe(2);

      // Restore Manager: the folder's session restores to its folder (Master) only.
      await openRestoreManager(page);
      await chooseSourceView(page, 'Tree');
      await chooseTreeNode(page, 'Machines and volumes', 'localhost');
      const volume = treeNode(page, 'Machines and volumes', `Volume ${shares} (${folderName})`);
      await expect.poll(() => volume.isVisible(), STEP).toBe(true);
      const mark = volume.getByRole('checkbox', { name: new RegExp(`^Mark Volume ${escape(shares)} \\(latest session \\d+\\) for restore$`) });
      await expect.poll(() => mark.isVisible(), STEP).toBe(true);
      await mark.check();
      await page.getByRole('tab', { name: 'Destination' }).click();
      const toReplica = page.getByRole('radio', { name: /^Restore to Replica/ });
      await expect.poll(() => toReplica.isDisabled(), STEP).toBe(true);
      expect(await toReplica.isChecked()).toBe(false);
      expect(await page.getByRole('radio', { name: /^Restore to Master/ }).isChecked()).toBe(true);
      expect(await page.getByRole('group', { name: 'Original location' }).innerText()).toContain('a folder source, which has no Replica');

      // Remove (after a question saying its sessions stay restorable): the folder leaves the Source tree.
      await showWindow(page, 'Backup Manager');
      await page.getByRole('tab', { name: 'Source' }).click();
      await folder.locator('.restore-tree-label').click();
      await page.getByRole('toolbar', { name: 'Source actions' }).getByRole('button', { name: 'Remove' }).click();
      const remove = page.getByRole('dialog', { name: 'Remove folder source' });
      expect(await remove.innerText()).toMatch(/sessions already backed up from it stay in the catalog: they can still be restored/);
      await remove.getByRole('button', { name: 'Remove' }).click();
      await expect.poll(() => folder.count(), STEP).toBe(0);
      expect(await sourceNode(page, scenario).isVisible()).toBe(true);
    },
  );
});

const probe = NetnsHost.create(8);
const unavailable = typeof probe === 'string' ? probe : undefined;
if (typeof probe !== 'string') void probe.stop();
const hosts: NetnsHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
});

describe.skipIf(unavailable !== undefined)(`Add folder on another host${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  it('asks for the host engine credentials only when the engine refuses (AE0459), refuses a wrong password, and adds the folder with the right one', { timeout: 120_000 }, async () => {
    const remote = NetnsHost.create(4);
    if (typeof remote === 'string') throw new Error(remote);
    hosts.push(remote);
    await remote.startEngine(tempDir('understudy-remote-engine-'));
    const work = tempDir();
    const shares = path.join(work, 'branch-shares');
    fs.mkdirSync(shares);
    fs.writeFileSync(path.join(shares, 'notes.txt'), 'branch\n');

    const page = await openConsole(work);
    await showWindow(page, 'Backup Manager');
    const add = await openAddFolder(page, remote.address);
    await add.getByLabel('Folder', { exact: true }).fill(shares);
    // First without credentials: the engine refuses, and only then are they asked for.
    expect(await add.getByLabel(`User for ${remote.address}`).count()).toBe(0);
    await add.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => add.getByRole('alert').innerText().catch(() => ''), STEP).toMatch(/^AE0459: /);
    expect(await add.getByRole('alert').innerText()).toMatch(/Reason: \S[\s\S]*Action: \S/);
    await add.getByLabel(`User for ${remote.address}`).fill(ADMIN.user);
    await add.getByLabel(`Password for ${remote.address}`).fill('not the password');
    await add.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => add.getByLabel(`Password for ${remote.address}`).inputValue(), STEP).toBe('');
    expect(await add.getByRole('alert').innerText()).toMatch(/^AE0459: /);
    await add.getByLabel(`Password for ${remote.address}`).fill(ADMIN.password);
    await add.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => add.isVisible(), STEP).toBe(false);

    const name = `${shares} on ${remote.address}`;
    await expect.poll(() => sourceNode(page, name).isVisible(), STEP).toBe(true);
    const credentials = page.getByRole('list', { name: `Engine credentials of ${name}` });
    await expect.poll(() => credentials.innerText(), STEP).toContain(`stored for ${ADMIN.user}`);

    // The stored credentials serve Browse… on that host: no fields asked.
    const again = await openAddFolder(page, remote.address);
    await browseTo(page, again, remote.address, work, 'branch-shares');
    expect(await again.getByLabel('Folder', { exact: true }).inputValue()).toBe(shares);
    expect(await again.getByLabel(`User for ${remote.address}`).count()).toBe(0);
    await again.getByRole('button', { name: 'Cancel' }).click();
  });
});
