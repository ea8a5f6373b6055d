import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IPC_INVOKE, IPC_OPEN_WINDOW, IPC_STREAM, IPC_WINDOW_COMMAND } from '../../electron/ipc-names';
import { WINDOW_COMMANDS } from '../../electron/windows/desktop-bridge';

const preloadSource = fs.readFileSync(path.join(__dirname, '../../electron/preload.ts'), 'utf8');

describe('preload', () => {
  it('imports nothing at run time but electron (a sandboxed preload can require nothing else)', () => {
    const runtimeImports = [...preloadSource.matchAll(/^import (?!type )[^;]*from '([^']+)'/gm)].map((match) => match[1]);
    expect(runtimeImports).toEqual(['electron']);
  });

  it('uses the same IPC channel names as the main process', () => {
    expect(preloadSource).toContain(`const IPC_INVOKE = '${IPC_INVOKE}';`);
    expect(preloadSource).toContain(`const IPC_STREAM = '${IPC_STREAM}';`);
    expect(preloadSource).toContain(`const IPC_OPEN_WINDOW = '${IPC_OPEN_WINDOW}';`);
    expect(preloadSource).toContain(`const IPC_WINDOW_COMMAND = '${IPC_WINDOW_COMMAND}';`);
  });

  it('forwards every menu command the main process sends, and nothing else', () => {
    const forwarded = [...preloadSource.matchAll(/if \(command === '([^']+)'\)/g)].map((match) => match[1]);
    expect(forwarded).toEqual([...WINDOW_COMMANDS]);
  });

  it('exposes only window.understudy', () => {
    expect([...preloadSource.matchAll(/exposeInMainWorld\('([^']+)'/g)].map((match) => match[1])).toEqual(['understudy']);
  });
});
