import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { createScenarioThroughDialog, enableBackup, runAndAwaitReplica } from './replication-manager-page';

/** How long the engines get for a step here (synchronizing, proving credentials, one backup job). */
const STEP = { timeout: 60_000, interval: 200 };

/** Shows one of the app's windows as a user does: its tab in the "Windows" strip. */
export async function showWindow(page: Page, name: 'Replication Manager' | 'Backup Manager' | 'Restore Manager' | 'Job Status Manager'): Promise<void> {
  await page.getByRole('tablist', { name: 'Windows' }).getByRole('tab', { name }).click();
}

/** A node of the Source tree by its accessible name (a scenario's or an entity's name; exact). */
export function sourceNode(page: Page, name: string): Locator {
  return page.getByRole('tree', { name: 'Backup sources' }).getByRole('treeitem', { name, exact: true });
}

/** The entities listed under a scenario node (level 3 of the Source tree). */
export function entityNodes(page: Page, scenario: string): Locator {
  return sourceNode(page, scenario).getByRole('treeitem');
}

/** Backup Manager → Source: checks a scenario for the job and waits until the tree marks it. */
export async function checkScenario(page: Page, name: string): Promise<void> {
  await page.getByRole('checkbox', { name: `Back up ${name}` }).check();
  await expect.poll(() => sourceNode(page, name).getAttribute('aria-checked')).toBe('true');
}

/** Source → Add folder…: the dialog, with its host (this machine unless given) typed. */
export async function openAddFolder(page: Page, host = 'localhost'): Promise<Locator> {
  await page.getByRole('toolbar', { name: 'Source actions' }).getByRole('button', { name: 'Add folder…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add folder' });
  await expect.poll(() => dialog.isVisible()).toBe(true);
  await dialog.getByLabel('Host', { exact: true }).fill(host);
  return dialog;
}

/**
 * Browse… in a dialog: goes to `parent` on the host (typed in "Folder to list"), opens its
 * sub-folder `name` and chooses it.
 */
export async function browseTo(page: Page, opener: Locator, host: string, parent: string, name: string): Promise<void> {
  await opener.getByRole('button', { name: 'Browse…' }).click();
  const browse = page.getByRole('dialog', { name: `Browse folders on ${host}` });
  await expect.poll(() => browse.isVisible()).toBe(true);
  await browse.getByLabel('Folder to list').fill(parent);
  await browse.getByRole('button', { name: 'Go' }).click();
  await expect.poll(() => browse.getByRole('button', { name: `Open ${name}` }).isVisible(), STEP).toBe(true);
  await browse.getByRole('button', { name: `Open ${name}` }).click();
  await expect.poll(() => browse.getByRole('button', { name: 'Choose this folder' }).isEnabled(), STEP).toBe(true);
  await browse.getByRole('button', { name: 'Choose this folder' }).click();
  await expect.poll(() => browse.isVisible()).toBe(false);
}

/** New disk device…: fills the dialog (a new group when `newGroup`, else the group already chosen) and adds the device; returns the dialog. */
export async function fillNewDiskDevice(page: Page, input: { newGroup?: string; name: string; path: string }): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name: 'New disk device' });
  await expect.poll(() => dialog.isVisible()).toBe(true);
  if (input.newGroup !== undefined) {
    await dialog.getByLabel('Add to group').selectOption({ label: 'New group…' });
    await dialog.getByLabel('New group name').fill(input.newGroup);
  }
  await dialog.getByLabel('Device name').fill(input.name);
  await dialog.getByLabel('Folder on the backup server').fill(input.path);
  await dialog.getByRole('button', { name: 'Add device' }).click();
  return dialog;
}

/** Start → the Security and Agent Information dialog. */
export async function startJob(page: Page): Promise<Locator> {
  await page.getByRole('toolbar', { name: 'Backup actions' }).getByRole('button', { name: 'Start' }).click();
  const security = page.getByRole('dialog', { name: 'Security and Agent Information' });
  await expect.poll(() => security.isVisible(), STEP).toBe(true);
  return security;
}

/** A row of the Security and Agent Information dialog by role and host ('' cells joined by tabs). */
export function securityRow(security: Locator, role: 'Master' | 'Replica' | 'Source', host: string): Locator {
  return security
    .getByRole('table', { name: 'Job hosts' })
    .getByRole('row')
    .filter({ has: security.page().getByRole('cell', { name: host, exact: true }) })
    .filter({ hasText: role });
}

/** Security… on a row: types the host's credentials in its own small dialog. */
export async function typeRowCredentials(security: Locator, role: 'Master' | 'Replica', host: string, user: string, password: string): Promise<void> {
  const page = security.page();
  await securityRow(security, role, host).getByRole('button', { name: /^Security… / }).click();
  const dialog = page.getByRole('dialog', { name: `Security: ${host}` });
  await dialog.getByLabel('User name').fill(user);
  await dialog.getByLabel('Password').fill(password);
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect.poll(() => dialog.isVisible()).toBe(false);
}

/** OK on Security and Agent Information → the Submit Job dialog. */
export async function toSubmitJob(page: Page, security: Locator): Promise<Locator> {
  await security.getByRole('button', { name: 'OK' }).click();
  const submit = page.getByRole('dialog', { name: 'Submit Job' });
  await expect.poll(() => submit.isVisible(), STEP).toBe(true);
  return submit;
}

/** Submit on Submit Job; waits for the status line and returns the job's ID. */
export async function submitJob(page: Page, submit: Locator): Promise<number> {
  await submit.getByRole('button', { name: 'Submit' }).click();
  await expect.poll(() => submit.isVisible(), STEP).toBe(false);
  const status = page.getByRole('status').filter({ hasText: /^Job \d+ submitted/ });
  return Number(/^Job (\d+)/.exec(await status.innerText())?.[1]);
}

/** The Job Queue row of a job, by its name (Job Status Manager → Job Queue). */
export function queueRow(page: Page, jobName: string): Locator {
  return page.getByRole('table', { name: 'Job queue' }).getByRole('row').filter({ hasText: jobName });
}

/** A cell of a Job Queue row by its column header ("Status", "Next run", …). */
export async function queueCell(page: Page, jobName: string, column: string): Promise<string> {
  const headers = await page.getByRole('table', { name: 'Job queue' }).getByRole('columnheader').allInnerTexts();
  const index = headers.findIndex((header) => header.trim() === column);
  if (index < 0 || (await queueRow(page, jobName).count()) !== 1) return '';
  return (await queueRow(page, jobName).getByRole('cell').nth(index).innerText()).trim();
}

/**
 * Creates a FileServer scenario whose Replica is another host's engine, turns its backup on and
 * runs it, typing that engine's administrator credentials when Run asks (Engine credentials);
 * waits until it replicates and the Replica matches the Master.
 */
export async function runRemoteReplicaScenario(page: Page, input: { name: string; masterRoot: string; target: string; replicaHost: string; user: string; password: string }): Promise<void> {
  await createScenarioThroughDialog(page, { name: input.name, type: 'FileServer', masterHost: 'localhost', roots: input.masterRoot, replicaHost: input.replicaHost, target: input.target });
  await enableBackup(page);
  await runAndAwaitReplica(page, { ...input, credentials: { user: input.user, password: input.password } }, STEP);
}
