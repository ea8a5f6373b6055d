import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { projectRoot } from './helpers/console-process';
import { useConsoleSession } from './helpers/console-session';
import { payrollFolders } from './helpers/file-trees';
import { createScenarioThroughDialog, enableBackupAndRun } from './helpers/replication-manager-page';

/** How long the engines get for each step on this machine (synchronizing a few files, one backup job run). */
const STEP = { timeout: 30_000, interval: 200 };

const { openConsole } = useConsoleSession();

describe('Back up now through the Replication Manager, on this machine', () => {
  it('backs up a running scenario from its Replica and shows the job, its result and its Activity Log', async () => {
    const work = tempDir();
    const { masterRoot, target } = payrollFolders(work);

    const page = await openConsole(work);
    const name = 'Payroll backup';
    await createScenarioThroughDialog(page, { name, type: 'FileServer', masterHost: 'localhost', roots: masterRoot, replicaHost: 'localhost', target });
    const toolbar = page.getByRole('toolbar', { name: 'Scenario actions' });
    const backUpNow = toolbar.getByRole('button', { name: 'Back up now' });
    expect(await backUpNow.isDisabled()).toBe(true);

    await enableBackupAndRun(page, name, masterRoot, target);

    await expect.poll(() => backUpNow.isEnabled(), STEP).toBe(true);
    await backUpNow.click();
    await page.getByRole('tab', { name: 'Backups' }).click();
    const jobs = page.getByRole('table', { name: 'Backup jobs' });
    const jobRow = jobs.getByRole('row').nth(1);
    await expect.poll(() => jobRow.innerText(), STEP).toMatch(/Done — succeeded/);
    expect(await page.getByRole('alert').count()).toBe(0);

    const jobName = (await jobRow.getByRole('cell').first().innerText()).trim();
    await jobs.getByRole('button', { name: `Select job ${jobName}` }).click();
    const activity = page.getByRole('table', { name: 'Activity Log of the last run' });
    await expect.poll(async () => (await activity.getByRole('row').allInnerTexts()).some((row) => /^Information\s/.test(row) && row.includes('Session')), STEP).toBe(true);
    expect(await jobs.getByRole('button', { name: `Hold job ${jobName}` }).isDisabled()).toBe(true);
    expect(await jobs.getByRole('button', { name: `Run now job ${jobName}` }).isEnabled()).toBe(true);
    await page.screenshot({ path: path.join(projectRoot, 'docs/screenshots/backups.png') });
  });
});
