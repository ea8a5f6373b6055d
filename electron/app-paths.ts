import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const PackageSchema = z.object({ name: z.literal('understudy'), version: z.string() });

/** The folder holding our package.json, found from wherever this file runs (source, dist/ or a packaged app). */
export function findAppRoot(start: string = __dirname): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate) && PackageSchema.safeParse(JSON.parse(fs.readFileSync(candidate, 'utf8'))).success) return dir;
    if (path.dirname(dir) === dir) throw new Error(`Understudy's package.json not found above ${start}`);
  }
}

export function appVersion(root: string = findAppRoot()): string {
  return PackageSchema.parse(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))).version;
}

/** The built renderer (vite build output). */
export function rendererDir(root: string = findAppRoot()): string {
  return path.join(root, 'dist', 'renderer');
}
