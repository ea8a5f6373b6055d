import fs from 'node:fs/promises';
import path from 'node:path';
import { errnoOf, fsyncDirectory } from '../durable-fs';
import { lstatOrUndefined } from '../path-guard';

/**
 * Where the rewind journal keeps whole items a change replaced or removed: `keep/<jseq>`.
 * Moving is a rename (instant, whatever the size) when the journal and the Replica share a
 * volume; across volumes the item is copied, then removed.
 */
export class KeepArea {
  constructor(readonly dir: string) {}

  pathOf(jseq: number): string {
    return path.join(this.dir, String(jseq));
  }

  async has(jseq: number): Promise<boolean> {
    return (await lstatOrUndefined(this.pathOf(jseq))) !== undefined;
  }

  /**
   * Moves `absolutePath` in. When entry `jseq` already holds its item (a replay after a
   * crash), that first before-image stays, and what stands at the path now (re-created by
   * replaying earlier records) is removed: the change being replayed replaces or removes it.
   */
  async moveIn(jseq: number, absolutePath: string): Promise<void> {
    if (await this.has(jseq)) {
      if ((await lstatOrUndefined(absolutePath)) === undefined) return;
      await fs.rm(absolutePath, { recursive: true, force: true });
      await fsyncDirectory(path.dirname(absolutePath));
      return;
    }
    await move(absolutePath, this.pathOf(jseq));
    await fsyncDirectory(this.dir);
    await fsyncDirectory(path.dirname(absolutePath));
  }

  /** Moves the kept item back to `absolutePath`, replacing what is there; false when it was moved back already. */
  async moveOut(jseq: number, absolutePath: string): Promise<boolean> {
    if (!(await this.has(jseq))) return false;
    const there = await lstatOrUndefined(absolutePath);
    if (there?.isDirectory()) await fs.rm(absolutePath, { recursive: true, force: true });
    await fs.mkdir(path.dirname(absolutePath), { recursive: true });
    await move(this.pathOf(jseq), absolutePath);
    await fsyncDirectory(path.dirname(absolutePath));
    return true;
  }

  async discard(jseq: number): Promise<void> {
    await fs.rm(this.pathOf(jseq), { recursive: true, force: true });
  }
}

async function move(from: string, to: string): Promise<void> {
  try {
    await fs.rename(from, to);
  } catch (error) {
    if (errnoOf(error) !== 'EXDEV') throw error;
    await fs.cp(from, to, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true, errorOnExist: false, force: true });
    await fs.rm(from, { recursive: true, force: true });
  }
}

/** Bytes an item occupies: a file's size, or the sum over a directory tree. */
export async function itemBytes(absolutePath: string): Promise<number> {
  const stats = await lstatOrUndefined(absolutePath);
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.size;
  let total = 0;
  for (const entry of await fs.readdir(absolutePath)) total += await itemBytes(path.join(absolutePath, entry));
  return total;
}
