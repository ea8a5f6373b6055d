import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Every file and directory below `dir` with a content hash, in a stable order. */
export async function treeDigest(dir: string): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  const walk = async (current: string, prefix: string): Promise<void> => {
    let names: string[];
    try {
      names = (await fs.readdir(current)).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith('.understudy-tmp-')) continue;
      const full = path.join(current, name);
      const relative = prefix ? `${prefix}/${name}` : name;
      // The Replica is being written while we look: a name that vanished counts as different, and the poll retries.
      const stats = await fs.lstat(full).catch(() => undefined);
      if (stats?.isDirectory()) {
        result.set(relative, 'dir');
        await walk(full, relative);
      } else if (stats?.isFile()) {
        const content = await fs.readFile(full).catch(() => undefined);
        result.set(relative, content ? createHash('sha256').update(content).digest('hex') : 'vanished');
      }
    }
  };
  await walk(dir, '');
  return result;
}

export async function treesEqual(a: string, b: string): Promise<{ equal: boolean; difference?: string }> {
  const [left, right] = await Promise.all([treeDigest(a), treeDigest(b)]);
  for (const [key, value] of left) if (right.get(key) !== value) return { equal: false, difference: `${key}: ${value} vs ${right.get(key) ?? 'missing'}` };
  for (const key of right.keys()) if (!left.has(key)) return { equal: false, difference: `${key}: only on the Replica` };
  return { equal: true };
}

/** Polls until the trees match or the deadline passes (no fixed sleeps). */
export async function waitForConvergence(master: string, replica: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const { equal, difference } = await treesEqual(master, replica);
    if (equal) return;
    last = difference ?? '';
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Replica ${replica} did not converge on ${master}: ${last}`);
}
