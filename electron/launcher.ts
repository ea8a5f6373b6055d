import { spawn } from 'node:child_process';
import path from 'node:path';
import { findAppRoot } from './app-paths';
import { parseShellOptions, USAGE } from './cli-options';
import { consoleMain } from './console-cli';
import { chooseShell, installedElectronPath } from './launcher/choose-shell';
import { ensureElectronSqlite, installedElectronVersion } from './launcher/electron-sqlite';

/** `npm start`: the desktop app where Electron can run, else the console host — said in one line. */
async function launch(argv: string[]): Promise<void> {
  let forceConsole: boolean;
  try {
    forceConsole = parseShellOptions(argv).forceConsole;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
  const choice = chooseShell({ forceConsole, electronPath: installedElectronPath(), platform: process.platform, env: process.env });
  if (choice.shell === 'console') {
    console.log(`Understudy: ${choice.reason}; starting the console host instead.`);
    consoleMain(argv);
    return;
  }
  const root = findAppRoot();
  let binding: string;
  try {
    binding = await ensureElectronSqlite(root, installedElectronVersion(root));
  } catch (error) {
    console.log(`Understudy: better-sqlite3 could not be rebuilt for Electron (${error instanceof Error ? error.message : String(error)}); starting the console host instead.`);
    consoleMain(argv);
    return;
  }
  const child = spawn(choice.electronPath, [path.join(root, 'dist', 'electron', 'main.js'), ...argv], {
    stdio: 'inherit',
    env: { ...process.env, UNDERSTUDY_SQLITE_BINDING: binding },
  });
  child.on('exit', (code) => process.exit(code ?? 1));
}

void launch(process.argv.slice(2));
