import fs from 'node:fs';
import path from 'node:path';

/**
 * The desktop app needs better-sqlite3 compiled for Electron's ABI, while tests and the
 * console host need it for Node's. Rather than flip node_modules back and forth, build an
 * Electron copy once per Electron version beside it and hand its path to the main process
 * (better-sqlite3's `nativeBinding` option). Packaged builds get theirs from electron-builder.
 */
export async function ensureElectronSqlite(appRoot: string, electronVersion: string): Promise<string> {
  const buildRoot = path.join(appRoot, '.cache', 'electron-native', electronVersion);
  const moduleDir = path.join(buildRoot, 'node_modules', 'better-sqlite3');
  const binding = path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
  if (fs.existsSync(binding)) return binding;

  fs.rmSync(buildRoot, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(moduleDir), { recursive: true });
  fs.cpSync(path.join(appRoot, 'node_modules', 'better-sqlite3'), moduleDir, {
    recursive: true,
    filter: (source) => !source.includes(`${path.sep}build${path.sep}`) && !source.endsWith(`${path.sep}build`),
  });
  fs.writeFileSync(path.join(buildRoot, 'package.json'), JSON.stringify({ name: 'electron-native', private: true, dependencies: { 'better-sqlite3': '*' } }));
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: buildRoot, electronVersion, onlyModules: ['better-sqlite3'], force: true });
  if (!fs.existsSync(binding)) throw new Error(`the rebuild finished but ${binding} is missing`);
  return binding;
}

export function installedElectronVersion(appRoot: string): string {
  const manifest: unknown = JSON.parse(fs.readFileSync(path.join(appRoot, 'node_modules', 'electron', 'package.json'), 'utf8'));
  if (typeof manifest === 'object' && manifest !== null && 'version' in manifest && typeof manifest.version === 'string') return manifest.version;
  throw new Error('node_modules/electron/package.json has no version');
}
