import { create } from 'zustand';
import { DEFAULT_WINDOW, hashOf, windowFromHash, type AppWindowId } from './router';

/** A menu command the page carries out (electron/windows/desktop-bridge.ts). */
export type WindowCommand = 'new-scenario';

/** The desktop app's window door (window.understudy.windows); the console host has none. */
interface DesktopWindows {
  open(id: AppWindowId): void;
  onCommand(listener: (command: WindowCommand) => void): () => void;
}

function isDesktopWindows(value: unknown): value is DesktopWindows {
  return typeof value === 'object' && value !== null && 'open' in value && typeof value.open === 'function' && 'onCommand' in value && typeof value.onCommand === 'function';
}

/** The door when this page runs in the desktop app, where each window is its own BrowserWindow. */
export const desktopWindows: DesktopWindows | undefined = (() => {
  const bridge: unknown = window.understudy;
  const windows = typeof bridge === 'object' && bridge !== null && 'windows' in bridge ? bridge.windows : undefined;
  return isDesktopWindows(windows) ? windows : undefined;
})();

interface CurrentWindowState {
  /** The window this page shows: its route (desktop: fixed when the window opened; console: the tab). */
  shown: AppWindowId;
  /** A menu command waiting until its window is on screen. */
  pending: WindowCommand | undefined;
  /** Desktop: opens (or focuses) that window; console: switches the tab and the URL's route. */
  show(id: AppWindowId): void;
  request(command: WindowCommand): void;
  /** The pending command, once (the caller carries it out). */
  take(): WindowCommand | undefined;
}

const routed = (): AppWindowId => windowFromHash(location.hash) ?? DEFAULT_WINDOW;

export const useCurrentWindow = create<CurrentWindowState>((set, get) => ({
  shown: routed(),
  pending: undefined,
  show(id) {
    if (id === get().shown) return;
    if (desktopWindows) return desktopWindows.open(id);
    set({ shown: id });
    // A new history entry per window: Back returns to the previous one.
    location.hash = hashOf(id);
  },
  request(command) {
    set({ pending: command });
  },
  take() {
    const { pending } = get();
    if (pending) set({ pending: undefined });
    return pending;
  },
}));

/** Follows the route as the address bar, Back/Forward or a reload change it; returns the stop. */
export function startRouting(): () => void {
  const follow = (): void => {
    const id = routed();
    if (id !== useCurrentWindow.getState().shown) useCurrentWindow.setState({ shown: id });
  };
  window.addEventListener('hashchange', follow);
  const stopCommands = desktopWindows?.onCommand((command) => useCurrentWindow.getState().request(command));
  return () => {
    window.removeEventListener('hashchange', follow);
    stopCommands?.();
  };
}
