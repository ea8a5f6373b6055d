import fs, { type FileHandle } from 'node:fs/promises';
import type { JournalEntryRow } from '../journal/journal-db';
import { decodeUndo, type Undo } from '../journal/undo';
import { listChildren, readNode, statNode, VirtualTree, type VirtualFile, type VirtualStat } from './virtual-tree';

/** What a snapshot view needs from the Replica it belongs to. */
export interface ViewSource {
  /** Runs `work` while no change is being applied. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Changes whenever an entry is written (a sign the view must be rebuilt). */
  position(): number;
  /** The folders the view starts from, one per root (the live Replica, or a test's baseline). */
  bases(): Promise<string[]>;
  /** The entries to undo, newest first, a page at a time. */
  entries(): Iterable<JournalEntryRow[]>;
  /** One entry's undo, read again when a read needs its bytes (they are not kept in memory). */
  undoOf(jseq: number): Undo | undefined;
  keptPath(jseq: number): string;
}

export interface SnapshotEntry extends VirtualStat {
  readonly name: string;
}

const CHUNK = 4 * 1024 * 1024;
const CACHED_UNDOS = 64;

interface OpenFile {
  builtAt: number;
  node: VirtualFile;
  size: number;
  handle: FileHandle | undefined;
}

/**
 * Reads a snapshot while replication goes on: every call runs between two applied changes and
 * first rebuilds the view if the journal moved since, so the bytes returned are always those
 * of the snapshot's moment however the live files change meanwhile. The view holds the shape
 * of what changed, not the before-image bytes: those are read from the journal on demand.
 */
export class SnapshotView {
  private tree: VirtualTree | undefined;
  private builtAt = -1;
  private readonly undos = new Map<number, Undo>();

  constructor(private readonly source: ViewSource) {}

  async stat(root: number, relativePath: string): Promise<VirtualStat | undefined> {
    return this.source.exclusive(async () => {
      const node = await (await this.current()).lookup(root, relativePath);
      return node ? statNode(node) : undefined;
    });
  }

  async list(root: number, relativePath: string): Promise<SnapshotEntry[] | undefined> {
    return this.source.exclusive(async () => {
      const node = await (await this.current()).lookup(root, relativePath);
      if (node?.kind !== 'directory') return undefined;
      const entries = [];
      for (const { name, node: item } of await listChildren(node)) entries.push({ name, ...(await statNode(item)) });
      return entries;
    });
  }

  /** The file's bytes as of the snapshot, in chunks; the source stays open while the journal does not move. */
  async *read(root: number, relativePath: string): AsyncGenerator<Buffer> {
    let open: OpenFile | undefined;
    try {
      for (let offset = 0; ; ) {
        const chunk = await this.source.exclusive(async () => {
          const tree = await this.current();
          if (open?.builtAt !== this.builtAt) {
            await open?.handle?.close();
            open = await openNode(tree, root, relativePath, this.builtAt);
          }
          return open ? readNode(open.node, open.handle, offset, CHUNK, open.size) : undefined;
        });
        if (chunk === undefined || chunk.byteLength === 0) return;
        yield chunk;
        offset += chunk.byteLength;
        if (chunk.byteLength < CHUNK) return;
      }
    } finally {
      await open?.handle?.close();
    }
  }

  /** Up to `length` bytes of the file from `offset` (a remote reader's request); empty at the end. */
  async readAt(root: number, relativePath: string, offset: number, length: number): Promise<Buffer | undefined> {
    return this.source.exclusive(async () => {
      const open = await openNode(await this.current(), root, relativePath, this.builtAt);
      if (!open) return undefined;
      try {
        return await readNode(open.node, open.handle, offset, length, open.size);
      } finally {
        await open.handle?.close();
      }
    });
  }

  private async current(): Promise<VirtualTree> {
    const position = this.source.position();
    if (this.tree && position === this.builtAt) return this.tree;
    this.undos.clear();
    const tree = VirtualTree.over(await this.source.bases(), (jseq, index) => this.patchBytes(jseq, index));
    for (const page of this.source.entries()) {
      for (const entry of page) await tree.undo(entry.root, entry.jseq, decodeUndo(entry.undo), this.source.keptPath(entry.jseq));
    }
    this.tree = tree;
    this.builtAt = position;
    return tree;
  }

  private patchBytes(jseq: number, index: number): Uint8Array {
    let undo = this.undos.get(jseq);
    if (!undo) {
      undo = this.source.undoOf(jseq);
      if (this.undos.size >= CACHED_UNDOS) this.undos.delete(this.undos.keys().next().value ?? jseq);
      if (undo) this.undos.set(jseq, undo);
    }
    const range = undo?.k === 'patch' ? undo.ranges[index] : undefined;
    if (!range) throw new Error(`rewind journal entry ${jseq} no longer holds the bytes a snapshot needs`);
    return range.data;
  }
}

async function openNode(tree: VirtualTree, root: number, relativePath: string, builtAt: number): Promise<OpenFile | undefined> {
  const node = await tree.lookup(root, relativePath);
  if (node?.kind !== 'file') return undefined;
  const { size } = await statNode(node);
  const handle = node.source === undefined ? undefined : await fs.open(node.source, 'r');
  return { builtAt, node, size, handle };
}
