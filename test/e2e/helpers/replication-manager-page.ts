import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { treeSnapshot } from './file-trees';

export interface ScenarioInput {
  name: string;
  type: 'FileServer' | 'SQLServer' | 'Exchange';
  masterHost: string;
  roots: string;
  replicaHost: string;
  target: string;
}

/** What a user does: New, fill the fields, Create, wait for the dialog to close. */
export async function createScenarioThroughDialog(page: Page, input: ScenarioInput): Promise<void> {
  await page.getByRole('button', { name: 'New' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Scenario' });
  await dialog.getByLabel('Scenario name').fill(input.name);
  await dialog.getByRole('radio', { name: input.type }).check();
  await dialog.getByLabel('Master host name or IP').fill(input.masterHost);
  await dialog.getByLabel('Root directories (one per line)').fill(input.roots);
  await dialog.getByLabel('Replica host name or IP').fill(input.replicaHost);
  await dialog.getByLabel('Replica target directory').fill(input.target);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect.poll(() => dialog.isVisible()).toBe(false);
}

/** The scenario names in the Scenario pane, in order. */
export async function expectScenarioRows(page: Page, names: string[]): Promise<void> {
  const table = page.getByRole('table', { name: 'Scenarios' });
  await expect
    .poll(async () => (await table.locator('tbody tr[aria-selected]').allTextContents()).map((text) => names.find((name) => text.includes(name)) ?? text))
    .toEqual(names);
}

/** The State column of a scenario's row in the Scenario pane ('' while the row is not there). */
export async function scenarioState(page: Page, name: string): Promise<string> {
  const row = page.getByRole('table', { name: 'Scenarios' }).getByRole('row', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  if ((await row.count()) === 0) return '';
  return (await row.getByRole('cell').nth(1).textContent()) ?? '';
}

/** Everything the Host pane shows for one Replica: host, state, target, spool, lag. */
export async function replicaRowText(page: Page, host: string): Promise<string> {
  return (await page.getByRole('tree', { name: 'Hosts' }).getByRole('treeitem', { name: `Replica ${host}` }).textContent()) ?? '';
}

/** A whole count the Statistics tab shows for a Replica in the row headed `label`; NaN while it is not shown. */
export async function replicaFigure(page: Page, host: string, label: string): Promise<number> {
  const table = page.getByRole('table', { name: `Replica ${host}` });
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
  if ((await row.count()) !== 1) return Number.NaN;
  return Number((await row.getByRole('cell').textContent())?.replace(/,/g, ''));
}

/** The Changes count the Statistics tab shows for a Master root directory; NaN while it is not shown. */
export async function rootChanges(page: Page, root: string): Promise<number> {
  const row = page.getByRole('table', { name: 'Root directories' }).getByRole('row').filter({ has: page.getByRole('cell', { name: root, exact: true }) });
  if ((await row.count()) !== 1) return Number.NaN;
  return Number((await row.getByRole('cell').nth(1).textContent())?.replace(/,/g, ''));
}

/** The rows the rewind browser shows (those scrolled into view: the list is virtualised), as their text. */
export async function rewindPointRows(page: Page): Promise<string[]> {
  const grid = page.getByRole('dialog').getByRole('grid', { name: 'Rewind points' });
  return grid.locator('tbody tr').allInnerTexts();
}

/** A figure of the rewind summary by its row header; NaN while it is not shown. */
export async function rewindSummaryFigure(page: Page, label: string): Promise<number> {
  const row = page.getByRole('table', { name: 'Rewind summary' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
  if ((await row.count()) !== 1) return Number.NaN;
  return Number((await row.getByRole('cell').textContent())?.replace(/,/g, ''));
}

/** How long the engines get to synchronize a few files and answer a backup job on this machine. */
const BACKUP_STEP = { timeout: 30_000, interval: 200 };

/** Properties → "Back up this scenario from its Replica", Save; waits until the form says it is saved. */
export async function enableBackup(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Properties' }).click();
  const form = page.getByRole('form', { name: 'Replication properties' });
  await form.getByLabel('Back up this scenario from its Replica').check();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => form.getByText('Saved.').isVisible()).toBe(true);
}

/**
 * Run (typing the Replica engine's administrator credentials when Run asks for them: a Replica on
 * another host), then waits until the scenario replicates and the Replica matches the Master.
 */
export async function runAndAwaitReplica(
  page: Page,
  input: { name: string; masterRoot: string; target: string; replicaHost?: string; credentials?: { user: string; password: string } },
  step: { timeout: number; interval: number } = BACKUP_STEP,
): Promise<void> {
  const replicaHost = input.replicaHost ?? 'localhost';
  await page.getByRole('toolbar', { name: 'Scenario actions' }).getByRole('button', { name: 'Run' }).click();
  if (input.credentials) {
    const dialog = page.getByRole('dialog', { name: 'Engine credentials' });
    await dialog.getByLabel(`User name for ${replicaHost}`).fill(input.credentials.user);
    await dialog.getByLabel(`Password for ${replicaHost}`).fill(input.credentials.password);
    await dialog.getByRole('button', { name: 'Run' }).click();
  }
  await expect.poll(() => scenarioState(page, input.name), step).toBe('Running');
  await expect.poll(() => replicaRowText(page, replicaHost), step).toContain('Replicating');
  const landing = path.join(input.target, path.relative('/', input.masterRoot));
  await expect.poll(() => treeSnapshot(landing), step).toEqual(treeSnapshot(input.masterRoot));
}

/** Properties → "Back up this scenario from its Replica", Save, Run, then waits until it replicates and the Replica matches the Master. */
export async function enableBackupAndRun(page: Page, name: string, masterRoot: string, target: string): Promise<void> {
  await enableBackup(page);
  await runAndAwaitReplica(page, { name, masterRoot, target });
}

/** Creates a FileServer scenario on this machine through the UI, enables its backup and runs it (enableBackupAndRun). */
export async function runBackedUpScenario(page: Page, name: string, masterRoot: string, target: string): Promise<void> {
  await createScenarioThroughDialog(page, { name, type: 'FileServer', masterHost: 'localhost', roots: masterRoot, replicaHost: 'localhost', target });
  await enableBackupAndRun(page, name, masterRoot, target);
}
