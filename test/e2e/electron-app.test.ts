import path from 'node:path';
import { _electron as electron } from 'playwright-core';
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
});
