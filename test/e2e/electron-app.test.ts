import fs from 'node:fs';
import path from 'node:path';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { installedElectronPath } from '../../electron/launcher/choose-shell';
import { ensureElectronSqlite, installedElectronVersion } from '../../electron/launcher/electron-sqlite';
import { removeTempDirs, tempDir } from '../helpers/temp-dir';
import { projectRoot } from './helpers/console-process';
import { createScenarioThroughDialog, expectScenarioRows } from './helpers/replication-manager-page';

const electronPath = installedElectronPath();
if (!electronPath) console.log('skipped: no Electron binary (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1); the console-host specs cover the same UI');

afterEach(() => removeTempDirs());

async function launchDesktop(executablePath: string, dataDir: string, sqliteBinding: string) {
  const app = await electron.launch({
    executablePath,
    args: [path.join(projectRoot, 'dist/electron/main.js'), '--data-dir', dataDir],
    env: { ...process.env, UNDERSTUDY_SQLITE_BINDING: sqliteBinding },
  });
  return { app, page: await app.firstWindow() };
}

/** Clicks an application menu item by its menu's and its own label (accelerator markers '&' ignored), as a user would. */
async function clickMenu(app: ElectronApplication, menu: string, item: string): Promise<void> {
  await app.evaluate(({ Menu }, labels) => {
    const plain = (label: string): string => label.replaceAll('&', '');
    const top = Menu.getApplicationMenu()?.items.find((candidate) => plain(candidate.label) === labels.menu);
    const entry = top?.submenu?.items.find((candidate) => plain(candidate.label) === labels.item);
    if (!entry) throw new Error(`no menu item ${labels.menu} → ${labels.item}`);
    entry.click();
  }, { menu, item });
}

describe.skipIf(!electronPath)('Replication Manager in the desktop app (Electron)', () => {
  it('creates a scenario through the dialog, rejects bad input, and keeps it across a restart', async () => {
    if (!electronPath) return;
    const binding = await ensureElectronSqlite(projectRoot, installedElectronVersion(projectRoot));
    const dataDir = tempDir();
    const first = await launchDesktop(electronPath, dataDir, binding);
    expect(await first.page.evaluate(() => typeof (window as { understudy?: unknown }).understudy)).toBe('object');
    expect(await first.page.evaluate(() => typeof (window as { require?: unknown }).require)).toBe('undefined');

    await first.page.getByRole('button', { name: 'New' }).click();
    const dialog = first.page.getByRole('dialog', { name: 'New Scenario' });
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('E1001');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await createScenarioThroughDialog(first.page, { name: 'Desktop share', type: 'FileServer', masterHost: 'localhost', roots: '/srv/share', replicaHost: 'localhost', target: '/replica/share' });
    await expectScenarioRows(first.page, ['Desktop share']);
    await first.app.close();

    const second = await launchDesktop(electronPath, dataDir, binding);
    await expectScenarioRows(second.page, ['Desktop share']);
    await second.app.close();
  });

  it('opens each manager in its own window from the View menu, focuses it instead of opening it twice, and remembers where it was', async () => {
    if (!electronPath) return;
    const binding = await ensureElectronSqlite(projectRoot, installedElectronVersion(projectRoot));
    const dataDir = tempDir();
    const { app, page } = await launchDesktop(electronPath, dataDir, binding);
    // The first window is the Replication Manager alone: its route, no tab strip.
    expect(new URL(page.url()).hash).toBe('#/replication');
    expect(await page.getByRole('tablist', { name: 'Windows' }).count()).toBe(0);
    await expect.poll(() => page.title()).toBe('Understudy — Replication Manager');

    const [backup] = await Promise.all([app.waitForEvent('window'), clickMenu(app, 'View', 'Backup Manager')]);
    expect(new URL(backup.url()).hash).toBe('#/backup');
    await expect.poll(() => backup.getByRole('heading', { level: 1 }).textContent()).toBe('Backup Manager');
    expect(await backup.getByRole('tablist', { name: 'Windows' }).count()).toBe(0);
    await clickMenu(app, 'View', 'Backup Manager');
    expect(app.windows()).toHaveLength(2);

    // File → New scenario opens the dialog in the Replication Manager, from any window.
    await clickMenu(app, 'File', 'New scenario…');
    await expect.poll(() => page.getByRole('dialog', { name: 'New Scenario' }).isVisible()).toBe(true);
    await page.getByRole('dialog', { name: 'New Scenario' }).getByRole('button', { name: 'Cancel' }).click();

    // Closing a window writes its placement (<dataDir>/desktop/windows.json).
    await backup.close();
    const placements = path.join(dataDir, 'desktop', 'windows.json');
    await expect.poll(() => fs.existsSync(placements) && JSON.parse(fs.readFileSync(placements, 'utf8')).windows.backup !== undefined).toBe(true);
    const [reopened] = await Promise.all([app.waitForEvent('window'), clickMenu(app, 'View', 'Backup Manager')]);
    const saved = JSON.parse(fs.readFileSync(placements, 'utf8')).windows.backup as { width: number; height: number };
    const size = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()
        .find((window) => window.webContents.getURL().endsWith('#/backup'))
        ?.getNormalBounds(),
    );
    expect(size && [size.width, size.height]).toEqual([saved.width, saved.height]);
    expect(new URL(reopened.url()).hash).toBe('#/backup');
    await app.close();
  });
});
