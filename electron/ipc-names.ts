/**
 * IPC channel names between main and preload. The sandboxed preload may require only
 * 'electron', so it repeats these literals; test/electron/preload.test.ts keeps them equal.
 */
export const IPC_INVOKE = 'understudy:invoke';
export const IPC_STREAM = 'understudy:stream';
/** Renderer → main: open (or focus) one of the app's windows (electron/windows/window-routes.ts). */
export const IPC_OPEN_WINDOW = 'understudy:open-window';
/** Main → renderer: a menu command for the page to carry out (electron/windows/desktop-bridge.ts). */
export const IPC_WINDOW_COMMAND = 'understudy:window-command';
