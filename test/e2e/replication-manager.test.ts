import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';
import { launchChromium } from './helpers/browser';
import { projectRoot, startConsoleProcess, type ConsoleProcess } from './helpers/console-process';
import { createScenarioThroughDialog, expectScenarioRows } from './helpers/replication-manager-page';

let browser: Browser;
const hosts: ConsoleProcess[] = [];

async function openConsole(dataDir: string): Promise<{ host: ConsoleProcess; page: Page }> {
  const host = await startConsoleProcess(dataDir);
  hosts.push(host);
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  await page.goto(host.url);
  await expect.poll(() => page.getByRole('status').textContent()).toBe('Connected');
  return { host, page };
}

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
  removeTempDirs();
});

describe('Replication Manager in the console host', () => {
  it('creates scenarios through the dialog, rejects bad input with field errors, and keeps them across a restart', async () => {
    const dataDir = tempDir();
    const first = await openConsole(dataDir);
    const page = first.page;
    await expect.poll(() => page.getByRole('heading', { name: 'Replication Manager' }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'New' }).click();
    const dialog = page.getByRole('dialog', { name: 'New Scenario' });
    await dialog.getByLabel('Scenario name').fill('');
    await dialog.getByLabel('Root directories (one per line)').fill('srv/finance');
    await dialog.getByLabel('Replica target directory').fill('/srv/finance/replica');
    await dialog.getByRole('button', { name: 'Create' }).click();
    const alert = dialog.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('E1001');
    expect(await dialog.getByText('Enter a scenario name.', { exact: true }).isVisible()).toBe(true);
    expect(await dialog.getByText(/Line 1: "srv\/finance" is not an absolute path/).isVisible()).toBe(true);
    expect(await dialog.getByLabel('Scenario name').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: path.join(projectRoot, 'docs/screenshots/new-scenario-errors.png') });

    await dialog.getByLabel('Scenario name').fill('Finance share');
    await dialog.getByLabel('Root directories (one per line)').fill('/srv/finance');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => dialog.locator('#replica-0-target-error').textContent()).toContain('cannot be inside the Master root "/srv/finance"');
    await dialog.getByLabel('Replica target directory').fill('/replicas/finance');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    await createScenarioThroughDialog(page, {
      name: 'Payroll SQL',
      type: 'SQLServer',
      masterHost: 'sql01.branch.example',
      roots: 'D:\\SQLData\nL:\\SQLLogs',
      replicaHost: 'dr01.cdc.example',
      target: 'E:\\Replicas\\Payroll',
    });
    await expectScenarioRows(page, ['Finance share', 'Payroll SQL']);
    await page.getByRole('table', { name: 'Scenarios' }).getByRole('row', { name: /Payroll SQL/ }).click();
    await expect.poll(() => page.getByRole('treeitem', { name: 'Master sql01.branch.example' }).isVisible()).toBe(true);
    expect(await page.getByRole('treeitem', { name: 'Replica dr01.cdc.example' }).isVisible()).toBe(true);
    await page.getByRole('tab', { name: 'Directories' }).click();
    const directories = page.getByRole('tree', { name: 'Master directories' });
    const logs = directories.getByRole('treeitem', { name: 'L:\\SQLLogs' });
    expect(await logs.getAttribute('aria-expanded')).toBe('false');
    // The Master is another machine this manager holds no engine credentials for: the listing is refused, and says why.
    await logs.click();
    await expect.poll(() => logs.getByRole('alert').textContent()).toContain('E1008');
    expect(await logs.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByRole('list', { name: 'Replica targets' }).textContent()).toBe(
      'Replica dr01.cdc.example: D:\\SQLData → E:\\Replicas\\Payroll\\D\\SQLData; L:\\SQLLogs → E:\\Replicas\\Payroll\\L\\SQLLogs',
    );
    await expect.poll(() => page.getByRole('table', { name: 'Events' }).textContent()).toContain('Scenario "Payroll SQL" created');
    await page.getByRole('tab', { name: 'Properties' }).click();
    await page.screenshot({ path: path.join(projectRoot, 'docs/screenshots/replication-manager.png') });

    await first.host.stop();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Connection lost');
    const second = await openConsole(dataDir);
    await expectScenarioRows(second.page, ['Finance share', 'Payroll SQL']);
  });

  it('removes a scenario after confirmation, and it stays removed after a restart', async () => {
    const dataDir = tempDir();
    const { host, page } = await openConsole(dataDir);
    await createScenarioThroughDialog(page, { name: 'Scratch', type: 'FileServer', masterHost: 'localhost', roots: '/data/a', replicaHost: 'localhost', target: '/replica/a' });
    await createScenarioThroughDialog(page, { name: 'Keep me', type: 'Exchange', masterHost: 'mail01', roots: 'F:\\Exchange', replicaHost: 'dr01', target: 'F:\\Replica' });
    await page.getByRole('table', { name: 'Scenarios' }).getByRole('row', { name: /Scratch/ }).click();
    await page.getByRole('button', { name: 'Remove' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove scenario' });
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await expectScenarioRows(page, ['Keep me']);
    await host.stop();
    const again = await openConsole(dataDir);
    await expectScenarioRows(again.page, ['Keep me']);
  });
});
