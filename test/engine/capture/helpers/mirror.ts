import { constants } from 'node:fs';
import { chmod, lstat, mkdir, open, readdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChangeRecord } from '../../../../engine/replication/change-record';

/**
 * A tiny test-local applier (the real one lives in engine/replica/): applies ChangeRecords
 * to a mirror folder, so tests can check the records rebuild the source byte for byte.
 */
export async function applyRecord(mirrorRoot: string, record: ChangeRecord): Promise<void> {
  const at = (relPath: string): string => path.join(mirrorRoot, ...relPath.split('/'));
  const setAttrs = async (target: string, mtimeMs: number, mode: number): Promise<void> => {
    await chmod(target, mode);
    await utimes(target, mtimeMs / 1000, mtimeMs / 1000);
  };
  switch (record.op) {
    case 'mkdir':
      await mkdir(at(record.path), { recursive: true });
      await setAttrs(at(record.path), record.mtimeMs, record.mode);
      return;
    case 'put': {
      const target = at(record.path);
      await mkdir(path.dirname(target), { recursive: true });
      const temporary = path.join(path.dirname(target), `.understudy-tmp-${process.pid}-${Math.random().toString(16).slice(2)}`);
      await writeFile(temporary, record.data);
      await setAttrs(temporary, record.mtimeMs, record.mode);
      await rename(temporary, target);
      return;
    }
    case 'write': {
      const target = at(record.path);
      await mkdir(path.dirname(target), { recursive: true });
      const handle = await open(target, constants.O_RDWR | constants.O_CREAT, 0o600);
      try {
        for (const range of record.ranges) await handle.write(range.data, 0, range.data.byteLength, range.offset);
        await handle.truncate(record.size);
      } finally {
        await handle.close();
      }
      await setAttrs(target, record.mtimeMs, record.mode);
      return;
    }
    case 'remove':
      await rm(at(record.path), { recursive: true, force: true });
      return;
    case 'rename':
      await mkdir(path.dirname(at(record.to)), { recursive: true });
      await rm(at(record.to), { recursive: true, force: true });
      await rename(at(record.from), at(record.to));
      return;
    case 'attrs':
      await setAttrs(at(record.path), record.mtimeMs, record.mode);
      return;
  }
}

/** Every entry under `root` as 'dir' or the file's bytes, keyed by '/'-separated relative path. */
export async function readTree(root: string): Promise<Map<string, 'dir' | Buffer>> {
  const tree = new Map<string, 'dir' | Buffer>();
  const walk = async (dir: string, prefix: string): Promise<void> => {
    for (const name of (await readdir(dir)).sort()) {
      if (name.startsWith('.understudy-tmp-')) continue;
      const full = path.join(dir, name);
      const relPath = prefix ? `${prefix}/${name}` : name;
      const stats = await lstat(full);
      if (stats.isDirectory()) {
        tree.set(relPath, 'dir');
        await walk(full, relPath);
      } else if (stats.isFile()) {
        tree.set(relPath, await readFile(full));
      }
    }
  };
  await walk(root, '');
  return tree;
}

/** Differences between two trees, described for an assertion message ([] when equal). */
export async function treeDifferences(source: string, mirror: string): Promise<string[]> {
  const [left, right] = await Promise.all([readTree(source), readTree(mirror).catch(() => new Map<string, 'dir' | Buffer>())]);
  const differences: string[] = [];
  for (const [relPath, value] of left) {
    const other = right.get(relPath);
    if (other === undefined) differences.push(`missing in mirror: ${relPath}`);
    else if (value === 'dir' || other === 'dir') {
      if (value !== other) differences.push(`kind differs: ${relPath}`);
    } else if (!value.equals(other)) differences.push(`content differs: ${relPath}`);
  }
  for (const relPath of right.keys()) if (!left.has(relPath)) differences.push(`extra in mirror: ${relPath}`);
  return differences;
}
