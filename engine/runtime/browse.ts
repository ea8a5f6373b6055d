import fs from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { UserError } from '../messages/user-error';
import { BrowseRequestSchema, type BrowseEntry, type BrowseReply } from './browse-model';

/** One directory of this host, folders first then files, by name: what the Directories tab and the root picker show. */
export async function browseDirectory(request: z.input<typeof BrowseRequestSchema>): Promise<BrowseReply> {
  const { path: directory, limit } = BrowseRequestSchema.parse(request);
  if (!path.isAbsolute(directory)) throw new UserError('E1001', `"${directory}" is not an absolute path on this host`);
  let names: string[];
  try {
    names = await fs.readdir(directory);
  } catch (error) {
    throw new UserError('E1002', `cannot list ${directory}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const entries: BrowseEntry[] = [];
  for (const name of names.sort()) {
    if (entries.length >= limit) break;
    const stats = await fs.lstat(path.join(directory, name)).catch(() => undefined);
    if (!stats) continue;
    const kind = stats.isDirectory() ? 'directory' : stats.isFile() ? 'file' : 'other';
    entries.push({ name, kind, size: kind === 'file' ? stats.size : 0, mtimeMs: stats.mtimeMs });
  }
  entries.sort((a, b) => (a.kind === 'directory') === (b.kind === 'directory') ? (a.name < b.name ? -1 : 1) : a.kind === 'directory' ? -1 : 1);
  return { path: directory, entries, truncated: names.length > entries.length };
}
