import { lstat } from 'node:fs/promises';
import path from 'node:path';
import type { CaptureAction, FlushOutcome } from './actions';
import { Coalescer } from './coalescer';
import type { OrderedDispatcher } from './dispatcher';
import type { EntryKind, FileIndex } from './file-index';
import { InFlightChanges } from './in-flight';
import { walkPrefix } from '../replication/walk-prefix';
import { ancestorsOf, isWithin, reparent } from './rel-path';
import { RenamePairer, type Appearance, type KnownIdentity, type PairingDecision } from './rename-pairing';
import type { WatchEvent } from './root-watcher';
import type { Scheduler } from './scheduler';

/**
 * Everything between one root's watcher and the shared dispatcher: events are handled one
 * at a time, in arrival order (the only async step is an lstat when an inode suggests a
 * move); each is enriched with what the index knows — looked up through the in-flight
 * overlay — and handed to the rename pairing; its decisions become coalesced flushes
 * ('changed') or immediate actions ('removed', 'renamed', which also cancel or move the
 * pending flushes under their path).
 */
/** How long a moved folder's old name is translated to its new one (its old watch outlives the move by moments). */
const RECENT_MOVE_MS = 5000;

export interface PipelineSettings {
  windowMs: number;
  maxDelayMs: number;
  settleMs: number;
  pairWindowMs: number;
  expectWindowMs: number;
  verifyQuietMs: number;
  verifyMaxDelayMs: number;
}

export interface RootPipelineDeps {
  root: number;
  rootPath: string;
  index: FileIndex;
  dispatcher: OrderedDispatcher;
  scheduler: Scheduler;
  settings: PipelineSettings;
  onError: (error: unknown) => void;
}

export class RootPipeline {
  private readonly inFlight = new InFlightChanges();
  private readonly changes: Coalescer<EntryKind>;
  private readonly verifications: Coalescer<EntryKind>;
  private readonly pairer: RenamePairer;
  /** Folder moves of the last moments: their old watch may still report what happens inside under the old name. */
  private recentMoves: { from: string; to: string; until: number }[] = [];
  private events: Promise<void> = Promise.resolve();
  private queuedEvents = 0;
  private stopped = false;

  constructor(private readonly deps: RootPipelineDeps) {
    const { scheduler, settings } = deps;
    this.changes = new Coalescer<EntryKind>({
      windowMs: settings.windowMs,
      maxDelayMs: settings.maxDelayMs,
      settleMs: settings.settleMs,
      scheduler,
      onFlush: (relPath, kind) => this.flushChange(relPath, kind),
    });
    this.verifications = new Coalescer<EntryKind>({
      windowMs: settings.verifyQuietMs,
      maxDelayMs: settings.verifyMaxDelayMs,
      settleMs: 0,
      scheduler,
      onFlush: (relPath, kind) => this.dispatch({ type: 'changed', root: deps.root, path: relPath, kind, full: true }),
    });
    this.pairer = new RenamePairer({
      pairWindowMs: settings.pairWindowMs,
      expectWindowMs: settings.expectWindowMs,
      scheduler,
      decide: (decision) => this.apply(decision),
    });
  }

  /** Takes one watcher event; events are handled strictly one after another. */
  accept(event: WatchEvent): void {
    if (this.stopped) return;
    this.queuedEvents += 1;
    this.events = this.events
      .then(() => (this.stopped ? undefined : this.handle(event)))
      .catch((error: unknown) => this.deps.onError(error))
      .finally(() => {
        this.queuedEvents -= 1;
      });
  }

  /** Called by the dispatcher after the runner's flush of one of this root's actions. */
  settled(action: CaptureAction, outcome: FlushOutcome | undefined, error: unknown): void {
    if (action.type !== 'changed') this.inFlight.complete(action);
    if (error !== undefined) this.deps.onError(error);
    if (this.stopped || action.type !== 'changed' || !outcome) return;
    if (outcome.unstable) this.changes.touch(action.path, action.kind);
    if (outcome.verifyLater) this.verifications.touch(action.path, action.kind);
  }

  /** Work not yet handed to the dispatcher (verifications excluded unless asked). */
  pendingCount(includeVerifications: boolean): number {
    const verifying = includeVerifications ? this.verifications.size : 0;
    return this.queuedEvents + this.changes.size + this.pairer.pendingCount + verifying;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.changes.clear();
    this.verifications.clear();
    this.pairer.clear();
    await this.events;
  }

  private async handle(event: WatchEvent): Promise<void> {
    const { kind, relPath, stats } = event;
    if (kind === 'unlink' || kind === 'unlinkDir') {
      if (event.rescan && (await this.exists(relPath))) return;
      const indexed = this.indexedAt(relPath);
      const current = indexed ? undefined : this.movedPathOf(relPath);
      if (current === undefined) {
        this.pairer.vanished(relPath, indexed);
        return;
      }
      // Reported under a folder's old name: what vanished is at the folder's new place, if it really went.
      if (!(await this.exists(current))) this.pairer.vanished(current, this.indexedAt(current));
      return;
    }
    const entryKind = stats?.isDirectory() ? 'directory' : stats?.isFile() ? 'file' : undefined;
    if (!stats || !entryKind) return; // symlinks and special files are not replicated
    const identity = { ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs };
    const indexed = this.indexedAt(relPath);
    const sameObject = indexed?.ino === identity.ino && indexed.kind === entryKind;
    const origin = sameObject ? undefined : await this.findOrigin(relPath, entryKind, identity);
    const seen: Appearance = { path: relPath, kind: entryKind, identity, indexed, origin, modified: kind === 'change' };
    this.pairer.appeared(seen);
  }

