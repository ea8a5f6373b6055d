import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { projectRoot } from './helpers/console-process';
import { useConsoleSession } from './helpers/console-session';
import { payrollFolders, treeSnapshot } from './helpers/file-trees';
import { entryRows, jobCell, showWindow } from './helpers/job-status-page';
import { createScenarioThroughDialog, replicaRowText, scenarioState } from './helpers/replication-manager-page';

/** Synchronizing a few files; a backup whose Assured Recovery test holds the scenario for a while. */
const STEP = { timeout: 30_000, interval: 200 };
const BACKUP_ENDS = { timeout: 60_000, interval: 250 };

const { openConsole } = useConsoleSession();

describe('a scenario a backup job controls, in the Replication Manager', () => {
  it('asks before taking control, stays read-only on Cancel, and Take control makes the job fail with E3387', async () => {
    const work = tempDir();
    const { masterRoot, target } = payrollFolders(work);
    const page = await openConsole(work);
    const name = 'Payroll';
    await createScenarioThroughDialog(page, { name, type: 'FileServer', masterHost: 'localhost', roots: masterRoot, replicaHost: 'localhost', target });

    // Backed up through an Assured Recovery test whose verify step takes a while: the backup holds the scenario meanwhile.
    await page.getByRole('tab', { name: 'Properties' }).click();
    const form = page.getByRole('form', { name: 'Replication properties' });
    await form.getByLabel('Back up this scenario from its Replica').check();
    await form.getByLabel('Assured Recovery (integrity testing of the Replica)').check();
    await form.getByLabel('Verify command (checks the application)').fill('sleep 15');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.getByText('Saved.').isVisible()).toBe(true);
    const toolbar = page.getByRole('toolbar', { name: 'Scenario actions' });
    await toolbar.getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => scenarioState(page, name), STEP).toBe('Running');
    await expect.poll(() => replicaRowText(page, 'localhost'), STEP).toContain('Replicating');
    const landing = path.join(target, path.relative('/', masterRoot));
    await expect.poll(() => treeSnapshot(landing), STEP).toEqual(treeSnapshot(masterRoot));

    // Back up now: the scenario becomes read-only here without a prompt (it was opened before the job took it).
    const backUpNow = toolbar.getByRole('button', { name: 'Back up now' });
    await expect.poll(() => backUpNow.isEnabled(), STEP).toBe(true);
    await backUpNow.click();
    const banner = page.getByRole('region', { name: 'Scenario lock' });
    await expect.poll(() => banner.textContent(), STEP).toMatch(/^Locked: backup job \d+ ".+" on .+ controls this scenario since /);
    const jobId = /backup job (\d+) "([^"]+)"/.exec((await banner.textContent()) ?? '');
    const jobName = jobId?.[2] ?? '';
    expect(jobName).not.toBe('');
    expect(await page.getByRole('dialog').count()).toBe(0);

    // Opening the scenario again asks.
    const scenarioRow = page.getByRole('table', { name: 'Scenarios' }).getByRole('row', { name: new RegExp(name) });
    await scenarioRow.click();
    const dialog = page.getByRole('dialog', { name: 'Scenario locked' });
    await expect.poll(() => dialog.isVisible(), STEP).toBe(true);
    expect(await dialog.textContent()).toMatch(
      new RegExp(`Scenario "${name}" is locked from another host: backup job ${jobId?.[1]} "${jobName}" on \\S+ controls it since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\. Take control\\?`),
    );
    await page.screenshot({ path: path.join(projectRoot, 'docs/screenshots/scenario-lock.png') });

    // Cancel: the job keeps running; the scenario is read-only (Run, Stop, Remove… disabled, saying why).
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    for (const action of ['Run', 'Stop', 'Suspend', 'Back up now', 'Remove']) {
      expect(await toolbar.getByRole('button', { name: action }).isDisabled(), action).toBe(true);
    }
    expect(await toolbar.getByRole('button', { name: 'Stop' }).getAttribute('title')).toMatch(/^Read-only: backup job \d+ /);
    await showWindow(page, 'Job Status Manager');
    await page.getByRole('tab', { name: 'Job Queue' }).click();
    await expect.poll(async () => (await jobCell(page, jobName, 'Status')).trim(), STEP).toMatch(/^Active/);
    const modify = page.getByRole('button', { name: `Modify job ${jobName}` });
    expect(await modify.isDisabled()).toBe(true);
    expect(await modify.getAttribute('title')).toMatch(/running job cannot be modified/);
    // Shown again, the window does not ask again: it is the same opening.
    await showWindow(page, 'Replication Manager');
    await expect.poll(() => banner.isVisible(), STEP).toBe(true);
    expect(await dialog.count()).toBe(0);

    // Take control (from the banner this time): the job stops backing it up and fails with E3387, saying who took control.
    await banner.getByRole('button', { name: 'Take control…' }).click();
    await dialog.getByRole('button', { name: 'Take control' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => banner.count(), BACKUP_ENDS).toBe(0);
    expect(await toolbar.getByRole('button', { name: 'Stop' }).isEnabled()).toBe(true);

    await showWindow(page, 'Job Status Manager');
    await page.getByRole('tab', { name: 'Job Queue' }).click();
    await expect.poll(async () => (await jobCell(page, jobName, 'Status')).trim(), BACKUP_ENDS).toBe('Done — failed');
    await expect.poll(() => jobCell(page, jobName, 'Last result'), STEP).toMatch(/^failed — E3387: .*took control of the scenario/);

    await page.getByRole('tab', { name: 'Activity Log' }).click();
    await page.getByRole('list', { name: 'Job runs' }).getByRole('button', { name: new RegExp(`^Run \\d+ of ${jobName}$`) }).first().click();
    await expect.poll(async () => (await entryRows(page)).some((row) => /^Error\n/.test(row) && /E3387: .*took control/.test(row)), STEP).toBe(true);
    await page.getByRole('grid', { name: 'Activity entries' }).getByRole('row').filter({ hasText: 'E3387' }).first().dblclick();
    const details = await page.getByRole('dialog', { name: 'Message details' }).innerText();
    expect(details).toMatch(/Code\s+E3387/);
    expect(details).toMatch(/Module\s+Backup task/);
    expect(details).toMatch(/Reason\s+An administrator chose "take control"/);
  });
});
