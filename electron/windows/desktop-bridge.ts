import type { AppWindowId } from './window-routes';

/** What a menu item asks the page itself to do (the page owns the dialog). */
export const WINDOW_COMMANDS = ['new-scenario'] as const;
export type WindowCommand = (typeof WINDOW_COMMANDS)[number];

/**
 * The desktop app's window door, exposed beside the contract as `window.understudy.windows`
 * (preload.ts): the console host has no such door and shows the windows as tabs instead.
 */
export interface DesktopWindowsBridge {
  /** Opens the window, or focuses it when it is open already. */
  open(id: AppWindowId): void;
  onCommand(listener: (command: WindowCommand) => void): () => void;
}
