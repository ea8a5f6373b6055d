import { parseArgs } from 'node:util';
import { defaultDataDir } from './data-dir';

export interface ShellOptions {
  dataDir: string;
  port: number;
  forceConsole: boolean;
}

export const USAGE = `Options:
  --data-dir DIR   where the catalog and engine state live (default: ${defaultDataDir()})
  --port N         console host port on 127.0.0.1 (default: chosen by the OS)
  --console        start the console host even where the desktop app could run`;

/**
 * The options both shells accept. Unknown flags are an error with the usage text, except
 * inside Electron (`strict: false`), whose command line also carries Chromium's switches.
 */
export function parseShellOptions(argv: readonly string[], strict = true): ShellOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      console: { type: 'boolean', default: false },
    },
    strict,
    allowPositionals: !strict,
  });
  const dataDir = values['data-dir'];
  const portText = values.port;
  if (typeof dataDir === 'boolean' || typeof portText === 'boolean') throw new Error('--data-dir and --port need a value');
  const port = portText === undefined ? 0 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${portText}"`);
  return { dataDir: dataDir ?? defaultDataDir(), port, forceConsole: values.console === true };
}
