import type { TreeEntry } from '../../replica/tree-listing';
import { walkPrefix } from '../walk-prefix';
import type { ListEntry } from '../wire';

/**
 * Paged listings for synchronization: a cursor keeps its walk open between requests, so a
 * tree of a million files is listed once, page by page, in bounded memory.
 */
export class TreeCursors {
  private readonly open = new Map<number, AsyncGenerator<TreeEntry>>();
  private nextId = 0;

  /** `absolutePrefix` is a directory (its subtree, paths prefixed with `prefix`) or a single file. */
  async openCursor(absolutePrefix: string, prefix: string): Promise<number> {
    const id = this.nextId++;
    this.open.set(id, walkPrefix(absolutePrefix, prefix));
    return id;
  }

  async next(cursor: number, limit: number): Promise<{ entries: ListEntry[]; done: boolean }> {
    const walker = this.open.get(cursor);
    if (!walker) return { entries: [], done: true };
    const entries: ListEntry[] = [];
    while (entries.length < limit) {
      const step = await walker.next();
      if (step.done) {
        this.open.delete(cursor);
        return { entries, done: true };
      }
      entries.push({ ...step.value });
    }
    return { entries, done: false };
  }

  async closeAll(): Promise<void> {
    for (const walker of this.open.values()) await walker.return(undefined);
    this.open.clear();
  }
}
