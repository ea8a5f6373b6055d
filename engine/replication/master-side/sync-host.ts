import type { IndexEntry } from '../../capture/file-index';
import type { SharedExclusiveLock } from '../../util/shared-exclusive-lock';
import type { ReplicationOptions } from '../../scenario/options';

/** What the file index holds for a path: the state last captured (and so last shipped to replicating Replicas). */
export type IndexedStat = IndexEntry;

/** The scenario runner's services a synchronization needs. */
export interface SyncHost {
  /** Absolute Master root directories, by root index. */
  readonly roots: readonly string[];
  readonly options: ReplicationOptions;
  /** Held shared by capture flushes; a synchronization's last pass holds it exclusively. */
  readonly gate: SharedExclusiveLock;
  /** Excludes capture flushes of this path, its ancestors and its descendants while `work` runs. */
  withPathLock<T>(root: number, path: string, work: () => Promise<T>): Promise<T>;
  /**
   * Call with the path lock held: brings the index up to date with the file as it is now
   * (shipping records to replicating Replicas as a capture flush would) and returns the
   * indexed state, or undefined when the path no longer exists. `force` re-reads every block
   * even when size and time match the index.
   */
  refreshIndex(root: number, path: string, force?: boolean): Promise<IndexedStat | undefined>;
}
