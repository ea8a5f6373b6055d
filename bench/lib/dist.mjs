// The built engine, for benches (they cannot import TypeScript): a clear message when it is missing.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/** The path of dist/<relative>, or exit with how to build it. */
export function distPath(bench, relative) {
  const file = path.join(projectRoot, 'dist', relative);
  if (!fs.existsSync(file)) {
    console.error(`${bench}: dist/${relative} is missing. Build first: npm run build:main`);
    process.exit(1);
  }
  return file;
}

/** require() of a built module under dist/. */
export function requireDist(bench, relative) {
  return require(distPath(bench, relative));
}
