import type { Locator, Page } from 'playwright-core';

/** The Restore Manager as a user reaches it: the "Restore Manager" tab of the app's windows. */
export async function openRestoreManager(page: Page): Promise<void> {
  await page.getByRole('tablist', { name: 'Windows' }).getByRole('tab', { name: 'Restore Manager' }).click();
}

/** Chooses a Source view ("Session", "Tree", "Query") in the View drop-down. */
export async function chooseSourceView(page: Page, view: 'Session' | 'Tree' | 'Query'): Promise<void> {
  await page.getByRole('tab', { name: 'Source' }).click();
  await page.getByLabel('View', { exact: true }).selectOption(view);
}

/** A node of a Source tree by its accessible name (a string matches exactly). */
export function treeNode(page: Page, tree: 'Media and sessions' | 'Machines and volumes', name: string | RegExp): Locator {
  return page.getByRole('tree', { name: tree }).getByRole('treeitem', { name, exact: typeof name === 'string' }).first();
}

/**
 * Chooses (and opens) a tree node from the keyboard, as a user does: focus, Enter. (A click on
 * an open node's box could land on one of its children.)
 */
export async function chooseTreeNode(page: Page, tree: 'Media and sessions' | 'Machines and volumes', name: string | RegExp): Promise<void> {
  const node = treeNode(page, tree, name);
  await node.focus();
  await node.press('Enter');
}

/** The rows a virtualised table shows (those scrolled into view), as their text; the header row excluded. */
export async function tableRows(page: Page, name: 'Content' | 'Query results' | 'Restore jobs' | 'Versions'): Promise<string[]> {
  return page.getByRole('table', { name }).locator('tbody tr').allInnerTexts();
}

/** The row of the content pane naming `entry`. */
export function contentRow(page: Page, entry: string): Locator {
  return page.getByRole('table', { name: 'Content' }).locator('tbody tr').filter({ hasText: entry }).first();
}

/** The text of the Restore jobs row of job `jobId` ('' while it is not listed). */
export async function restoreJobRow(page: Page, jobId: number): Promise<string> {
  const row = page.getByRole('table', { name: 'Restore jobs' }).locator('tbody tr').filter({ hasText: new RegExp(`^\\s*${jobId}: `) });
  return (await row.count()) === 1 ? row.innerText() : '';
}
