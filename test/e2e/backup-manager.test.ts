import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { ADMIN } from '../processes/helpers/engine-process';
import { NetnsHost } from '../processes/helpers/netns-host';
import {
  checkScenario,
  entityNodes,
  queueCell,
  queueRow,
  runRemoteReplicaScenario,
  securityRow,
  showWindow,
  sourceNode,
  startJob,
  submitJob,
  toSubmitJob,
  typeRowCredentials,
} from './helpers/backup-manager-page';
import { projectRoot } from './helpers/console-process';
import { useConsoleSession } from './helpers/console-session';
import { payrollFolders } from './helpers/file-trees';
import { runBackedUpScenario } from './helpers/replication-manager-page';

/** How long the engines get for each step on this machine (synchronizing 240 MB, one backup job). */
const STEP = { timeout: 60_000, interval: 100 };

const { openConsole } = useConsoleSession();
const hosts: NetnsHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
});

/** Random (incompressible) files on the Master, so the backup stays Active long enough to watch its progress. */
function writeRandomFiles(folder: string, count: number, bytesEach: number): void {
  fs.mkdirSync(folder, { recursive: true });
  for (let index = 0; index < count; index++) fs.writeFileSync(path.join(folder, `scan-${index}.bin`), randomBytes(bytesEach));
}

