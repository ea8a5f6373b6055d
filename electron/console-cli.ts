#!/usr/bin/env node
import { describeError } from '../engine/messages/describe-error';
import { forwardStreams } from './api/handlers';
import { appVersion, rendererDir } from './app-paths';
import { boot } from './boot';
import { parseShellOptions, USAGE, type ShellOptions } from './cli-options';
import { startConsoleHost } from './console-host';
import { removeConsoleFile, writeConsoleFile } from './console/console-file';

/** Boots the engine and serves the UI on 127.0.0.1; resolves when the host is listening. */
export async function runConsole(options: ShellOptions): Promise<void> {
  const { engine, replication, dispatch, shutdown } = await boot({
    dataDir: options.dataDir,
    shell: 'console',
    version: appVersion(),
    enginePort: options.enginePort,
    engineBind: options.engineBind,
  });
  const host = await startConsoleHost({
    dispatch,
    subscribe: (sink) => forwardStreams(engine, sink),
    staticDir: rendererDir(),
    port: options.port,
  });
  writeConsoleFile(options.dataDir, { url: host.url, port: host.port, token: host.token, pid: process.pid });
  console.log(`Understudy console (data: ${options.dataDir}; engine on port ${replication.runtime.port}): ${host.url}`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    removeConsoleFile(options.dataDir, process.pid);
    void host
      .close()
      .then(shutdown)
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

export function consoleMain(argv: readonly string[]): void {
  let options: ShellOptions;
  try {
    options = parseShellOptions(argv);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
  runConsole(options).catch((error: unknown) => {
    console.error(describeError(error));
    process.exit(1);
  });
}

if (require.main === module) consoleMain(process.argv.slice(2));
