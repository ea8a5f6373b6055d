import { app, BrowserWindow, dialog, Menu, shell, type MessageBoxOptions } from 'electron';
import { menuTemplate } from './app-menu';
import type { WindowManager } from './window-manager';

export interface ApplicationMenuOptions {
  version: string;
  dataDir: string;
}

/**
 * Sets the application menu (app-menu.ts) and returns how to set it again: the Window menu
 * lists the open windows and checks the focused one, so it follows every open, close and focus.
 */
export function installApplicationMenu(windows: WindowManager, options: ApplicationMenuOptions): () => void {
  const about = (): void => {
    const detail = [
      `Electron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}`,
      `Data folder: ${options.dataDir}`,
    ].join('\n');
    const parent = BrowserWindow.getFocusedWindow();
    const box: MessageBoxOptions = { type: 'info', title: 'About Understudy', message: `Understudy ${options.version}`, detail, buttons: ['OK'] };
    void (parent ? dialog.showMessageBox(parent, box) : dialog.showMessageBox(box));
  };
  const actions = {
    showWindow: (id: Parameters<WindowManager['show']>[0]) => void windows.show(id),
    newScenario: () => windows.sendCommand('replication', 'new-scenario'),
    reload: () => BrowserWindow.getFocusedWindow()?.webContents.reload(),
    about,
    openDataFolder: () => {
      void shell.openPath(options.dataDir).then((problem) => {
        if (problem) dialog.showErrorBox('Cannot open the data folder', `${options.dataDir}\n\n${problem}`);
      });
    },
    quit: () => app.quit(),
  };
  const refresh = (): void => {
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions, { open: windows.openIds(), focused: windows.focusedId(), developer: !app.isPackaged })));
  };
  refresh();
  return refresh;
}
