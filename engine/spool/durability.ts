import { open, type FileHandle } from 'node:fs/promises';

/**
 * Every fsync the spool makes goes through here, so the count is one number that tests
 * and benchmarks can read (group commit is only real if syncs ≪ appends) and so the
 * platform difference for directories lives in one place.
 */
export class Durability {
  private count = 0;

  get syncs(): number {
    return this.count;
  }

  /**
   * Data and size of a file on stable storage. fdatasync is enough: an append changes the
   * size, which fdatasync flushes; timestamps need not survive.
   */
  async syncFile(handle: FileHandle): Promise<void> {
    await handle.datasync();
    this.count++;
  }

  /**
   * Makes created, renamed and removed names in `dir` durable. POSIX needs an fsync of the
   * directory for that; Windows cannot open a directory as a file from Node and NTFS
   * journals its metadata, so there it is a no-op.
   */
  async syncDir(dir: string): Promise<void> {
    if (process.platform === 'win32') return;
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
      this.count++;
    } finally {
      await handle.close();
    }
  }
}
