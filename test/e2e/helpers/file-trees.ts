import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Every file and folder below `dir`, as relative path → "dir" or "<size> <sha256>" (sorted,
 * POSIX separators): two trees are byte-for-byte alike exactly when their snapshots are equal.
 * A missing `dir` reads as an empty tree, so a poll can start before the Replica exists.
 */
export function treeSnapshot(dir: string): Record<string, string> {
  const snapshot: Record<string, string> = {};
  const visit = (folder: string, prefix: string): void => {
    for (const entry of vanishedAsEmpty(() => fs.readdirSync(folder, { withFileTypes: true }), []).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        snapshot[relative] = 'dir';
        visit(full, relative);
      } else {
        const bytes = vanishedAsEmpty(() => fs.readFileSync(full), undefined);
        if (bytes) snapshot[relative] = `${bytes.length} ${createHash('sha256').update(bytes).digest('hex')}`;
      }
    }
  };
  visit(dir, '');
  return snapshot;
}

/** An entry removed or renamed while the tree is read (the Replica's temporary files) is simply not in this snapshot. */
function vanishedAsEmpty<T, E>(read: () => T, empty: E): T | E {
  try {
    return read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return empty;
    throw error;
  }
}

/**
 * A negative check: true when `file` stays absent for all of `ms`, checked every 100 ms;
 * false as soon as it appears. Keep `ms` short: this is the one wait that cannot be an event.
 */
export async function staysAbsent(file: string, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (fs.existsSync(file)) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !fs.existsSync(file);
}

/** Overwrites `bytes` at `offset` in place, as an application updating a block of a large file does. */
export function patchFile(file: string, offset: number, bytes: Buffer): void {
  const handle = fs.openSync(file, 'r+');
  try {
    fs.writeSync(handle, bytes, 0, bytes.length, offset);
  } finally {
    fs.closeSync(handle);
  }
}

/** A small payroll share on the "Master" (two files, one sub-folder) and an empty Replica target, under `work`. */
export function payrollFolders(work: string): { masterRoot: string; target: string } {
  const masterRoot = path.join(work, 'master', 'payroll');
  const target = path.join(work, 'replica');
  fs.mkdirSync(path.join(masterRoot, 'march'), { recursive: true });
  fs.writeFileSync(path.join(masterRoot, 'employees.csv'), 'id,name\n1,Ada\n2,Grace\n');
  fs.writeFileSync(path.join(masterRoot, 'march', 'run.txt'), 'paid\n');
  fs.mkdirSync(target);
  return { masterRoot, target };
}
