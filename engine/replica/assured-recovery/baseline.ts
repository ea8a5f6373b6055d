import type { Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../util/atomic-file';
import { isTempFileName } from '../temp-files';

/**
 * The Replica as it was when an Assured Recovery test began: a copy of every file (a
 * copy-on-write clone where the volume supports it, a plain copy otherwise) and a manifest
 * of what each item looked like, so the test's changes can be found and rolled back however
 * the application made them.
 */
export const BaselineItemSchema = z.object({
  kind: z.enum(['file', 'directory']),
  size: z.number(),
  mtimeMs: z.number(),
  ctimeMs: z.number(),
  ino: z.number(),
  mode: z.number(),
});
export type BaselineItem = z.infer<typeof BaselineItemSchema>;

/** Per root: relative path → item ('' is the root folder itself). */
export const ManifestSchema = z.array(z.record(z.string(), BaselineItemSchema));
export type Manifest = z.infer<typeof ManifestSchema>;

export function baselineRoot(baseDir: string, root: number): string {
  return path.join(baseDir, String(root));
}

export function describeStats(stats: Stats): BaselineItem {
  return {
    kind: stats.isDirectory() ? 'directory' : 'file',
    size: stats.isDirectory() ? 0 : stats.size,
    mtimeMs: stats.mtimeMs,
    ctimeMs: stats.ctimeMs,
    ino: stats.ino,
    mode: stats.mode & 0o7777,
  };
}

/** Copies every target into `baseDir/<root>` and writes the manifest last (its presence means the baseline is complete). */
export async function captureBaseline(targets: readonly string[], baseDir: string): Promise<Manifest> {
  await fs.rm(baseDir, { recursive: true, force: true });
  const manifest: Manifest = [];
  for (const [index, target] of targets.entries()) {
    const items: Record<string, BaselineItem> = {};
    await copyTree(target, baselineRoot(baseDir, index), '', items);
    manifest.push(items);
  }
  await writeFileAtomic(path.join(baseDir, 'manifest.json'), JSON.stringify(manifest), 0o600);
  return manifest;
}

async function copyTree(source: string, destination: string, relative: string, items: Record<string, BaselineItem>): Promise<void> {
  const stats = await fs.lstat(source);
  items[relative] = describeStats(stats);
  await fs.mkdir(destination, { recursive: true, mode: 0o700 });
  for (const name of await fs.readdir(source)) {
    if (isTempFileName(name)) continue;
    const from = path.join(source, name);
    const to = path.join(destination, name);
    const child = relative === '' ? name : `${relative}/${name}`;
    const childStats = await fs.lstat(from);
    if (childStats.isDirectory()) await copyTree(from, to, child, items);
    else if (childStats.isFile()) {
      await fs.copyFile(from, to, fs.constants.COPYFILE_FICLONE);
      items[child] = describeStats(childStats);
    }
  }
}

export async function readManifest(baseDir: string): Promise<Manifest | undefined> {
  try {
    return ManifestSchema.parse(JSON.parse(await fs.readFile(path.join(baseDir, 'manifest.json'), 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Whether the live item is still exactly the one the baseline recorded. Pure. */
export function unchanged(before: BaselineItem, now: BaselineItem): boolean {
  if (before.kind !== now.kind) return false;
  if (before.kind === 'directory') return now.mode === before.mode;
  return now.size === before.size && now.mtimeMs === before.mtimeMs && now.ctimeMs === before.ctimeMs && now.ino === before.ino && now.mode === before.mode;
}
