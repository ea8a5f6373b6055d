import { parseArgs } from 'node:util';
import { DEFAULT_ENGINE_PORT } from '../engine/runtime/engine-runtime';
import { defaultDataDir } from './data-dir';

export interface ShellOptions {
  dataDir: string;
  port: number;
  forceConsole: boolean;
  /** This host's engine port for other engines (default 25000). */
  enginePort: number;
  engineBind: string;
}

export const USAGE = `Options:
  --data-dir DIR   where the catalog and engine state live (default: ${defaultDataDir()})
  --port N         console host port on 127.0.0.1 (default: chosen by the OS)
  --console        start the console host even where the desktop app could run
  --engine-port N  this host's engine port for other engines (default 25000; 0 = chosen by the OS)
  --engine-bind A  address the engine listens on (default 0.0.0.0)`;

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
      'engine-port': { type: 'string' },
      'engine-bind': { type: 'string' },
    },
    strict,
    allowPositionals: !strict,
  });
  const dataDir = values['data-dir'];
  const bind = values['engine-bind'];
  if (typeof dataDir === 'boolean' || typeof bind === 'boolean') throw new Error('--data-dir and --engine-bind need a value');
  return {
    dataDir: dataDir ?? defaultDataDir(),
    port: portOption('--port', values.port, 0),
    forceConsole: values.console === true,
    enginePort: portOption('--engine-port', values['engine-port'], DEFAULT_ENGINE_PORT),
    engineBind: bind ?? '0.0.0.0',
  };
}

function portOption(flag: string, text: string | boolean | undefined, fallback: number): number {
  if (typeof text === 'boolean') throw new Error(`${flag} needs a value`);
  const port = text === undefined ? fallback : Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${flag} must be a number from 0 to 65535, not "${text}"`);
  return port;
}
