import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { UnderstudyApi } from './api/contract';
import type { DesktopWindowsBridge, WindowCommand } from './windows/desktop-bridge';

// Sandboxed preloads may require only 'electron': these repeat electron/ipc-names.ts.
const IPC_INVOKE = 'understudy:invoke';
const IPC_STREAM = 'understudy:stream';
const IPC_OPEN_WINDOW = 'understudy:open-window';
const IPC_WINDOW_COMMAND = 'understudy:window-command';

const windows: DesktopWindowsBridge = {
  open: (id) => ipcRenderer.send(IPC_OPEN_WINDOW, id),
  onCommand: (listener) => {
    const forward = (_event: IpcRendererEvent, command: unknown): void => {
      if (command === 'new-scenario') listener(command satisfies WindowCommand);
    };
    ipcRenderer.on(IPC_WINDOW_COMMAND, forward);
    return () => {
      ipcRenderer.removeListener(IPC_WINDOW_COMMAND, forward);
    };
  },
};

const api: UnderstudyApi & { windows: DesktopWindowsBridge } = {
  invoke: (channel, request) => ipcRenderer.invoke(IPC_INVOKE, channel, request),
  subscribe: (stream, listener) => {
    const forward = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === stream) listener(payload as Parameters<typeof listener>[0]);
    };
    ipcRenderer.on(IPC_STREAM, forward);
    return () => {
      ipcRenderer.removeListener(IPC_STREAM, forward);
    };
  },
  // The desktop app's windows (the console host shows them as tabs and has no such door).
  windows,
};

contextBridge.exposeInMainWorld('understudy', api);
