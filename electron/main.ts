import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, session, type WebFrameMain } from 'electron';
import { UserError } from '../engine/messages/user-error';
import { forwardStreams } from './api/handlers';
import { rendererDir } from './app-paths';
import { boot, type Booted } from './boot';
import { parseShellOptions } from './cli-options';
import { IPC_INVOKE, IPC_STREAM } from './ipc-names';

const options = parseShellOptions(process.argv.slice(app.isPackaged ? 1 : 2), false);
const indexHtml = path.join(rendererDir(), 'index.html');

// Chromium's own profile stays apart from the catalog; one desktop instance per data folder.
app.setPath('userData', path.join(path.resolve(options.dataDir), 'desktop'));
if (!app.requestSingleInstanceLock()) app.quit();

function isOurPage(frame: WebFrameMain | null): boolean {
  return frame !== null && frame.url.startsWith('file://') && decodeURIComponent(new URL(frame.url).pathname).endsWith('/index.html');
}

function createReplicationManagerWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 880,
    show: false,
    title: 'Understudy — Replication Manager',
    webPreferences: {
      preload: path.join(__dirname, 'preload.js'),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
    },
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadFile(indexHtml);
  return window;
}

async function startEngine(): Promise<Booted | undefined> {
  try {
    return await boot({
      dataDir: options.dataDir,
      shell: 'desktop',
      version: app.getVersion(),
      sqliteBinding: process.env.UNDERSTUDY_SQLITE_BINDING,
      enginePort: options.enginePort,
      engineBind: options.engineBind,
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
  let window = createReplicationManagerWindow();
  app.on('second-instance', () => {
    if (window.isDestroyed()) window = createReplicationManagerWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = createReplicationManagerWindow();
  });
  app.on('window-all-closed', () => app.quit());
  let quitting = false;
  app.on('will-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    stopStreams();
    void booted.shutdown().finally(() => app.exit(0));
  });
});
