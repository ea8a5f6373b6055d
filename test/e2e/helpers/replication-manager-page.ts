import type { Page } from 'playwright-core';
import { expect } from 'vitest';

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