/** The next Friday 22:00 in this machine's local time after `now`, as the Job Queue writes instants. */
function nextFriday2200(now: Date): string {
  const daysAhead = (5 - now.getDay() + 7) % 7;
  let friday = new Date(now.getFullYear(), now.getMonth(), now.getDate() + daysAhead, 22, 0, 0);
  if (friday <= now) friday = new Date(now.getFullYear(), now.getMonth(), now.getDate() + daysAhead + 7, 22, 0, 0);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${friday.getFullYear()}-${pad(friday.getMonth() + 1)}-${pad(friday.getDate())} 22:00:00`;
}

describe('the Backup Manager, on this machine', () => {
  it('backs up a checked scenario to the chosen device group now: Job Queue Active with progress, then Done, and its summary in the Activity Log', { timeout: 120_000 }, async () => {
    const work = tempDir();
    const { masterRoot, target } = payrollFolders(work);
    writeRandomFiles(path.join(masterRoot, 'scans'), 24, 10 * 1024 * 1024);

    const page = await openConsole(work);
    const name = 'Payroll';
    await runBackedUpScenario(page, name, masterRoot, target);

    // Source: the registered scenario under Replication Scenarios; checked, it is marked.
    await showWindow(page, 'Backup Manager');
    const tree = page.getByRole('tree', { name: 'Backup sources' });
    await expect.poll(() => tree.getByRole('treeitem', { name: 'Replication Scenarios' }).isVisible(), STEP).toBe(true);
    const node = sourceNode(page, name);
    await expect.poll(() => node.isVisible(), STEP).toBe(true);
    expect(await node.getAttribute('aria-checked')).toBe('false');
    await checkScenario(page, name);
    expect(await node.locator('.backup-chosen').innerText()).toBe(name);

    // Expanded (this machine's Replica needs no credentials): its entity, viewable but not selectable.
    await page.getByRole('button', { name: `Expand ${name}` }).click();
    await expect.poll(() => node.getAttribute('aria-expanded'), STEP).toBe('true');
    expect(await page.getByRole('dialog').count()).toBe(0);
    const entities = entityNodes(page, name);
    await expect.poll(() => entities.count(), STEP).toBe(1);
    expect(await entities.first().getAttribute('aria-disabled')).toBe('true');
    expect(await entities.first().getByRole('checkbox').count()).toBe(0);
    expect(await entities.first().innerText()).toContain(masterRoot);

    // Properties of the chosen scenario.
    const properties = page.getByRole('table', { name: `Properties of ${name}` });
    const text = await properties.innerText();
    expect(text).toMatch(/Name\s+Payroll/);
    expect(text).toMatch(/Type\s+FileServer/);
    expect(text).toMatch(/Master\s+localhost/);
    expect(text).toMatch(/Replicas\s+localhost/);
    expect(text).toMatch(/Snapshot for backup\s+(Assured Recovery|Suspend|Neither \(backup will fail with AE0471\))/);
    await page.screenshot({ path: path.join(projectRoot, 'docs/screenshots/backup-manager.png') });

    // Staging is off by default; Destination: the Default group with its device's folder; Schedule: Run now.
    await page.getByRole('tab', { name: 'Staging' }).click();
    expect(await page.getByRole('checkbox', { name: /^Write sessions to a staging device group first/ }).isChecked()).toBe(false);
    await page.getByRole('tab', { name: 'Destination' }).click();
    const group = page.getByLabel('Device group');
    await expect.poll(() => group.locator('option:checked').innerText(), STEP).toBe('Default');
    expect(await page.getByRole('table', { name: 'Devices of Default' }).innerText()).toContain(path.join(work, 'data'));
    await page.getByLabel('Media pool (optional)').fill('Daily');
    await page.getByRole('tab', { name: 'Schedule' }).click();
    expect(await page.getByRole('radio', { name: 'Run now' }).isChecked()).toBe(true);
    expect(await page.getByText(/^Next run: /).innerText()).toBe('Next run: as soon as the job is submitted');

    // Start → Security and Agent Information: the crowned Master and the Replica, both this machine.
    const security = await startJob(page);
    const master = securityRow(security, 'Master', 'localhost');
    const replica = securityRow(security, 'Replica', 'localhost');
    expect(await master.getByRole('img', { name: 'Master' }).count()).toBe(1);
    expect(await master.innerText()).toContain('not needed (this machine)');
    expect(await replica.getByRole('img', { name: 'Master' }).count()).toBe(0);
    expect(await replica.innerText()).toContain('not needed (this machine)');
    expect(await master.getByRole('button', { name: /^Security… / }).isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(projectRoot, 'docs/screenshots/backup-manager-security.png') });

    // Submit Job: the default name, the summary, Run now as on the Schedule tab.
    const submit = await toSubmitJob(page, security);
    const jobName = `Backup ${name}`;
    expect(await submit.getByLabel('Job name').inputValue()).toBe(jobName);
    const summary = await submit.getByRole('definition').allInnerTexts();
    expect(summary[0]).toBe(name);
    expect(summary[1]).toMatch(/^Default \(.+\), media pool Daily$/);
    expect(summary[2]).toBe('none — sessions are written straight to the destination');
    expect(await submit.getByRole('radio', { name: 'Run now' }).isChecked()).toBe(true);
    const jobId = await submitJob(page, submit);
    expect(jobId).toBeGreaterThan(0);
    expect(await page.getByRole('status').filter({ hasText: /^Job \d+ submitted/ }).innerText()).toContain(`Job ${jobId} submitted: ${jobName}`);

    // Job Status Manager: the job runs with a progress bar, then is done.
    await showWindow(page, 'Job Status Manager');
    await expect.poll(() => queueRow(page, jobName).count(), STEP).toBe(1);
    expect(await queueCell(page, jobName, 'Type')).toBe('Backup');
    expect(await queueCell(page, jobName, 'Scenarios')).toBe(name);
    // 240 MB back up in about 3 s here, so the queue is read again (a click on its tab) rather than every 2 s.
    const progress = page.getByRole('progressbar', { name: `Progress of job ${jobName}` });
    await expect
      .poll(async () => {
        await page.getByRole('tab', { name: 'Job Queue' }).click();
        return (await progress.isVisible()) ? queueCell(page, jobName, 'Status') : '';
      }, STEP)
      .toMatch(/^Active/);
    await expect.poll(() => queueCell(page, jobName, 'Status'), STEP).toBe('Done — succeeded');

    // Activity Log: the run's summary says it was a backup.
    await page.getByRole('tab', { name: 'Activity Log' }).click();
    await page.getByRole('list', { name: 'Job runs' }).getByRole('button', { name: new RegExp(`^Run \\d+ of ${jobName}$`) }).first().click();
    const entries = page.getByRole('grid', { name: 'Activity entries' });
    await expect.poll(async () => (await entries.getByRole('row').allInnerTexts()).some((row) => /\nJob type: Backup$/.test(row)), STEP).toBe(true);
  });

  it('queues a weekly job for every Friday at 22:00: next run the coming Friday; held and released it keeps it', async () => {
    const work = tempDir();
    const { masterRoot, target } = payrollFolders(work);
    const page = await openConsole(work);
    const name = 'Payroll weekly';
    await runBackedUpScenario(page, name, masterRoot, target);

    await showWindow(page, 'Backup Manager');
    // From the keyboard: Space checks the focused scenario, Arrow Right opens it.
    const node = sourceNode(page, name);
    await expect.poll(() => node.isVisible(), STEP).toBe(true);
    await node.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => node.getAttribute('aria-checked')).toBe('true');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => entityNodes(page, name).count(), STEP).toBe(1);
    await page.getByRole('tab', { name: 'Schedule' }).click();
    await page.getByRole('radio', { name: 'Repeating' }).check();
    await page.getByRole('radio', { name: 'Weekly' }).check();
    await page.getByRole('checkbox', { name: 'Friday' }).check();
    await page.getByLabel('Time', { exact: true }).fill('22:00');
    const expected = nextFriday2200(new Date());
    await expect.poll(() => page.getByText(/^Next run: /).innerText(), STEP).toBe(`Next run: ${expected}`);
    expect(await page.getByText(/^Schedule: /).innerText()).toBe('Schedule: weekly on Fri at 22:00');

    const security = await startJob(page);
    const submit = await toSubmitJob(page, security);
    expect(await submit.getByRole('radio', { name: 'As scheduled (repeating)' }).isChecked()).toBe(true);
    // The dialog asks the engine for the first run: "…" until it answers.
    await expect.poll(() => submit.getByText(/^Next run: /).innerText(), STEP).toBe(`Next run: ${expected}`);
    await submit.getByLabel('Job name').fill('Payroll every Friday');
    await submitJob(page, submit);

    await showWindow(page, 'Job Status Manager');
    const jobName = 'Payroll every Friday';
    await expect.poll(() => queueCell(page, jobName, 'Status'), STEP).toBe('Ready');
    expect(await queueCell(page, jobName, 'Next run')).toBe(expected);

    await queueRow(page, jobName).getByRole('button', { name: `Hold job ${jobName}` }).click();
    await expect.poll(() => queueCell(page, jobName, 'Status'), STEP).toBe('Hold');
    expect(await queueRow(page, jobName).getByRole('button', { name: `Hold job ${jobName}` }).isDisabled()).toBe(true);
    expect(await queueRow(page, jobName).getByRole('button', { name: `Release job ${jobName}` }).isEnabled()).toBe(true);
    expect(await queueCell(page, jobName, 'Last result')).toBe('—');

    await queueRow(page, jobName).getByRole('button', { name: `Release job ${jobName}` }).click();
    await expect.poll(() => queueCell(page, jobName, 'Status'), STEP).toBe('Ready');
    expect(await queueCell(page, jobName, 'Next run')).toBe(expected);
    expect(await queueCell(page, jobName, 'Last result')).toBe('—');
  });
});

const probe = NetnsHost.create(8);
const unavailable = typeof probe === 'string' ? probe : undefined;
if (typeof probe !== 'string') void probe.stop();

describe.skipIf(unavailable !== undefined)(`the Backup Manager with a Replica on another host${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  it('refuses a wrong Replica password with AE0459 (reason and action shown) and queues nothing, at Submit and when expanding', { timeout: 180_000 }, async () => {
    const remote = NetnsHost.create(2);
    if (typeof remote === 'string') throw new Error(remote);
    hosts.push(remote);
    await remote.startEngine(tempDir('understudy-remote-engine-'));

    const work = tempDir();
    const { masterRoot, target } = payrollFolders(work);
    const page = await openConsole(work);
    const name = 'Branch payroll';
    await runRemoteReplicaScenario(page, { name, masterRoot, target, replicaHost: remote.address, user: ADMIN.user, password: ADMIN.password });

    await showWindow(page, 'Backup Manager');
    await expect.poll(() => sourceNode(page, name).isVisible(), STEP).toBe(true);
    await checkScenario(page, name);
    expect(await page.getByRole('table', { name: `Properties of ${name}` }).innerText()).toMatch(new RegExp(`Replicas\\s+${remote.address.replace(/\./g, '\\.')}`));

    // Submit with a wrong password typed for the Replica (over the stored, right one): AE0459, nothing queued.
    const security = await startJob(page);
    expect(await securityRow(security, 'Master', 'localhost').innerText()).toContain('not needed (this machine)');
    const replicaRow = securityRow(security, 'Replica', remote.address);
    expect(await replicaRow.innerText()).toMatch(new RegExp(`${ADMIN.user}\\s+stored`));
    await replicaRow.getByRole('button', { name: /^Security… / }).click();
    const credentials = page.getByRole('dialog', { name: `Security: ${remote.address}` });
    expect(await credentials.getByLabel('User name').inputValue()).toBe(ADMIN.user);
    expect(await credentials.getByLabel('Password').inputValue()).toBe('');
    await credentials.getByRole('button', { name: 'Cancel' }).click();
    await typeRowCredentials(security, 'Replica', remote.address, ADMIN.user, 'not the password');
    expect(await replicaRow.innerText()).toContain('entered');
    const submit = await toSubmitJob(page, security);
    await submit.getByRole('button', { name: 'Submit' }).click();
    const alert = submit.getByRole('alert');
    await expect.poll(() => alert.innerText().catch(() => ''), STEP).toMatch(/^AE0459: /);
    const refusal = await alert.innerText();
    expect(refusal).toContain(remote.address);
    expect(refusal).toMatch(/Reason: \S/);
    expect(refusal).toMatch(/Action: \S/);
    expect(await submit.isVisible()).toBe(true);
    await submit.getByRole('button', { name: 'Cancel' }).click();

    // Expanding with a wrong password (after forgetting the stored one): AE0459 in the dialog, no entities, still closed.
    await page.getByRole('button', { name: `Forget the credentials for ${remote.address}` }).click();
    await expect.poll(() => page.getByRole('list', { name: `Engine credentials of ${name}` }).innerText(), STEP).toContain('none stored');
    await page.getByRole('button', { name: `Expand ${name}` }).click();
    const agent = page.getByRole('dialog', { name: 'Replica agent credentials' });
    await expect.poll(() => agent.isVisible(), STEP).toBe(true);
    await agent.getByLabel(`User name for ${remote.address}`).fill(ADMIN.user);
    await agent.getByLabel(`Password for ${remote.address}`).fill('still not the password');
    await agent.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => agent.getByRole('alert').innerText().catch(() => ''), STEP).toMatch(/^AE0459: /);
    expect(await agent.getByRole('alert').innerText()).toMatch(/Reason: \S[\s\S]*Action: \S/);
    await agent.getByRole('button', { name: 'Cancel' }).click();
    expect(await sourceNode(page, name).getAttribute('aria-expanded')).toBe('false');
    expect(await entityNodes(page, name).count()).toBe(0);

    // The right password opens it.
    await page.getByRole('button', { name: `Expand ${name}` }).click();
    await agent.getByLabel(`User name for ${remote.address}`).fill(ADMIN.user);
    await agent.getByLabel(`Password for ${remote.address}`).fill(ADMIN.password);
    await agent.getByRole('button', { name: 'Connect' }).click();
    await expect.poll(() => entityNodes(page, name).count(), STEP).toBe(1);

    // Nothing was queued.
    await showWindow(page, 'Job Status Manager');
    await expect.poll(() => page.getByText('The job queue is empty.', { exact: false }).isVisible(), STEP).toBe(true);
  });
});
