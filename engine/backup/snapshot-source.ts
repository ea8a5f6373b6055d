import { z } from 'zod';
import type { EngineClient } from '../manager/engine-clients';
import { readInPieces } from '../util/read-in-pieces';

/**
 * A Replica snapshot as a backup reads it: walked and read through the Replica's engine
 * ('replica.snapshot-list' / 'replica.snapshot-read'), never from the Master. Folders come
 * before what they hold; every file is streamed in pieces, so memory does not grow with its size.
 */
export interface SnapshotRef {
  readonly scenarioId: string;
  readonly replicaId: string;
  readonly snapshotId: string;
}

export interface SnapshotItem {
  readonly root: number;
  /** '/'-separated, relative to the root; never '' (the root itself is not listed). */
  readonly relative: string;
  readonly kind: 'file' | 'directory';
  readonly size: number;
  readonly mtimeMs: number;
  readonly mode: number;
}

/** What a backup reads an entity's files from: a Replica snapshot, or a folder on a host (folder-source.ts). */
export interface TreeSource {
  /** Every folder and file below root `root`, depth first, parents before children. */
  walk(root: number): AsyncGenerator<SnapshotItem>;
  /** The file's bytes; exactly `size` of them, or an error (also when `signal` aborts). */
  read(item: SnapshotItem, signal?: AbortSignal): AsyncGenerator<Buffer>;
}

const EntrySchema = z.object({ name: z.string().min(1), kind: z.enum(['file', 'directory']), size: z.number().int().min(0), mtimeMs: z.number(), mode: z.number().int() });
const PageSchema = z.object({ entries: z.array(EntrySchema), more: z.boolean() });
const Bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes');
const ChunkSchema = z.object({ data: Bytes });

const PAGE = 1000;
const READ_BYTES = 4 * 1024 * 1024;

export class SnapshotSource implements TreeSource {
  constructor(
    private readonly engine: EngineClient,
    private readonly ref: SnapshotRef,
  ) {}

  /** Every folder and file below root `root`, depth first, parents before children. */
  async *walk(root: number, relative = ''): AsyncGenerator<SnapshotItem> {
    for (let after: string | undefined; ; ) {
      const page = PageSchema.parse(await this.engine.call('replica.snapshot-list', { ...this.ref, root, path: relative, limit: PAGE, ...(after === undefined ? {} : { after }) }));
      for (const entry of page.entries) {
        const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
        yield { root, relative: child, kind: entry.kind, size: entry.size, mtimeMs: entry.mtimeMs, mode: entry.mode };
        if (entry.kind === 'directory') yield* this.walk(root, child);
      }
      if (!page.more || page.entries.length === 0) return;
      after = page.entries[page.entries.length - 1]?.name;
    }
  }

  /** The file's bytes as of the snapshot; exactly `size` of them, or an error (also when `signal` aborts). */
  read(item: SnapshotItem, signal?: AbortSignal): AsyncGenerator<Buffer> {
    const readAt = async (offset: number, length: number): Promise<Uint8Array> =>
      ChunkSchema.parse(await this.engine.call('replica.snapshot-read', { ...this.ref, root: item.root, path: item.relative, offset, length })).data;
    return readInPieces(item.size, READ_BYTES, readAt, `snapshot file ${item.relative}`, signal);
  }
}
