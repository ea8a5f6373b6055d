import fs from 'node:fs/promises';
import path from 'node:path';
import { JournalDb, openJournalDb, type BookmarkRow, type JournalEntryRow, type SnapshotRow, type TestWindowRow } from './journal-db';
import { KeepArea } from './keep-area';
import { decodeUndo, encodeUndo, usesKeep, type Undo } from './undo';

export interface JournalSettings {
  /** Data Rewind on: every applied change is journaled and kept for the retention below. */
  readonly enabled: boolean;
  readonly retentionMs: number;
  readonly maxBytes: number;
}

export interface NoteInput {
  readonly root: number;
  /** The Master sequence number of the record; undefined for synchronization. */
  readonly seq: number | undefined;
  readonly op: string;
  readonly path: string;
  readonly undo: Undo;
  /** Size of the item the change will move into the keep area. */
  readonly keptBytes: number;
}

/** The entry an undo was noted in, and whether the change must move its item into the keep area. */
export interface Noted {
  readonly jseq: number;
  readonly keeps: boolean;
}

export interface JournalStatus {
  readonly recording: boolean;
  readonly entries: number;
  readonly bytes: number;
  readonly maxBytes: number;
  readonly oldestAt: number | null;
  readonly newestAt: number | null;
  /** Set when the journal is over its limits and a snapshot stops it from being trimmed. */
  readonly trimBlockedBy: string | null;
}

/**
 * The rewind journal of one Replica: undo entries written before each change (journal-db),
 * items kept whole (keep-area), bookmarks, and snapshots (pinned positions). It records while
 * Data Rewind is on or any snapshot needs the before-images; it trims oldest first, by age and
 * size, and never an entry a snapshot still needs (those after its position).
 */
export class RewindJournal {
  private bytes: number;
  private count: number;
  private lastSeq: number;
  private blockedBy: string | null = null;
  private dirty = false;
  // Kept in memory: asked for every record applied and every chunk a snapshot view reads.
  private at: number;
  private pinned: number;
  private testWindowStart: number | undefined;

  private constructor(
    private readonly db: JournalDb,
    readonly keep: KeepArea,
    private settings: JournalSettings,
    private readonly now: () => number,
  ) {
    const totals = db.totals();
    this.bytes = totals.bytes;
    this.count = totals.count;
    this.lastSeq = db.lastSeq();
    this.at = db.position();
    this.pinned = db.snapshots().length;
    this.testWindowStart = db.testWindows().find((window) => window.end === null)?.start;
  }

  static async open(dir: string, settings: JournalSettings, now: () => number = Date.now): Promise<RewindJournal> {
    await fs.mkdir(path.join(dir, 'keep'), { recursive: true, mode: 0o700 });
    return new RewindJournal(new JournalDb(openJournalDb(path.join(dir, 'journal.db'))), new KeepArea(path.join(dir, 'keep')), settings, now);
  }

  configure(settings: JournalSettings): void {
    this.settings = settings;
  }

  get recording(): boolean {
    return this.settings.enabled || this.pinned > 0;
  }

  /**
   * Commits the undo of a change about to be made and returns its entry number, or undefined
   * when nothing is being journaled. A record replayed after a crash keeps its first entry:
   * that undo is right whether or not the change had been completed.
   */
  note(input: NoteInput): Noted | undefined {
    if (input.seq !== undefined && input.seq <= this.lastSeq) {
      const existing = this.db.jseqOfSeq(input.seq);
      const row = existing === undefined ? undefined : this.db.entry(existing);
      if (row) return { jseq: row.jseq, keeps: usesKeep(decodeUndo(row.undo)) };
    }
    if (!this.recording) return undefined;
    const undo = Buffer.from(encodeUndo(input.undo));
    // What the entry occupies: its row (undo and path) plus the item it keeps whole.
    const bytes = undo.byteLength + Buffer.byteLength(input.path) + input.keptBytes;
    const jseq = this.db.insert({
      at: this.now(),
      seq: input.seq ?? null,
      root: input.root,
      op: input.op,
      path: input.path,
      undo,
      bytes,
    });
    this.at = jseq;
    this.bytes += bytes;
    this.count += 1;
    this.dirty = true;
    if (input.seq !== undefined) this.lastSeq = Math.max(this.lastSeq, input.seq);
    return { jseq, keeps: usesKeep(input.undo) };
  }

  position(): number {
    return this.at;
  }

  get entryCount(): number {
    return this.count;
  }

  /**
   * What reading a snapshot undoes, newest first: every later entry except the rollbacks of
   * Assured Recovery tests begun after it (a rollback only returns the Replica to the state
   * before its test, which the snapshot already shows). A snapshot taken during a test keeps
   * its own test's rollback, which leads back to the test's state.
   */
  *viewEntries(snapshot: SnapshotRow, pageSize = 512): Generator<JournalEntryRow[]> {
    const skipped = this.skippedWindows(snapshot.jseq, snapshot.during_test === 1);
    for (let before = Number.MAX_SAFE_INTEGER; ; ) {
      const page = this.db.pageDown(snapshot.jseq, before, pageSize);
      if (page.length === 0) return;
      before = page[page.length - 1]?.jseq ?? before;
      yield page.filter((entry) => !inWindow(entry.jseq, skipped));
    }
  }

