import path from 'node:path';
import type { Connection } from '../../transport/connection';
import type { TreeEntry } from '../../replica/tree-listing';
import { comparePaths } from '../../replica/tree-listing';
import { walkPrefix } from '../walk-prefix';
import type { SyncProgress } from '../live-status';
import { ListPageSchema, type ListEntry } from '../wire';
import { diffFile } from '../../capture/file-differ';
import { recordDataBytes } from '../change-record';
import { sendFileByBlocks, type SentFile } from './block-transfer';
import { SyncBatch } from './sync-batch';
import type { IndexedStat, SyncHost } from './sync-host';


export interface SyncReportLine {
  action: 'sent' | 'patched' | 'removed' | 'created-directory';
  root: number;
  path: string;
  bytes: number;
}

const PAGE = 2000;
const MAX_CATCH_UP_PASSES = 3;
const MAX_FINAL_PASSES = 5;

/**
 * Brings one Replica in line with the Master while capture keeps running. Paths that change
 * meanwhile are marked dirty (by the runner) and synchronized again; the last pass runs with
 * capture flushes held off, so at the moment the Replica switches to records its copy equals
 * the index those records are computed against. Nothing the Master writes during the
 * synchronization is lost, and nothing is shipped twice.
 */
export class Synchronizer {
  readonly progress: SyncProgress = { filesCompared: 0, filesSent: 0, bytesSent: 0, removed: 0 };
  private readonly dirty = new Map<string, { root: number; path: string }>();

  constructor(
    private readonly host: SyncHost,
    private readonly connection: Connection,
    private readonly report: (line: SyncReportLine) => void,
    private readonly directorySynchronized: (root: string) => void = () => undefined,
  ) {}

  markDirty(root: number, relativePath: string): void {
    this.dirty.set(`${root}\u0000${relativePath}`, { root, path: relativePath });
  }

  /** Runs the whole synchronization; `switchToRecords` is called under the exclusive gate once the copy is exact. */
  async run(switchToRecords: () => Promise<void>): Promise<void> {
    for (let root = 0; root < this.host.roots.length; root += 1) {
      await this.syncPrefix(root, '');
      this.directorySynchronized(this.host.roots[root] ?? '');
    }
    for (let pass = 0; pass < MAX_CATCH_UP_PASSES && this.dirty.size > 0; pass += 1) await this.syncDirty();
    await this.host.gate.runExclusive(async () => {
      for (let pass = 0; pass < MAX_FINAL_PASSES && this.dirty.size > 0; pass += 1) await this.syncDirty();
      if (this.dirty.size > 0) throw new Error(`${this.dirty.size} path(s) kept changing while synchronizing; retrying`);
      await switchToRecords();
    });
  }

  private async syncDirty(): Promise<void> {
    const paths = [...this.dirty.values()];
    this.dirty.clear();
    for (const { root, path: relativePath } of paths) await this.syncPrefix(root, relativePath);
  }

  /** Merge-joins the Master's and the Replica's listings of `prefix` (both in comparePaths order). */
  private async syncPrefix(root: number, prefix: string): Promise<void> {
    const rootDir = this.host.roots[root];
    if (rootDir === undefined) return;
    const master = walkPrefix(prefix === '' ? rootDir : path.join(rootDir, ...prefix.split('/')), prefix);
    const replica = this.replicaListing(root, prefix);
    const batch = new SyncBatch(this.connection);
    let removedPrefix: string | undefined;
    let left = await master.next();
    let right = await replica.next();
    while (!left.done || !right.done) {
      const order = left.done ? 1 : right.done ? -1 : comparePaths(left.value.path, right.value.path);
      if (order > 0 && !right.done) {
        const entry = right.value;
        if (!(removedPrefix !== undefined && entry.path.startsWith(`${removedPrefix}/`))) {
          if (!this.host.options.keepDeletedOnSync) {
            await batch.add({ op: 'remove', root, path: entry.path });
            this.progress.removed += 1;
            this.report({ action: 'removed', root, path: entry.path, bytes: 0 });
            removedPrefix = entry.path;
          }
        }
        right = await replica.next();
        continue;
      }
      const entry = left.value as TreeEntry;
      const counterpart = order === 0 && !right.done ? right.value : undefined;
      await this.syncEntry(root, entry, counterpart, batch);
      left = await master.next();
      if (order === 0) right = await replica.next();
    }
    await batch.flush();
  }

