import fs from 'node:fs';

export type ShellChoice = { shell: 'desktop'; electronPath: string } | { shell: 'console'; reason: string };

export interface ShellEnvironment {
  forceConsole: boolean;
  /** What `require('electron')` gave under Node: the binary's path, or undefined when it is not installed. */
  electronPath: string | undefined;
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
}

/** Desktop app where Electron can show a window; otherwise the console host, with the reason in one line. */
export function chooseShell(environment: ShellEnvironment): ShellChoice {
  if (environment.forceConsole) return { shell: 'console', reason: '--console was given' };
  if (environment.electronPath === undefined) {
    return {
      shell: 'console',
      reason: 'no Electron binary is installed (npm ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or its download failed)',
    };
  }
  const headless = environment.platform === 'linux' && !environment.env.DISPLAY && !environment.env.WAYLAND_DISPLAY;
  if (headless) return { shell: 'console', reason: 'no display (neither DISPLAY nor WAYLAND_DISPLAY is set)' };
  return { shell: 'desktop', electronPath: environment.electronPath };
}

/** The Electron binary's path, if the package downloaded it. Under Node, `require('electron')` returns that path. */
export function installedElectronPath(): string | undefined {
  try {
    // Under Node the electron package's main export is the binary's path, not its API: no typed import describes that.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const resolved: unknown = require('electron');
    return typeof resolved === 'string' && fs.existsSync(resolved) ? resolved : undefined;
  } catch {
    return undefined;
  }
}
