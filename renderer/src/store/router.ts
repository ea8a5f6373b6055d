/**
 * The app's windows and their routes (`#/replication`, `#/backup`, …) and shortcuts, as pure
 * data and functions. The desktop app opens each in its own window (electron/windows/
 * window-routes.ts holds the same list: the renderer may not import it, and
 * test/electron/window-routes.test.ts keeps the two equal); the console host shows them as tabs.
 */
export const APP_WINDOWS = [
  { id: 'home', name: 'Home', shortcut: 'Alt+Home' },
  { id: 'replication', name: 'Replication Manager', shortcut: 'Ctrl+1' },
  { id: 'backup', name: 'Backup Manager', shortcut: 'Ctrl+2' },
  { id: 'restore', name: 'Restore Manager', shortcut: 'Ctrl+3' },
  { id: 'jobs', name: 'Job Status Manager', shortcut: 'Ctrl+4' },
  { id: 'reports', name: 'Reports', shortcut: 'Ctrl+5' },
] as const;

export type AppWindow = (typeof APP_WINDOWS)[number];
export type AppWindowId = AppWindow['id'];

/** What the app shows without a route: the Replication Manager, as it always has. */
export const DEFAULT_WINDOW: AppWindowId = 'replication';

export function appWindow(id: AppWindowId): AppWindow {
  return APP_WINDOWS.find((window) => window.id === id) ?? APP_WINDOWS[1];
}

/** The window a location hash names ("#/backup", "#/backup?x"); undefined for none or an unknown one. */
export function windowFromHash(hash: string): AppWindowId | undefined {
  const id = /^#\/([a-z-]+)/.exec(hash)?.[1];
  return APP_WINDOWS.find((window) => window.id === id)?.id;
}

export function hashOf(id: AppWindowId): string {
  return `#/${id}`;
}

/** The parts of a keydown that choose a window. */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

/** The shortcut a key press is, written as APP_WINDOWS writes them ("Ctrl+2"), or undefined. */
function shortcutOf(press: KeyPress): string | undefined {
  if (press.shiftKey || press.metaKey) return undefined;
  // The digit row or the keypad, whatever the layout puts on the key.
  const digit = /^(?:Digit|Numpad)(\d)$/.exec(press.code)?.[1] ?? (/^\d$/.test(press.key) ? press.key : undefined);
  if (press.ctrlKey && !press.altKey && digit) return `Ctrl+${digit}`;
  if (press.altKey && !press.ctrlKey && press.key === 'Home') return 'Alt+Home';
  return undefined;
}

/** The window a key press opens (View menu shortcuts: Alt+Home, Ctrl+1 … Ctrl+5), or undefined. */
export function windowForKey(press: KeyPress): AppWindowId | undefined {
  const shortcut = shortcutOf(press);
  return shortcut ? APP_WINDOWS.find((window) => window.shortcut === shortcut)?.id : undefined;
}

/** The window before or after one in the tab strip (arrow keys), wrapping around. */
export function neighbourWindow(id: AppWindowId, step: 1 | -1): AppWindowId {
  const index = APP_WINDOWS.findIndex((window) => window.id === id);
  const next = APP_WINDOWS[(index + step + APP_WINDOWS.length) % APP_WINDOWS.length];
  return next?.id ?? id;
}