  private async syncEntry(root: number, entry: TreeEntry, replica: ListEntry | undefined, batch: SyncBatch): Promise<void> {
    const rootDir = this.host.roots[root] ?? '';
    const absolutePath = path.join(rootDir, ...entry.path.split('/'));
    const key = `${root}\u0000${entry.path}`;
    if (entry.kind === 'other') return;
    if (replica && replica.kind !== entry.kind) await batch.add({ op: 'remove', root, path: entry.path });
    if (entry.kind === 'directory') {
      if (!replica || replica.kind !== 'directory') {
        await batch.add({ op: 'mkdir', root, path: entry.path, mtimeMs: entry.mtimeMs, mode: entry.mode });
        this.report({ action: 'created-directory', root, path: entry.path, bytes: 0 });
      }
      return;
    }
    this.progress.filesCompared += 1;
    await this.host.withPathLock(root, entry.path, async () => {
      const indexed = await this.host.refreshIndex(root, entry.path);
      this.dirty.delete(key);
      if (!indexed || indexed.kind !== 'file') return;
      const sameFile = replica?.kind === 'file' && replica.size === indexed.size && Math.trunc(replica.mtimeMs) === Math.trunc(indexed.mtimeMs);
      if (sameFile && this.host.options.ignoreSameSizeTime) return;
      const sent: SentFile = { root, path: entry.path, absolutePath, indexed };
      const useBlocks = this.host.options.syncMethod === 'block' && replica?.kind === 'file' && replica.size > 0;
      if (useBlocks) {
        await batch.flush();
        const outcome = await sendFileByBlocks(this.connection, sent, this.host.options.wholeFileThreshold);
        if (outcome.kind === 'patched') {
          this.counted('patched', sent, outcome.bytes);
          if (!outcome.consistent) this.markDirty(root, entry.path);
          return;
        }
      }
      let bytes = 0;
      const read = await diffFile(absolutePath, entry.path, root, undefined, {
        emit: async (record) => {
          bytes += recordDataBytes(record);
          await batch.add(record);
        },
      });
      this.counted('sent', sent, bytes);
      // What was read must be exactly what the index holds, or later records would be diffed against something else.
      if (read.gone || read.unstable) this.markDirty(root, entry.path);
      else if (!sameContent(read.entry, indexed)) {
        // Same size and time but other bytes (an append captured before its verification): re-capture it fully.
        await this.host.refreshIndex(root, entry.path, true);
        this.markDirty(root, entry.path);
      }
    });
  }

  private counted(action: 'sent' | 'patched', file: SentFile, bytes: number): void {
    this.progress.filesSent += 1;
    this.progress.bytesSent += bytes;
    this.report({ action, root: file.root, path: file.path, bytes });
  }

  private async *replicaListing(root: number, prefix: string): AsyncGenerator<ListEntry> {
    const { cursor } = (await this.connection.request('rep.list-open', { root, prefix })) as { cursor: number };
    for (;;) {
      const page = ListPageSchema.parse(await this.connection.request('rep.list-next', { cursor, limit: PAGE }));
      yield* page.entries;
      if (page.done) return;
    }
  }
}

function sameContent(read: IndexedStat, indexed: IndexedStat): boolean {
  return read.size === indexed.size && read.mtimeMs === indexed.mtimeMs && Buffer.compare(Buffer.from(read.blocks), Buffer.from(indexed.blocks)) === 0;
}
