import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseShellOptions } from '../../electron/cli-options';
import { defaultDataDir } from '../../electron/data-dir';
import { chooseShell } from '../../electron/launcher/choose-shell';

describe('shell choice', () => {
  const base = { forceConsole: false, electronPath: '/opt/electron/electron', platform: 'linux' as const, env: { DISPLAY: ':0' } };

  it.each([
    ['an Electron binary and a display', base, 'desktop'],
    ['no Electron binary', { ...base, electronPath: undefined }, 'console'],
    ['Linux without DISPLAY or WAYLAND_DISPLAY', { ...base, env: {} }, 'console'],
    ['Wayland only', { ...base, env: { WAYLAND_DISPLAY: 'wayland-0' } }, 'desktop'],
    ['Windows (always has a desktop)', { ...base, platform: 'win32' as const, env: {} }, 'desktop'],
    ['--console', { ...base, forceConsole: true }, 'console'],
  ])('with %s starts the %s', (_label, environment, expected) => {
    expect(chooseShell(environment).shell).toBe(expected);
  });

  it('says why it falls back to the console in one line', () => {
    const choice = chooseShell({ ...base, electronPath: undefined });
    expect(choice).toMatchObject({ shell: 'console', reason: expect.stringContaining('ELECTRON_SKIP_BINARY_DOWNLOAD') });
  });
});

describe('shell options', () => {
  it('reads --data-dir and --port', () => {
    expect(parseShellOptions(['--data-dir', '/tmp/x', '--port', '8123', '--engine-port', '25100'])).toEqual({
      dataDir: '/tmp/x',
      port: 8123,
      forceConsole: false,
      enginePort: 25100,
      engineBind: '0.0.0.0',
    });
  });

  it('defaults to the per-user app-data folder and an OS-chosen port', () => {
    expect(parseShellOptions([])).toEqual({ dataDir: defaultDataDir(), port: 0, forceConsole: false, enginePort: 25000, engineBind: '0.0.0.0' });
  });

  it.each([['--port', 'http'], ['--port', '70000'], ['--port', '-1']])('refuses %s %s', (flag, value) => {
    expect(() => parseShellOptions([flag, value])).toThrow(/--port/);
  });

  it('refuses unknown flags on the command line but tolerates Chromium switches inside Electron', () => {
    expect(() => parseShellOptions(['--frobnicate'])).toThrow();
    expect(parseShellOptions(['--remote-debugging-port=0', '--data-dir', '/d'], false).dataDir).toBe('/d');
  });
});

describe('default data folder', () => {
  it.each([
    ['win32', { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'C:\\Users\\ann\\AppData\\Roaming\\Understudy'],
    ['linux', { XDG_CONFIG_HOME: '/home/ann/.config' }, path.join('/home/ann/.config', 'Understudy')],
  ] as const)('on %s is the platform app-data folder', (platform, env, expected) => {
    expect(defaultDataDir(env, platform)).toBe(expected);
  });
});
