import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ChangeRecord } from '../../../../engine/replication/change-record';
export { prng as seededRandom } from '../../../processes/helpers/random-workload';

/**
 * Generates change records against a model of the tree they build, covering every operation:
 * new and replacing puts, in-place writes that grow and shrink files, removals of files and
 * whole folders, renames of files and folders (onto new names and over existing files),
 * mkdir and attrs.
 */
export class RandomWorkload {
  private readonly files = new Set<string>();
  private readonly dirs = new Set<string>();
  private readonly sizes = new Map<string, number>();
  private names = 0;

  constructor(private readonly random: () => number) {}

  next(): ChangeRecord {
    const roll = this.random();
    const file = this.pick([...this.files]);
    const dir = this.pick([...this.dirs]);
    if (roll < 0.15 || !file) return this.put(this.newPath());
    if (roll < 0.25) return this.put(file);
    if (roll < 0.45) return this.write(file);
    if (roll < 0.52) return this.mkdir();
    if (roll < 0.6) return this.remove(file);
    if (roll < 0.64 && dir) return this.remove(dir);
    if (roll < 0.72) return this.rename(file, this.random() < 0.3 ? (this.pick([...this.files].filter((other) => other !== file)) ?? this.newPath()) : this.newPath());
    if (roll < 0.78 && dir) return this.renameDir(dir);
    return { op: 'attrs', root: 0, path: file, mtimeMs: this.mtime(), mode: this.random() < 0.5 ? 0o640 : 0o600 };
  }

  private pick<T>(items: readonly T[]): T | undefined {
    return items.length === 0 ? undefined : items[Math.floor(this.random() * items.length)];
  }

  private mtime(): number {
    return 1_700_000_000_000 + Math.floor(this.random() * 1e9);
  }

  private bytes(count: number): Buffer {
    return Buffer.from(Array.from({ length: count }, () => Math.floor(this.random() * 256)));
  }

  private newPath(): string {
    const dir = this.random() < 0.6 ? this.pick([...this.dirs]) : undefined;
    const name = `f${this.names++}.bin`;
    return dir ? `${dir}/${name}` : name;
  }

  private put(target: string): ChangeRecord {
    const size = Math.floor(this.random() * 3000);
    this.files.add(target);
    this.sizes.set(target, size);
    return { op: 'put', root: 0, path: target, data: this.bytes(size), mtimeMs: this.mtime(), mode: 0o644 };
  }

  private write(target: string): ChangeRecord {
    const oldSize = this.sizes.get(target) ?? 0;
    const size = Math.max(0, oldSize + Math.floor((this.random() - 0.4) * 2000));
    const ranges = Array.from({ length: 1 + Math.floor(this.random() * 3) }, () => {
      const offset = Math.floor(this.random() * (size + 1));
      return { offset, data: this.bytes(Math.min(size - offset, Math.floor(this.random() * 700))) };
    });
    this.sizes.set(target, size);
    return { op: 'write', root: 0, path: target, ranges, size, mtimeMs: this.mtime(), mode: 0o644 };
  }

  private mkdir(): ChangeRecord {
    const parent = this.random() < 0.5 ? this.pick([...this.dirs]) : undefined;
    const name = `d${this.names++}`;
    const dir = parent ? `${parent}/${name}` : name;
    this.dirs.add(dir);
    return { op: 'mkdir', root: 0, path: dir, mtimeMs: this.mtime(), mode: 0o755 };
  }

  private remove(target: string): ChangeRecord {
    this.forgetUnder(target);
    return { op: 'remove', root: 0, path: target };
  }

  private rename(from: string, to: string): ChangeRecord {
    this.files.delete(from);
    this.files.add(to);
    this.sizes.set(to, this.sizes.get(from) ?? 0);
    this.sizes.delete(from);
    return { op: 'rename', root: 0, from, to };
  }

  private renameDir(from: string): ChangeRecord {
    const to = `d${this.names++}`;
    const move = (item: string): string => (item === from ? to : `${to}/${item.slice(from.length + 1)}`);
    const under = (item: string): boolean => item === from || item.startsWith(`${from}/`);
    for (const item of [...this.dirs].filter(under)) {
      this.dirs.delete(item);
      this.dirs.add(move(item));
    }
    for (const item of [...this.files].filter(under)) {
      this.files.delete(item);
      this.files.add(move(item));
      this.sizes.set(move(item), this.sizes.get(item) ?? 0);
    }
    return { op: 'rename', root: 0, from, to };
  }

  private forgetUnder(target: string): void {
    const under = (item: string): boolean => item === target || item.startsWith(`${target}/`);
    for (const item of [...this.files].filter(under)) this.files.delete(item);
    for (const item of [...this.dirs].filter(under)) this.dirs.delete(item);
  }
}

/** Every file and folder below `root` with a content hash and mode: what two states are compared by. */
export function treeState(root: string): Record<string, string> {
  const state: Record<string, string> = {};
  const walk = (dir: string, prefix: string): void => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const relative = prefix === '' ? name : `${prefix}/${name}`;
      const stats = fs.lstatSync(full);
      if (stats.isDirectory()) {
        state[relative] = 'dir';
        walk(full, relative);
      } else {
        state[relative] = `file ${(stats.mode & 0o777).toString(8)} ${createHash('sha256').update(fs.readFileSync(full)).digest('hex').slice(0, 16)}`;
      }
    }
  };
  walk(root, '');
  return state;
}
