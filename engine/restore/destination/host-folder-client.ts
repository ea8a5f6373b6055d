import { z } from 'zod';
import type { EngineClient } from '../../manager/engine-clients';
import { readInPieces } from '../../util/read-in-pieces';
import { MAX_RESTORE_CHUNK } from './restore-target-service';

const EntrySchema = z.object({ name: z.string().min(1), kind: z.enum(['file', 'directory']), size: z.number().int().min(0), mtimeMs: z.number(), mode: z.number().int() });
export type HostFolderEntry = z.infer<typeof EntrySchema>;
const PageSchema = z.object({ entries: z.array(EntrySchema), more: z.boolean() });
const ChunkSchema = z.object({ data: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes') });
const PAGE = 1000;

/**
 * A folder tree on some host, read through that host's engine (restore.host-list / -read, the
 * server side is host-files.ts): paged listings and ranged reads, paths '/'-separated below the
 * root. Send to Master copies with it; a folder backup source reads its files with it.
 */
export class HostFolderClient {
  constructor(
    readonly engine: EngineClient,
    readonly root: string,
  ) {}

  /** A folder's files and folders by name, every page. */
  async *list(relative: string): AsyncGenerator<HostFolderEntry> {
    for (let after: string | undefined; ; ) {
      const page = PageSchema.parse(await this.engine.call('restore.host-list', { root: this.root, path: relative, limit: PAGE, ...(after === undefined ? {} : { after }) }));
      yield* page.entries;
      if (!page.more || page.entries.length === 0) return;
      after = page.entries[page.entries.length - 1]?.name;
    }
  }

  /** The entry at `relative` (not ''), if it exists. */
  async entryAt(relative: string): Promise<HostFolderEntry | undefined> {
    const cut = relative.lastIndexOf('/');
    const parent = cut < 0 ? '' : relative.slice(0, cut);
    const name = relative.slice(cut + 1);
    for await (const entry of this.list(parent)) if (entry.name === name) return entry;
    return undefined;
  }

  /** Exactly `size` bytes of the file, in pieces, or an error naming `what` when it comes up short. */
  read(relative: string, size: number, what: string, signal?: AbortSignal): AsyncGenerator<Buffer> {
    const readAt = async (offset: number, length: number): Promise<Uint8Array> =>
      ChunkSchema.parse(await this.engine.call('restore.host-read', { root: this.root, path: relative, offset, length })).data;
    return readInPieces(size, MAX_RESTORE_CHUNK, readAt, what, signal);
  }
}
