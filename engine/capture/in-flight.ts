import { isWithin, reparent } from './rel-path';

/**
 * Renames and removals already decided but not yet reflected in the index (the runner
 * updates the index only after their records are spooled). Event handling looks the index
 * up through this overlay, so a path renamed a moment ago is still found by inode at its
 * new place and a second move pairs from there, not from a path the Replica no longer has.
 */
export type TreeChange = { type: 'renamed'; from: string; to: string } | { type: 'removed'; path: string };

export class InFlightChanges {
  private readonly changes: TreeChange[] = [];

  add(change: TreeChange): void {
    this.changes.push(change);
  }

  /** Called when the flush of `change` finished (the index now reflects it). */
  complete(change: TreeChange): void {
    const at = this.changes.indexOf(change);
    if (at >= 0) this.changes.splice(at, 1);
  }

  get size(): number {
    return this.changes.length;
  }

  clear(): void {
    this.changes.length = 0;
  }

  /** Where the index holds what is now at `path`; undefined when the index can hold nothing for it. */
  toIndexPath(path: string): string | undefined {
    let current = path;
    for (let i = this.changes.length - 1; i >= 0; i -= 1) {
      const change = this.changes[i];
      if (!change) continue;
      if (change.type === 'removed') {
        if (isWithin(current, change.path)) return undefined;
      } else if (isWithin(current, change.to)) {
        current = reparent(current, change.to, change.from);
      } else if (isWithin(current, change.from)) {
        return undefined;
      }
    }
    return current;
  }

  /** Where an entry the index holds at `indexPath` is now; undefined when it was removed or replaced. */
  toCurrentPath(indexPath: string): string | undefined {
    let current = indexPath;
    for (const change of this.changes) {
      if (change.type === 'removed') {
        if (isWithin(current, change.path)) return undefined;
      } else if (isWithin(current, change.from)) {
        current = reparent(current, change.from, change.to);
      } else if (isWithin(current, change.to)) {
        return undefined;
      }
    }
    return current;
  }
}
