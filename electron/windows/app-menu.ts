import type { MenuItemConstructorOptions } from 'electron';
import { APP_WINDOWS, type AppWindowId } from './window-routes';

/** What the menu's own items do; roles (copy, zoom, full screen, close…) are Electron's. */
export interface MenuActions {
  showWindow(id: AppWindowId): void;
  newScenario(): void;
  reload(): void;
  about(): void;
  openDataFolder(): void;
  quit(): void;
}

export interface MenuState {
  /** The windows open now, in the order they opened, and which one has the focus. */
  open: readonly AppWindowId[];
  focused: AppWindowId | undefined;
  /** Developer tools only in an unpackaged build. */
  developer: boolean;
}

function windowItems(actions: MenuActions): MenuItemConstructorOptions[] {
  return APP_WINDOWS.map((window) => ({ label: window.title, accelerator: window.accelerator, click: () => actions.showWindow(window.id) }));
}

/**
 * The application menu as a Windows administrator expects it: File, Edit, View (the windows
 * by Ctrl+digit, Refresh F5, full screen F11, zoom), Window (the open ones) and Help.
 * No Electron import at run time (types only), so the template is tested in Node.
 */
export function menuTemplate(actions: MenuActions, state: MenuState): MenuItemConstructorOptions[] {
  const open = APP_WINDOWS.filter((window) => state.open.includes(window.id));
  return [
    {
      label: '&File',
      submenu: [
        // The Replication Manager's page handles Ctrl+N itself; the menu item shows the key and opens the dialog from any window.
        { label: '&New scenario…', accelerator: 'CmdOrCtrl+N', registerAccelerator: false, click: () => actions.newScenario() },
        { type: 'separator' },
        { label: 'E&xit', accelerator: 'Alt+F4', registerAccelerator: false, click: () => actions.quit() },
      ],
    },
    { label: '&Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    {
      label: '&View',
      submenu: [
        ...windowItems(actions),
        { type: 'separator' },
        { label: '&Refresh', accelerator: 'F5', click: () => actions.reload() },
        { role: 'togglefullscreen', accelerator: 'F11' },
        { type: 'separator' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'resetZoom' },
        ...(state.developer ? [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const] : []),
      ],
    },
    {
      label: '&Window',
      submenu: [
        { role: 'minimize' },
        { role: 'close' },
        ...(open.length > 0 ? [{ type: 'separator' } as const] : []),
        ...open.map((window): MenuItemConstructorOptions => ({ label: window.title, type: 'radio', checked: window.id === state.focused, click: () => actions.showWindow(window.id) })),
      ],
    },
    {
      label: '&Help',
      submenu: [{ label: 'Open &data folder', click: () => actions.openDataFolder() }, { type: 'separator' }, { label: '&About Understudy', click: () => actions.about() }],
    },
  ];
}
