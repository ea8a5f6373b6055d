import type { EntryKind } from './file-index';
import { ancestorsOf, isWithin, parentOf, reparent } from './rel-path';
import type { Scheduler, TimerHandle } from './scheduler';

/**
 * Turns chokidar's view of a rename (unlink + add for a file; unlinkDir + addDir plus an
 * unlink and an add per child for a directory) back into one move, so a directory holding
 * 100 GB moves on the Replica without a byte of file data on the wire.
 *
 * The caller (root-pipeline) enriches each event with what the index knows; this class
 * holds no I/O, only decisions and a clock:
 * - vanished(path): an unlink. With an indexed identity it waits `pairWindowMs` for its
 *   other half; a removal of a directory absorbs the pending removals of its children
 *   (chokidar reports those first). Unpaired, it becomes 'removed' when the window ends.
 * - appeared(path): an add (or a change whose inode differs from the index's). Paired by
 *   inode with a pending vanish, or with `origin` — an indexed path holding this inode that
 *   the caller saw is gone — it becomes ONE 'renamed'. chokidar may report the add before
 *   the unlink, so the origin check makes pairing independent of event order and costs new
 *   files no delay. The unlinks still to come under the old path are then ignored for
 *   `expectWindowMs`; the adds chokidar reports for the moved children match the index
 *   (same inode, size and mtime) and are ignored as rediscoveries.
 * Pairing is by inode and kind. A file whose size or mtime changed on the way is still
 * moved, then followed by a full diff ('changed', full): a renamed-and-edited file sends
 * only its changed blocks, and an inode reused by an unrelated new file stays correct.
 */
export interface Identity {
  ino: number;
  size: number;
  mtimeMs: number;
}

export interface KnownIdentity extends Identity {
  kind: EntryKind;
}

export type PairingDecision =
  | { type: 'changed'; path: string; kind: EntryKind; full: boolean }
  | { type: 'removed'; path: string }
  | { type: 'renamed'; from: string; to: string; kind: EntryKind };

export interface Appearance {
  path: string;
  kind: EntryKind;
  identity: Identity;
  /** What the index holds at `path`, if anything. */
  indexed: KnownIdentity | undefined;
  /** An indexed path holding the same inode that no longer exists (or holds another inode). */
  origin: { path: string; identity: KnownIdentity } | undefined;
  /** A content change event rather than a (re)appearance. */
  modified: boolean;
}

export interface RenamePairerOptions {
  pairWindowMs: number;
  expectWindowMs: number;
  scheduler: Scheduler;
  decide: (decision: PairingDecision) => void;
}

interface PendingVanish {
  identity: KnownIdentity;
  deadline: number;
}

export class RenamePairer {
  /** Insertion-ordered, and every entry gets the same window: the head expires first. */
  private readonly pending = new Map<string, PendingVanish>();
  private readonly pendingByParent = new Map<string, Set<string>>();
  private readonly pendingByIno = new Map<number, string>();
  private readonly movedAway = new Map<string, number>();
  private timer: TimerHandle | undefined;

  constructor(private readonly options: RenamePairerOptions) {}

  vanished(path: string, indexed: KnownIdentity | undefined): void {
    if (this.isMovedAway(path)) return;
    if (ancestorsOf(path).some((ancestor) => this.pending.has(ancestor))) return;
    for (const child of [...(this.pendingByParent.get(path) ?? [])]) this.deletePending(child);
    if (!indexed) {
      // Nothing to pair with; the path may still reach the Replica through a flush in flight,
      // so the removal is sent (removing what is not there is harmless).
      this.options.decide({ type: 'removed', path });
      return;
    }
    this.deletePending(path);
    this.addPending(path, { identity: indexed, deadline: this.options.scheduler.now() + this.options.pairWindowMs });
    if (!this.timer) this.armTimer();
  }

