/**
 * The app's windows: each has a route (the renderer's `#/<id>`), a title, the View menu's
 * shortcut and a first size. No Electron import, so tests read it in Node; the renderer
 * repeats the ids and shortcuts (renderer/src/store/router.ts, kept equal by
 * test/electron/window-routes.test.ts).
 */
export const APP_WINDOWS = [
  { id: 'home', title: 'Home', accelerator: 'Alt+Home', width: 980, height: 700 },
  { id: 'replication', title: 'Replication Manager', accelerator: 'CmdOrCtrl+1', width: 1400, height: 880 },
  { id: 'backup', title: 'Backup Manager', accelerator: 'CmdOrCtrl+2', width: 1280, height: 840 },
  { id: 'restore', title: 'Restore Manager', accelerator: 'CmdOrCtrl+3', width: 1340, height: 860 },
  { id: 'jobs', title: 'Job Status Manager', accelerator: 'CmdOrCtrl+4', width: 1240, height: 800 },
  { id: 'reports', title: 'Reports', accelerator: 'CmdOrCtrl+5', width: 1180, height: 780 },
] as const;

export type AppWindow = (typeof APP_WINDOWS)[number];
export type AppWindowId = AppWindow['id'];

/** The window the desktop app opens first (and on a second launch or a dock click). */
export const FIRST_WINDOW: AppWindowId = 'replication';

export const APP_WINDOW_IDS: readonly AppWindowId[] = APP_WINDOWS.map((window) => window.id);

export function isAppWindowId(value: unknown): value is AppWindowId {
  return typeof value === 'string' && (APP_WINDOW_IDS as readonly string[]).includes(value);
}

export function appWindow(id: AppWindowId): AppWindow {
  const found = APP_WINDOWS.find((window) => window.id === id);
  if (!found) throw new Error(`no window ${id}`);
  return found;
}
