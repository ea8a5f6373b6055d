import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Replaces `file` with `content` so a crash leaves either the old or the new file, never a mix. */
export async function writeFileAtomic(file: string, content: string | Uint8Array, mode = 0o644): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temp, 'w', mode);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(path.dirname(file));
}

/**
 * Makes a rename or create inside `dir` durable. Windows cannot open a directory to flush it
 * (NTFS journals directory changes itself), so there it does nothing. `missingOk`: a folder
 * removed meanwhile has nothing left to flush.
 */
export async function syncDirectory(dir: string, { missingOk = false }: { missingOk?: boolean } = {}): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!(missingOk && code === 'ENOENT')) throw error;
  } finally {
    await handle?.close();
  }
}
