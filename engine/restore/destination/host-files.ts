import fs from 'node:fs/promises';
import { UserError } from '../../messages/user-error';
import { resolveBelowRealRoot } from '../../replica/path-guard';
import path from 'node:path';
import { isTempFileName } from '../../replica/temp-files';

/**
 * Reading a folder tree of this host for a copy to another engine ("send to Master" after a
 * restore to a Replica): paged listing and ranged reads, each path checked to stay below the
 * given root without following links.
 */
export interface HostEntry {
  name: string;
  kind: 'file' | 'directory';
  size: number;
  mtimeMs: number;
  mode: number;
}

/** One page of a folder's files and folders by name (links and devices are skipped), after the name `after`. */
export async function listBelow(root: string, relative: string, after: string | undefined, limit: number): Promise<{ entries: HostEntry[]; more: boolean }> {
  const full = await resolvedPath(root, relative);
  const names = (await fs.readdir(full)).filter((name) => !isTempFileName(name) && (after === undefined || name > after)).sort();
  const entries: HostEntry[] = [];
  let index = 0;
  for (; index < names.length && entries.length < limit; index += 1) {
    const name = names[index] ?? '';
    const stats = await fs.lstat(path.join(full, name)).catch(() => undefined);
    if (!stats || !(stats.isFile() || stats.isDirectory())) continue;
    entries.push({ name, kind: stats.isFile() ? 'file' : 'directory', size: stats.isFile() ? stats.size : 0, mtimeMs: stats.mtimeMs, mode: stats.mode & 0o7777 });
  }
  return { entries, more: index < names.length };
}

export async function readBelow(root: string, relative: string, offset: number, length: number): Promise<{ data: Buffer }> {
  const handle = await fs.open(await resolvedPath(root, relative), 'r');
  try {
    const data = Buffer.alloc(length);
    const { bytesRead } = await handle.read(data, 0, length, offset);
    return { data: data.subarray(0, bytesRead) };
  } finally {
    await handle.close();
  }
}

async function resolvedPath(root: string, relative: string): Promise<string> {
  let realRoot: string;
  try {
    realRoot = await fs.realpath(root);
  } catch (error) {
    throw new UserError('E3383', `${root}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return relative === '' ? realRoot : resolveBelowRealRoot(realRoot, relative);
}
