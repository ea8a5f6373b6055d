import type { EngineClient } from '../manager/engine-clients';
import { HostFolderClient } from '../restore/destination/host-folder-client';
import type { SnapshotItem, TreeSource } from './snapshot-source';

/**
 * An ordinary backup source: a folder on a host, read live through that host's engine (no
 * Replica, no snapshot — as any file backup of a live folder). A file that shrinks while it is
 * read fails its session with a message saying so; one that grows is read up to the size listed.
 */
export class FolderSource implements TreeSource {
  private readonly folder: HostFolderClient;

  constructor(
    engine: EngineClient,
    private readonly root: string,
  ) {
    this.folder = new HostFolderClient(engine, root);
  }

  async *walk(root: number, relative = ''): AsyncGenerator<SnapshotItem> {
    for await (const entry of this.folder.list(relative)) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      yield { root, relative: child, kind: entry.kind, size: entry.size, mtimeMs: entry.mtimeMs, mode: entry.mode };
      if (entry.kind === 'directory') yield* this.walk(root, child);
    }
  }

  read(item: SnapshotItem, signal?: AbortSignal): AsyncGenerator<Buffer> {
    return this.folder.read(item.relative, item.size, `${this.root}/${item.relative} changed while it was backed up: it`, signal);
  }
}