  appeared(seen: Appearance): void {
    const { path, kind, identity, indexed, origin, modified } = seen;
    // A removal of this path or of an ancestor must reach the Replica before the new occupant.
    for (const ancestor of ancestorsOf(path).reverse()) if (this.pending.has(ancestor)) this.expire(ancestor);
    const earlier = this.pending.get(path);
    if (earlier) {
      this.deletePending(path);
      if (earlier.identity.ino !== identity.ino || earlier.identity.kind !== kind) this.options.decide({ type: 'removed', path });
    }
    for (const stale of [path, ...ancestorsOf(path)]) this.movedAway.delete(stale);
    if (indexed && indexed.ino === identity.ino && indexed.kind === kind) {
      const differs = modified || indexed.size !== identity.size || indexed.mtimeMs !== identity.mtimeMs;
      if (kind === 'file' && differs) this.options.decide({ type: 'changed', path, kind, full: false });
      return;
    }
    const partner = this.pendingByIno.get(identity.ino);
    const pendingPartner = partner === undefined ? undefined : this.pending.get(partner);
    if (partner !== undefined && pendingPartner && pendingPartner.identity.kind === kind && partner !== path) {
      this.deletePending(partner);
      this.moved(partner, path, pendingPartner.identity, identity);
      return;
    }
    if (origin && origin.identity.kind === kind && origin.path !== path) {
      this.moved(origin.path, path, origin.identity, identity);
      return;
    }
    this.options.decide({ type: 'changed', path, kind, full: false });
  }

  /** Removals still waiting for their other half. */
  get pendingCount(): number {
    return this.pending.size;
  }

  clear(): void {
    this.timer?.cancel();
    this.timer = undefined;
    this.pending.clear();
    this.pendingByParent.clear();
    this.pendingByIno.clear();
    this.movedAway.clear();
  }

  private moved(from: string, to: string, before: KnownIdentity, after: Identity): void {
    // What vanished inside a moved folder was removed or moved out of it (the watcher reports
    // no removal for the children of a folder that moves): it is now missing from the new place.
    if (before.kind === 'directory') for (const path of [...this.pending.keys()]) if (isWithin(path, from)) this.rekeyPending(path, reparent(path, from, to));
    this.options.decide({ type: 'renamed', from, to, kind: before.kind });
    this.movedAway.set(from, this.options.scheduler.now() + this.options.expectWindowMs);
    if (before.kind === 'file' && (before.size !== after.size || before.mtimeMs !== after.mtimeMs)) {
      this.options.decide({ type: 'changed', path: to, kind: 'file', full: true });
    }
  }

  private isMovedAway(path: string): boolean {
    const now = this.options.scheduler.now();
    for (const candidate of [path, ...ancestorsOf(path)]) {
      const until = this.movedAway.get(candidate);
      if (until === undefined) continue;
      if (until > now) return true;
      this.movedAway.delete(candidate);
    }
    return false;
  }

  private expire(path: string): void {
    this.deletePending(path);
    this.options.decide({ type: 'removed', path });
  }

  private rekeyPending(path: string, to: string): void {
    const entry = this.pending.get(path);
    if (!entry) return;
    this.deletePending(path);
    this.addPending(to, entry);
  }

  private addPending(path: string, entry: PendingVanish): void {
    this.pending.set(path, entry);
    const siblings = this.pendingByParent.get(parentOf(path)) ?? new Set<string>();
    this.pendingByParent.set(parentOf(path), siblings.add(path));
    this.pendingByIno.set(entry.identity.ino, path);
  }

  private deletePending(path: string): void {
    const entry = this.pending.get(path);
    if (!entry) return;
    this.pending.delete(path);
    const siblings = this.pendingByParent.get(parentOf(path));
    siblings?.delete(path);
    if (siblings?.size === 0) this.pendingByParent.delete(parentOf(path));
    if (this.pendingByIno.get(entry.identity.ino) === path) this.pendingByIno.delete(entry.identity.ino);
  }

  private armTimer(): void {
    const head = this.pending.values().next();
    if (head.done) return;
    this.timer = this.options.scheduler.setTimer(head.value.deadline - this.options.scheduler.now(), () => {
      this.timer = undefined;
      const now = this.options.scheduler.now();
      for (const [path, entry] of this.pending) {
        if (entry.deadline > now) break;
        this.expire(path);
      }
      this.armTimer();
    });
  }
}
