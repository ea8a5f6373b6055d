import fs from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../messages/user-error';
import type { SnapshotExportReply } from '../protection-model';
import type { SnapshotView } from './snapshot-view';
import type { RootPath } from './snapshot-paths';

/** Refuses a destination that is not absolute, is inside Replica data, or is a folder with something in it. */
export async function checkExportDestination(destination: string, replicaTargets: readonly string[]): Promise<string> {
  if (!path.isAbsolute(destination)) throw new UserError('E1509', `"${destination}" is not an absolute path`);
  const resolved = path.resolve(destination);
  for (const target of replicaTargets) {
    const real = await fs.realpath(target).catch(() => target);
    for (const base of [target, real]) {
      if (resolved === base || resolved.startsWith(`${base}${path.sep}`) || base.startsWith(`${resolved}${path.sep}`)) {
        throw new UserError('E1509', `"${destination}" overlaps the Replica data folder ${base}`);
      }
    }
  }
  const existing = await fs.readdir(resolved).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : Promise.reject(error)));
  if (existing.length > 0) throw new UserError('E1509', `"${destination}" is not empty`);
  return resolved;
}

/**
 * Copies a subtree of a snapshot out to `destination` as ordinary read-only files with their
 * snapshot times, for tools that need a folder (replication keeps running meanwhile).
 */
export async function exportSnapshotTree(view: SnapshotView, from: RootPath, destination: string): Promise<SnapshotExportReply> {
  const stats = await view.stat(from.root, from.relative);
  if (!stats) throw new UserError('E1509', `"${from.relative || '/'}" does not exist in the snapshot`);
  const totals = { files: 0, directories: 0, bytes: 0 };
  if (stats.kind === 'file') {
    await fs.mkdir(destination, { recursive: true });
    await copyFile(view, from.root, from.relative, path.join(destination, path.posix.basename(from.relative)), stats.mtimeMs, totals);
  } else {
    await copyDirectory(view, from.root, from.relative, destination, totals);
  }
  return { ...totals, destination };
}

async function copyDirectory(view: SnapshotView, root: number, relative: string, destination: string, totals: { files: number; directories: number; bytes: number }): Promise<void> {
  await fs.mkdir(destination, { recursive: true });
  totals.directories += 1;
  for (const entry of (await view.list(root, relative)) ?? []) {
    const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
    const target = path.join(destination, entry.name);
    if (entry.kind === 'directory') await copyDirectory(view, root, child, target, totals);
    else await copyFile(view, root, child, target, entry.mtimeMs, totals);
  }
}

async function copyFile(view: SnapshotView, root: number, relative: string, target: string, mtimeMs: number, totals: { files: number; bytes: number }): Promise<void> {
  const handle = await fs.open(target, 'wx', 0o644);
  try {
    for await (const chunk of view.read(root, relative)) {
      await handle.write(chunk);
      totals.bytes += chunk.byteLength;
    }
  } finally {
    await handle.close();
  }
  await fs.utimes(target, mtimeMs / 1000, mtimeMs / 1000);
  await fs.chmod(target, 0o444);
  totals.files += 1;
}
