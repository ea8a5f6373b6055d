import fs, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { lstatOrUndefined } from '../path-guard';
import { isTempFileName } from '../temp-files';
import type { Undo } from '../journal/undo';

/**
 * A Replica's files as they were at an earlier journal position, without copying anything:
 * the live tree (or a kept item) seen through the undos of every later entry, replayed newest
 * first onto nodes in memory. Only paths those entries touch get nodes; everything else
 * resolves lazily to the real file or folder it came from.
 */
/** Bytes an older state had at `offset`; loaded from the journal only when a read needs them. */
export interface Patch {
  readonly offset: number;
  readonly length: number;
  load(): Uint8Array;
}

/** The before-image bytes of range `index` of entry `jseq`. */
export type PatchLoader = (jseq: number, index: number) => Uint8Array;

export interface VirtualFile {
  readonly kind: 'file';
  readonly source: string | undefined;
  /** Applied in order over the source's bytes: each older undo's bytes win over newer ones. */
  patches: Patch[];
  size?: number;
  mtimeMs?: number;
  mode?: number;
}

export interface VirtualDirectory {
  readonly kind: 'directory';
  readonly source: string | undefined;
  /** Names whose node differs from the source folder's entry (null: absent at that time). */
  readonly overrides: Map<string, VirtualNode | null>;
  mtimeMs?: number;
  mode?: number;
}

export type VirtualNode = VirtualFile | VirtualDirectory;

export interface VirtualStat {
  readonly kind: 'file' | 'directory';
  readonly size: number;
  readonly mtimeMs: number;
  readonly mode: number;
}

export async function nodeFromDisk(absolutePath: string): Promise<VirtualNode | null> {
  const stats = await lstatOrUndefined(absolutePath);
  if (stats?.isDirectory()) return { kind: 'directory', source: absolutePath, overrides: new Map() };
  if (stats?.isFile()) return { kind: 'file', source: absolutePath, patches: [] };
  return null;
}

export class VirtualTree {
  private constructor(
    private readonly roots: readonly VirtualDirectory[],
    private readonly loader: PatchLoader,
  ) {}

  static over(bases: readonly string[], loader: PatchLoader): VirtualTree {
    return new VirtualTree(
      bases.map((base) => ({ kind: 'directory', source: base, overrides: new Map() })),
      loader,
    );
  }

  async lookup(root: number, relativePath: string): Promise<VirtualNode | null> {
    let node: VirtualNode | null = this.roots[root] ?? null;
    if (relativePath === '') return node;
    for (const name of relativePath.split('/')) {
      if (node?.kind !== 'directory') return null;
      node = await child(node, name);
    }
    return node;
  }

  async set(root: number, relativePath: string, node: VirtualNode | null): Promise<void> {
    const segments = relativePath.split('/');
    const name = segments.pop() ?? '';
    let parent: VirtualNode | null = this.roots[root] ?? null;
    for (const segment of segments) {
      if (parent?.kind !== 'directory') return;
      let next = await child(parent, segment);
      if (next?.kind !== 'directory') {
        next = { kind: 'directory', source: undefined, overrides: new Map() };
        parent.overrides.set(segment, next);
      }
      parent = next;
    }
    if (parent?.kind === 'directory') parent.overrides.set(name, node);
  }

  /** Replays entry `jseq`'s undo onto the view (see Undo for what each kind means). */
  async undo(root: number, jseq: number, undo: Undo, kept: string): Promise<void> {
    switch (undo.k) {
      case 'remove-created':
        return this.set(root, undo.path, null);
      case 'restore-kept':
        return this.set(root, undo.path, await nodeFromDisk(kept));
      case 'patch': {
        const node = await this.lookup(root, undo.path);
        if (node?.kind !== 'file') return;
        const load = this.loader;
        node.patches.push(...undo.ranges.map((range, index) => ({ offset: range.offset, length: range.data.byteLength, load: () => load(jseq, index) })));
        node.size = undo.size;
        node.mtimeMs = undo.mtimeMs;
        node.mode = undo.mode;
        return;
      }
      case 'rename-back': {
        const moved = await this.lookup(root, undo.to);
        await this.set(root, undo.from, moved);
        await this.set(root, undo.to, undo.toKept ? await nodeFromDisk(kept) : null);
        if (undo.created !== undefined) await this.set(root, undo.created, null);
        return;
      }
      case 'attrs': {
        const node = await this.lookup(root, undo.path);
        if (!node) return;
        node.mtimeMs = undo.mtimeMs;
        node.mode = undo.mode;
        return;
      }
    }
  }
}

async function child(directory: VirtualDirectory, name: string): Promise<VirtualNode | null> {
  const known = directory.overrides.get(name);
  if (known !== undefined) return known;
  if (directory.source === undefined || isTempFileName(name)) return null;
  const node = await nodeFromDisk(path.join(directory.source, name));
  directory.overrides.set(name, node);
  return node;
}

/** The items of a virtual folder, sorted by name. */
export async function listChildren(directory: VirtualDirectory): Promise<{ name: string; node: VirtualNode }[]> {
  const names = new Set<string>();
  if (directory.source !== undefined) {
    for (const name of await fs.readdir(directory.source).catch(() => [])) if (!isTempFileName(name)) names.add(name);
  }
  for (const [name, node] of directory.overrides) {
    if (node === null) names.delete(name);
    else names.add(name);
  }
  const present = [];
  for (const name of [...names].sort()) {
    const node = await child(directory, name);
    if (node !== null) present.push({ name, node });
  }
  return present;
}

export async function statNode(node: VirtualNode): Promise<VirtualStat> {
  const stats = node.source === undefined ? undefined : await lstatOrUndefined(node.source);
  const size = node.kind === 'file' ? (node.size ?? stats?.size ?? 0) : 0;
  return { kind: node.kind, size, mtimeMs: node.mtimeMs ?? stats?.mtimeMs ?? 0, mode: node.mode ?? (stats ? stats.mode & 0o7777 : 0o755) };
}

/**
 * Up to `length` bytes of the file as of the view, from `offset`: the source's bytes (read
 * through `handle`, opened on `node.source`), zeros past its end, the patches on top.
 */
export async function readNode(node: VirtualFile, handle: FileHandle | undefined, offset: number, length: number, size: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(Math.max(0, Math.min(length, size - offset)));
  let done = 0;
  while (handle && done < buffer.byteLength) {
    const { bytesRead } = await handle.read(buffer, done, buffer.byteLength - done, offset + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  buffer.fill(0, done);
  const end = offset + buffer.byteLength;
  for (const patch of node.patches) {
    const from = Math.max(offset, patch.offset);
    const to = Math.min(end, patch.offset + patch.length);
    if (from < to) buffer.set(patch.load().subarray(from - patch.offset, to - patch.offset), from - offset);
  }
  return buffer;
}
