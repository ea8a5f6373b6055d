import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, nativeTheme, session, type WebFrameMain } from 'electron';
import { UserError } from '../engine/messages/user-error';
import { forwardStreams } from './api/handlers';
import { rendererDir } from './app-paths';
import { boot, type Booted } from './boot';
import { parseShellOptions } from './cli-options';
import { IPC_INVOKE, IPC_OPEN_WINDOW, IPC_STREAM } from './ipc-names';
import { safeStorageBox } from './safe-storage-box';
import { installApplicationMenu } from './windows/application-menu';
import { PlacementStore } from './windows/placement-store';
import { WindowManager } from './windows/window-manager';
import { FIRST_WINDOW, isAppWindowId } from './windows/window-routes';

const options = parseShellOptions(process.argv.slice(app.isPackaged ? 1 : 2), false);
const indexHtml = path.join(rendererDir(), 'index.html');

// Chromium's own profile stays apart from the catalog; one desktop instance per data folder.
app.setPath('userData', path.join(path.resolve(options.dataDir), 'desktop'));
if (!app.requestSingleInstanceLock()) app.quit();

function isOurPage(frame: WebFrameMain | null): boolean {
  return frame !== null && frame.url.startsWith('file://') && decodeURIComponent(new URL(frame.url).pathname).endsWith('/index.html');
}

async function startEngine(): Promise<Booted | undefined> {
  try {
    // safeStorage answers only once the app is ready; without an OS key store the engine uses its key file.
    const secretBox = safeStorageBox();
    return await boot({
      dataDir: options.dataDir,
      shell: 'desktop',
      version: app.getVersion(),
      sqliteBinding: process.env.UNDERSTUDY_SQLITE_BINDING,
      enginePort: options.enginePort,
      engineBind: options.engineBind,
      ...(secretBox ? { secretBox } : {}),
    });
  } catch (error) {
    const text = error instanceof UserError ? `${error.code}: ${error.message}\n\n${error.toInfo().action}` : String(error);
    console.error(text);
    dialog.showErrorBox('Understudy cannot start', text);
    return undefined;
  }
}

void app.whenReady().then(async () => {
  const booted = await startEngine();
  if (!booted) {
    app.exit(1);
    return;
  }
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ipcMain.handle(IPC_INVOKE, (event, channel: unknown, request: unknown) =>
    isOurPage(event.senderFrame) && typeof channel === 'string'
      ? booted.dispatch(channel, request)
      : { ok: false, error: new UserError('E1003', 'request from an unknown page').toInfo() },
  );
  const stopStreams = forwardStreams(booted.engine, (stream, payload) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(IPC_STREAM, stream, payload);
  });
  nativeTheme.themeSource = 'system';
  const placements = new PlacementStore(path.join(app.getPath('userData'), 'windows.json'));
  await placements.load();
  let refreshMenu = (): void => undefined;
  const windows = new WindowManager({ indexHtml, preload: path.join(__dirname, 'preload.js'), placements, onChange: () => refreshMenu() });
  refreshMenu = installApplicationMenu(windows, { version: app.getVersion(), dataDir: path.resolve(options.dataDir) });
  ipcMain.on(IPC_OPEN_WINDOW, (event, id: unknown) => {
    if (isOurPage(event.senderFrame) && isAppWindowId(id)) windows.show(id);
  });
  windows.show(FIRST_WINDOW);
  app.on('second-instance', () => windows.show(FIRST_WINDOW));
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) windows.show(FIRST_WINDOW);
  });
  app.on('window-all-closed', () => app.quit());
  let quitting = false;
  app.on('will-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    stopStreams();
    void Promise.all([placements.flush(), booted.shutdown()]).finally(() => app.exit(0));
  });
});
