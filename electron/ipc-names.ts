/**
 * IPC channel names between main and preload. The sandboxed preload may require only
 * 'electron', so it repeats these literals; test/electron/preload.test.ts keeps them equal.
 */
export const IPC_INVOKE = 'understudy:invoke';
export const IPC_STREAM = 'understudy:stream';
