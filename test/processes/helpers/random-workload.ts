import fs from 'node:fs';
import path from 'node:path';

/** Deterministic pseudo-random numbers (mulberry32), so a failing workload can be replayed from its seed. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function bytes(random: () => number, length: number): Buffer {
  const data = Buffer.allocUnsafe(length);
  for (let i = 0; i < length; i += 1) data[i] = Math.floor(random() * 256);
  return data;
}

function listing(root: string): { files: string[]; dirs: string[] } {
  const files: string[] = [];
  const dirs: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        dirs.push(full);
        walk(full);
      } else files.push(full);
    }
  };
  walk(root);
  return { files, dirs };
}

/**
 * Random file-system activity under `root`: create, append, overwrite ranges, truncate,
 * rename files and directories, delete — what a file server sees, compressed in time.
 */
export async function randomWorkload(root: string, seed: number, operations: number): Promise<void> {
  const random = prng(seed);
  const pick = <T>(items: T[]): T | undefined => items[Math.floor(random() * items.length)];
  let counter = 0;
  for (let step = 0; step < operations; step += 1) {
    const { files, dirs } = listing(root);
    const choice = random();
    const dir = random() < 0.5 ? root : (pick(dirs) ?? root);
    try {
      if (choice < 0.22 || files.length === 0) {
        fs.writeFileSync(path.join(dir, `file-${seed}-${counter++}.dat`), bytes(random, Math.floor(random() * 200_000)));
      } else if (choice < 0.32) {
        fs.mkdirSync(path.join(dir, `dir-${seed}-${counter++}`));
      } else if (choice < 0.47) {
        const file = pick(files);
        if (file) fs.appendFileSync(file, bytes(random, 1 + Math.floor(random() * 20_000)));
      } else if (choice < 0.62) {
        const file = pick(files);
        if (file) {
          const size = fs.statSync(file).size;
          const handle = fs.openSync(file, 'r+');
          fs.writeSync(handle, bytes(random, 1 + Math.floor(random() * 5000)), 0, undefined, Math.floor(random() * (size + 1)));
          fs.closeSync(handle);
        }
      } else if (choice < 0.69) {
        const file = pick(files);
        if (file) fs.truncateSync(file, Math.floor(random() * fs.statSync(file).size));
      } else if (choice < 0.78) {
        const file = pick(files);
        if (file) fs.renameSync(file, path.join(random() < 0.5 ? root : (pick(dirs) ?? root), `moved-${seed}-${counter++}.dat`));
      } else if (choice < 0.84) {
        const moved = pick(dirs);
        if (moved) fs.renameSync(moved, path.join(root, `moved-dir-${seed}-${counter++}`));
      } else if (choice < 0.94) {
        const file = pick(files);
        if (file) fs.rmSync(file);
      } else {
        const removed = pick(dirs);
        if (removed) fs.rmSync(removed, { recursive: true });
      }
    } catch (error) {
      // A path picked from the listing may be inside a directory renamed or removed by this
      // same workload a moment ago; that is part of the chaos, not a test failure.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (step % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}
