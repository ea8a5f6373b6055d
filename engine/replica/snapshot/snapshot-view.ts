import type { JournalEntryRow } from '../journal/journal-db';
import { decodeUndo } from '../journal/undo';
import { listChildren, readNode, statNode, VirtualTree, type VirtualStat } from './virtual-tree';

/** What a snapshot view needs from the Replica it belongs to. */
export interface ViewSource {
  /** Runs `work` while no change is being applied. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Changes whenever an entry is written (a sign the view must be rebuilt). */
  position(): number;
  /** The folders the view starts from, one per root (the live Replica, or a test's baseline). */
  bases(): Promise<string[]>;
  /** The entries to undo, newest first. */
  entries(): JournalEntryRow[];
  keptPath(jseq: number): string;
}

export interface SnapshotEntry extends VirtualStat {
  readonly name: string;
}

const CHUNK = 1024 * 1024;

/**
 * Reads a snapshot while replication goes on: every call runs between two applied changes and
 * first rebuilds the view if the journal moved since, so the bytes returned are always those
 * of the snapshot's moment however the live files change meanwhile.
 */
export class SnapshotView {
  private tree: VirtualTree | undefined;
  private builtAt = -1;

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

  /** The file's bytes as of the snapshot, in chunks. */
  async *read(root: number, relativePath: string): AsyncGenerator<Buffer> {
    for (let offset = 0; ; ) {
      const chunk = await this.source.exclusive(async () => {
        const node = await (await this.current()).lookup(root, relativePath);
        if (node?.kind !== 'file') return undefined;
        const { size } = await statNode(node);
        return readNode(node, offset, CHUNK, size);
      });
      if (chunk === undefined || chunk.byteLength === 0) return;
      yield chunk;
      offset += chunk.byteLength;
      if (chunk.byteLength < CHUNK) return;
    }
  }

  private async current(): Promise<VirtualTree> {
    const position = this.source.position();
    if (this.tree && position === this.builtAt) return this.tree;
    const tree = VirtualTree.over(await this.source.bases());
    for (const entry of this.source.entries()) await tree.undo(entry.root, decodeUndo(entry.undo), this.source.keptPath(entry.jseq));
    this.tree = tree;
    this.builtAt = position;
    return tree;
  }
}
