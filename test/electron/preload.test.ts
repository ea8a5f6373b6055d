import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IPC_INVOKE, IPC_STREAM } from '../../electron/ipc-names';

const preloadSource = fs.readFileSync(path.join(__dirname, '../../electron/preload.ts'), 'utf8');

describe('preload', () => {
  it('imports nothing at run time but electron (a sandboxed preload can require nothing else)', () => {
    const runtimeImports = [...preloadSource.matchAll(/^import (?!type )[^;]*from '([^']+)'/gm)].map((match) => match[1]);
    expect(runtimeImports).toEqual(['electron']);
  });

  it('uses the same IPC channel names as the main process', () => {
    expect(preloadSource).toContain(`const IPC_INVOKE = '${IPC_INVOKE}';`);
    expect(preloadSource).toContain(`const IPC_STREAM = '${IPC_STREAM}';`);
  });

  it('exposes only window.understudy', () => {
    expect([...preloadSource.matchAll(/exposeInMainWorld\('([^']+)'/g)].map((match) => match[1])).toEqual(['understudy']);
  });
});