  /**
   * Looks at `prefix` again (a folder that just appeared or moved: its watch may have missed a
   * moment). What differs from the index goes in as watcher events would, queued behind the
   * events already waiting, so it is decided in order with them and through the same
   * in-flight view: a re-read can never overtake a move decided a moment before.
   */
  async rescan(prefix: string): Promise<void> {
    try {
      for await (const entry of walkPrefix(this.absolute(prefix), prefix)) {
        if (this.stopped) return;
        if (entry.kind === 'other') continue;
        const stats = await lstat(this.absolute(entry.path)).catch(() => undefined);
        if (stats) this.accept({ kind: entry.kind === 'directory' ? 'addDir' : 'add', relPath: entry.path, stats, rescan: true });
      }
    } catch (error) {
      // The folder moved or went while being read: its own events tell where.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const indexPrefix = this.inFlight.toIndexPath(prefix);
    if (indexPrefix === undefined) return;
    for (const indexed of this.deps.index.iterate(this.deps.root, indexPrefix)) {
      const current = this.inFlight.toCurrentPath(indexed.path);
      if (current === undefined || (await this.exists(current))) continue;
      this.accept({ kind: indexed.kind === 'directory' ? 'unlinkDir' : 'unlink', relPath: current, stats: undefined, rescan: true });
    }
  }

  private absolute(relPath: string): string {
    return relPath === '' ? this.deps.rootPath : path.join(this.deps.rootPath, ...relPath.split('/'));
  }

  private exists(relPath: string): Promise<boolean> {
    return lstat(this.absolute(relPath)).then(
      () => true,
      () => false,
    );
  }

  /** Where `relPath` is now if it lies below a folder moved a moment ago (undefined when not). */
  private movedPathOf(relPath: string): string | undefined {
    const now = this.deps.scheduler.now();
    this.recentMoves = this.recentMoves.filter((move) => move.until > now);
    let current = relPath;
    for (const move of this.recentMoves) if (current !== move.from && isWithin(current, move.from)) current = reparent(current, move.from, move.to);
    return current === relPath ? undefined : current;
  }

  private indexedAt(relPath: string): KnownIdentity | undefined {
    const indexPath = this.inFlight.toIndexPath(relPath);
    const entry = indexPath === undefined ? undefined : this.deps.index.get(this.deps.root, indexPath);
    return entry && { kind: entry.kind, ino: entry.ino, size: entry.size, mtimeMs: entry.mtimeMs };
  }

  /**
   * An indexed path holding this inode whose file or folder is no longer there: a move's
   * source. A path that holds another inode now is one only for a file that arrives exactly
   * as indexed (size and time): otherwise the inode is more likely a freed one reused by a new
   * file, and pairing would carry away the path's own pending change (a file replaced by a
   * rename over it, then a new file getting the replaced one's inode).
   */
  private async findOrigin(relPath: string, kind: EntryKind, identity: { ino: number; size: number; mtimeMs: number }): Promise<Appearance['origin']> {
    const { ino } = identity;
    for (const candidate of this.deps.index.findByIno(this.deps.root, ino)) {
      const current = candidate.kind === kind ? this.inFlight.toCurrentPath(candidate.path) : undefined;
      if (current === undefined || current === relPath) continue;
      const there = await lstat(path.join(this.deps.rootPath, ...current.split('/'))).catch(() => undefined);
      if (there?.ino === ino) continue; // still there: a hard link, not a move
      const unchanged = candidate.size === identity.size && candidate.mtimeMs === identity.mtimeMs;
      if (there && kind === 'file' && !unchanged) continue;
      return { path: current, identity: { kind, ino, size: candidate.size, mtimeMs: candidate.mtimeMs } };
    }
    return undefined;
  }

  private apply(decision: PairingDecision): void {
    const { root } = this.deps;
    switch (decision.type) {
      case 'changed':
        if (decision.full) {
          this.dispatch({ type: 'changed', root, path: decision.path, kind: decision.kind, full: true });
          return;
        }
        if (this.verifications.has(decision.path)) this.verifications.touch(decision.path, decision.kind);
        this.changes.touch(decision.path, decision.kind);
        return;
      case 'removed': {
        for (const pending of [this.changes, this.verifications]) {
          for (const key of pending.keys()) if (isWithin(key, decision.path)) pending.cancel(key);
        }
        const action = { type: 'removed' as const, root, path: decision.path };
        this.inFlight.add(action);
        this.dispatch(action);
        return;
      }
      case 'renamed': {
        const { from, to, kind } = decision;
        for (const pending of [this.changes, this.verifications]) {
          for (const key of pending.keys()) if (isWithin(key, from)) pending.rekey(key, reparent(key, from, to));
        }
        const action = { type: 'renamed' as const, root, from, to, kind };
        if (kind === 'directory') this.recentMoves.push({ from, to, until: this.deps.scheduler.now() + RECENT_MOVE_MS });
        this.inFlight.add(action);
        this.dispatch(action);
        return;
      }
    }
  }

  /** A quiet path: pending flushes of its folders go first, so a folder exists before its files. */
  private flushChange(relPath: string, kind: EntryKind): void {
    for (const ancestor of ancestorsOf(relPath).reverse()) {
      const ancestorKind = this.changes.cancel(ancestor);
      if (ancestorKind) this.dispatch({ type: 'changed', root: this.deps.root, path: ancestor, kind: ancestorKind, full: false });
    }
    this.dispatch({ type: 'changed', root: this.deps.root, path: relPath, kind, full: false });
  }

  private dispatch(action: CaptureAction): void {
    if (!this.stopped) this.deps.dispatcher.enqueue(action);
  }
}
