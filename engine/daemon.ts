#!/usr/bin/env node
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCatalog } from './catalog/open-catalog';
import { systemClock } from './clock';
import { EventLog } from './events/event-log';
import { MIN_PASSWORD_LENGTH, hasAdminAccount, setAdminAccount } from './identity/admin-account';
import { loadOrCreateIdentity } from './identity/engine-identity';
import { describeError } from './messages/describe-error';
import { DEFAULT_ENGINE_PORT, EngineRuntime } from './runtime/engine-runtime';
import { createEngineServices } from './runtime/services';

const USAGE = `Usage: understudy-engine <command> [options]

Commands:
  serve         run the engine (a service on hosts without the desktop app)
  set-admin     set the engine administrator's user name and password
  fingerprint   print this engine's certificate fingerprint (to pin it on a manager)

Options:
  --data-dir DIR        engine state (default: ${defaultEngineDataDir()})
  --port N              serve: TCP port (default ${DEFAULT_ENGINE_PORT}; 0 = chosen by the OS)
  --bind ADDRESS        serve: address to listen on (default 0.0.0.0)
  --user NAME           set-admin: user name (default admin)
  --password-file FILE  set-admin: read the password from FILE (default: standard input)`;

export function defaultEngineDataDir(): string {
  if (process.platform === 'win32') return path.win32.join(process.env.ProgramData ?? 'C:\\ProgramData', 'Understudy', 'Engine');
  if (process.getuid?.() === 0) return '/var/lib/understudy';
  return path.join(os.homedir(), '.local', 'state', 'understudy');
}

function version(): string {
  const manifest: unknown = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
  return typeof manifest === 'object' && manifest !== null && 'version' in manifest && typeof manifest.version === 'string' ? manifest.version : 'unknown';
}

function readPassword(file: string | undefined): string {
  const text = fs.readFileSync(file ?? 0, 'utf8');
  return text.replace(/\r?\n$/, '');
}

async function serve(dataDir: string, port: number, bind: string): Promise<void> {
  const stateDir = path.join(dataDir, 'engine');
  if (!(await hasAdminAccount(path.join(stateDir, 'accounts')))) {
    throw new Error(`no administrator account yet: run \`understudy-engine set-admin --data-dir ${dataDir}\` first`);
  }
  const catalog = openCatalog(dataDir);
  const events = new EventLog(catalog, systemClock, os.hostname());
  events.onEvent((event) => console.log(`${event.time} ${event.severity.toUpperCase()}${event.code ? ` ${event.code}` : ''} ${event.text}`));
  const runtime = await EngineRuntime.start({ stateDir, port, bind, hostName: os.hostname(), version: version(), events }, createEngineServices);
  console.log(`Understudy engine ${runtime.parts.identity.engineId} listening on ${bind}:${runtime.port} fingerprint ${runtime.parts.identity.fingerprint}`);
  const stop = (): void => {
    void runtime.close().then(() => {
      catalog.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      bind: { type: 'string' },
      user: { type: 'string' },
      'password-file': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const command = positionals[0];
  const dataDir = path.resolve(values['data-dir'] ?? defaultEngineDataDir());
  if (values.help || command === undefined) {
    console.log(USAGE);
    return;
  }
  switch (command) {
    case 'serve': {
      const port = values.port === undefined ? DEFAULT_ENGINE_PORT : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${values.port}"`);
      await serve(dataDir, port, values.bind ?? '0.0.0.0');
      return;
    }
    case 'set-admin': {
      const password = readPassword(values['password-file']);
      if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
      await setAdminAccount(path.join(dataDir, 'engine', 'accounts'), values.user ?? 'admin', password);
      console.log(`Administrator "${values.user ?? 'admin'}" set for the engine in ${dataDir}`);
      return;
    }
    case 'fingerprint': {
      const identity = await loadOrCreateIdentity(path.join(dataDir, 'engine', 'identity'), os.hostname());
      console.log(identity.fingerprint);
      return;
    }
    default:
      throw new Error(`unknown command "${command}"\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`understudy-engine: ${describeError(error)}`);
  process.exit(1);
});
