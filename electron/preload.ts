import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { UnderstudyApi } from './api/contract';

// Sandboxed preloads may require only 'electron': these repeat electron/ipc-names.ts.
const IPC_INVOKE = 'understudy:invoke';
const IPC_STREAM = 'understudy:stream';

const api: UnderstudyApi = {
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
};

contextBridge.exposeInMainWorld('understudy', api);
