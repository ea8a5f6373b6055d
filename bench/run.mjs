// `npm run bench -- <name>`: runs bench/<name>.mjs. Each benchmark compares us with its anchor tool in the same run.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here).filter((file) => file.endsWith('.bench.mjs')).map((file) => file.replace('.bench.mjs', ''));
const name = process.argv[2];
if (!name || !existsSync(path.join(here, `${name}.bench.mjs`))) {
  console.error(`usage: npm run bench -- <name>\navailable: ${available.length ? available.join(', ') : '(none yet)'}`);
  process.exit(2);
}
await import(pathToFileURL(path.join(here, `${name}.bench.mjs`)).href);
