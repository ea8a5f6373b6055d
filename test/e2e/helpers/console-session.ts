import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, onTestFailed } from 'vitest';
import { removeTempDirs } from '../../helpers/temp-dir';
import { launchChromium } from './browser';
import { startConsoleProcess, type ConsoleProcess } from './console-process';

/**
 * One Chromium per test file and one console host per test (stopped, temp folders removed,
 * after each). `openConsole(work)` starts the host on `work/data` and returns a connected page;
 * a failing test prints the open dialogs, the Events pane and the host's output, and leaves a
 * screenshot in `work/failure.png`.
 */
export function useConsoleSession(): { openConsole(work: string): Promise<Page> } {
  let browser: Browser | undefined;
  let host: ConsoleProcess | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await host?.stop();
    host = undefined;
    removeTempDirs();
  });
  return {
    async openConsole(work) {
      if (!browser) throw new Error('the browser is not started');
      const consoleHost = await startConsoleProcess(path.join(work, 'data'));
      host = consoleHost;
      const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
      page.setDefaultTimeout(10_000);
      onTestFailed(async () => {
        const events = await page.getByRole('table', { name: 'Events' }).innerText({ timeout: 1000 }).catch(() => '(no Events pane)');
        const dialogs = await page.getByRole('dialog').allInnerTexts().catch(() => []);
        console.error(`Open dialogs:\n${dialogs.join('\n---\n')}\n\nEvents pane:\n${events}\n\nConsole host output:\n${consoleHost.output()}`);
        await page.screenshot({ path: path.join(work, 'failure.png') }).catch(() => undefined);
      });
      await page.goto(consoleHost.url);
      await expect.poll(() => page.getByRole('status').textContent()).toBe('Connected');
      return page;
    },
  };
}