  /** The undo of entry `jseq`, if it is still in the journal. */
  undoOf(jseq: number): Undo | undefined {
    const row = this.db.entry(jseq);
    return row ? decodeUndo(row.undo) : undefined;
  }

  /** Test windows a view or rewind back to `jseq` passes over. */
  skippedWindows(jseq: number, duringTest = false): TestWindowRow[] {
    return this.db.testWindows().filter((window) => (duringTest ? window.start > jseq : window.start >= jseq));
  }

  openTestWindow(): number {
    const start = this.position();
    this.db.openTestWindow(start);
    this.testWindowStart = start;
    return start;
  }

  closeTestWindow(start: number): void {
    this.db.closeTestWindow(start, this.position());
    this.testWindowStart = undefined;
  }

  openTestWindowStart(): number | undefined {
    return this.testWindowStart;
  }

  pageDown(after: number, before: number, limit: number): JournalEntryRow[] {
    return this.db.pageDown(after, before, limit);
  }

  countAfter(jseq: number): number {
    return this.db.countAfter(jseq);
  }

  /** Drops entries whose undos were applied (Data Rewind) or are no longer kept (trim), with their kept items. */
  async forget(entries: readonly JournalEntryRow[]): Promise<void> {
    this.db.removeAll(entries.map((entry) => entry.jseq));
    for (const entry of entries) {
      this.bytes -= entry.bytes;
      this.count -= 1;
      if (usesKeep(decodeUndo(entry.undo))) await this.keep.discard(entry.jseq);
    }
  }

  /** After a rewind to `jseq`: bookmarks past it are gone with the entries they marked. */
  rewoundTo(jseq: number): void {
    this.db.dropBookmarksOutside(this.db.meta('trimmedThrough'), jseq);
    this.db.dropTestWindowsAfter(jseq);
    this.lastSeq = this.db.lastSeq();
  }

  points(filter: { path?: string; fromAt?: number; toAt?: number; limit: number }): JournalEntryRow[] {
    return this.db.points(filter);
  }

  /** The oldest position a rewind can reach. */
  reachableFrom(): number {
    return this.db.meta('trimmedThrough');
  }

  addBookmark(name: string): BookmarkRow {
    return this.db.addBookmark(this.position(), this.now(), name);
  }

  bookmarks(): BookmarkRow[] {
    return this.db.bookmarks();
  }

  bookmark(id: number): BookmarkRow | undefined {
    return this.db.bookmark(id);
  }

  /** Pins the current position. The caller makes sure no change is half-applied at that moment. */
  pin(snapshot: Omit<SnapshotRow, 'jseq' | 'at' | 'during_test'>): SnapshotRow {
    const row = { ...snapshot, jseq: this.position(), at: this.now(), during_test: this.openTestWindowStart() === undefined ? 0 : 1 };
    this.db.addSnapshot(row);
    this.pinned += 1;
    return row;
  }

  snapshots(): SnapshotRow[] {
    return this.db.snapshots();
  }

  snapshot(id: string): SnapshotRow | undefined {
    return this.db.snapshot(id);
  }

  unpin(id: string): boolean {
    const removed = this.db.removeSnapshot(id);
    if (removed) this.pinned -= 1;
    return removed;
  }

  /** Oldest first, by age and size; entries after the oldest snapshot's position stay. Returns that snapshot's name when it stopped the trim. */
  async trim(): Promise<string | null> {
    const pins = this.db.snapshots();
    const limit = pins.length > 0 ? Math.min(...pins.map((pin) => pin.jseq)) : Number.POSITIVE_INFINITY;
    const blocker = pins.find((pin) => pin.jseq === limit);
    this.blockedBy = null;
    for (;;) {
      const oldest = this.db.oldest();
      if (!oldest || !this.overLimits(oldest)) return null;
      if (oldest.jseq > limit) {
        this.blockedBy = blocker?.name ?? null;
        return this.blockedBy;
      }
      await this.forget([oldest]);
      this.db.setMeta('trimmedThrough', oldest.jseq);
      this.db.dropBookmarksOutside(oldest.jseq, Number.MAX_SAFE_INTEGER);
    }
  }

  private overLimits(oldest: JournalEntryRow): boolean {
    if (!this.settings.enabled) return true;
    return this.bytes > this.settings.maxBytes || oldest.at < this.now() - this.settings.retentionMs;
  }

  /** Syncs what was noted since the last call (nothing to do when nothing was). */
  checkpoint(): void {
    if (!this.dirty) return;
    this.db.checkpoint();
    this.dirty = false;
  }

  status(): JournalStatus {
    return {
      recording: this.recording,
      entries: this.entryCount,
      bytes: this.bytes,
      maxBytes: this.settings.maxBytes,
      oldestAt: this.db.oldest()?.at ?? null,
      newestAt: this.db.newest()?.at ?? null,
      trimBlockedBy: this.blockedBy,
    };
  }

  close(): void {
    this.db.close();
  }
}

/** Whether entry `jseq` is a rollback inside one of `windows` (an open window runs to the end). */
export function inWindow(jseq: number, windows: readonly TestWindowRow[]): boolean {
  return windows.some((window) => jseq > window.start && (window.end === null || jseq <= window.end));
}
