import Driver, { type Database } from 'better-sqlite3';
import { describeCatalogOpenFailure } from '../../catalog/open-catalog';
import { UserError } from '../../messages/user-error';

/**
 * The rewind journal's index on disk (SQLite, WAL): one row per applied operation with its
 * undo, the named bookmarks, and the snapshots that pin a journal position. Large
 * before-images (whole files, directory trees) live beside it in the keep area; in-place
 * writes keep their overwritten bytes inline.
 */
export interface JournalEntryRow {
  jseq: number;
  at: number;
  seq: number | null;
  root: number;
  op: string;
  path: string;
  undo: Buffer;
  bytes: number;
}

export interface BookmarkRow {
  id: number;
  jseq: number;
  at: number;
  name: string;
}

export interface SnapshotRow {
  id: string;
  name: string;
  jseq: number;
  at: number;
  purpose: string;
  /** 1 when taken during an Assured Recovery test: it shows the test's state. */
  during_test: number;
}

/** The entries (start, end] an Assured Recovery rollback wrote; end null while the test runs. */
export interface TestWindowRow {
  start: number;
  end: number | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS entries (
  jseq INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  seq INTEGER,
  root INTEGER NOT NULL,
  op TEXT NOT NULL,
  path TEXT NOT NULL,
  undo BLOB NOT NULL,
  bytes INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS entries_seq ON entries (seq) WHERE seq IS NOT NULL;
CREATE TABLE IF NOT EXISTS bookmarks (id INTEGER PRIMARY KEY AUTOINCREMENT, jseq INTEGER NOT NULL, at INTEGER NOT NULL, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS snapshots (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, jseq INTEGER NOT NULL, at INTEGER NOT NULL, purpose TEXT NOT NULL, during_test INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS test_windows (start INTEGER PRIMARY KEY, end INTEGER);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
`;

export function openJournalDb(file: string): Database {
  let db: Database;
  try {
    db = new Driver(file);
  } catch (error) {
    throw new UserError('E1004', `rewind journal ${file}: ${describeCatalogOpenFailure(error)}`);
  }
  db.pragma('journal_mode = WAL');
  // Each entry is committed before its change is made (a process kill keeps it); the log is
  // synced at the end of every applied batch, before the batch's data is (see checkpoint).
  db.pragma('synchronous = NORMAL');
  db.exec(SCHEMA);
  return db;
}

export class JournalDb {
  private readonly insertEntry;
  private readonly bySeq;
  private readonly deleteEntry;

  constructor(readonly db: Database) {
    this.insertEntry = db.prepare<[number, number | null, number, string, string, Buffer, number]>(
      'INSERT INTO entries (at, seq, root, op, path, undo, bytes) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.bySeq = db.prepare<[number], { jseq: number }>('SELECT jseq FROM entries WHERE seq = ?');
    this.deleteEntry = db.prepare<[number]>('DELETE FROM entries WHERE jseq = ?');
  }

  insert(entry: Omit<JournalEntryRow, 'jseq'>): number {
    const result = this.insertEntry.run(entry.at, entry.seq, entry.root, entry.op, entry.path, entry.undo, entry.bytes);
    return Number(result.lastInsertRowid);
  }

  jseqOfSeq(seq: number): number | undefined {
    return this.bySeq.get(seq)?.jseq;
  }

  entry(jseq: number): JournalEntryRow | undefined {
    return this.db.prepare<[number], JournalEntryRow>('SELECT * FROM entries WHERE jseq = ?').get(jseq);
  }

  removeAll(jseqs: readonly number[]): void {
    this.db.transaction(() => {
      for (const jseq of jseqs) this.deleteEntry.run(jseq);
    })();
  }

  /** The journal position now: the last entry ever written (AUTOINCREMENT never reuses one, even after a rewind or trim). */
  position(): number {
    return this.db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'entries'").get()?.seq ?? 0;
  }

  lastSeq(): number {
    return this.db.prepare<[], { last: number | null }>('SELECT MAX(seq) AS last FROM entries').get()?.last ?? 0;
  }

  oldest(): JournalEntryRow | undefined {
    return this.db.prepare<[], JournalEntryRow>('SELECT * FROM entries ORDER BY jseq LIMIT 1').get();
  }

  newest(): JournalEntryRow | undefined {
    return this.db.prepare<[], JournalEntryRow>('SELECT * FROM entries ORDER BY jseq DESC LIMIT 1').get();
  }

  totals(): { count: number; bytes: number } {
    const row = this.db.prepare<[], { count: number; bytes: number | null }>('SELECT COUNT(*) AS count, SUM(bytes) AS bytes FROM entries').get();
    return { count: row?.count ?? 0, bytes: row?.bytes ?? 0 };
  }

  /** Up to `limit` entries with after < jseq < before, newest first. */
  pageDown(after: number, before: number, limit: number): JournalEntryRow[] {
    return this.db
      .prepare<[number, number, number], JournalEntryRow>('SELECT * FROM entries WHERE jseq > ? AND jseq < ? ORDER BY jseq DESC LIMIT ?')
      .all(after, before, limit);
  }

  countAfter(jseq: number): number {
    return this.db.prepare<[number], { count: number }>('SELECT COUNT(*) AS count FROM entries WHERE jseq > ?').get(jseq)?.count ?? 0;
  }

  /** Operation points for the browser, newest first; `pathFilter` matches anywhere in the path, case-insensitively. */
  points(filter: { path?: string; fromAt?: number; toAt?: number; limit: number }): JournalEntryRow[] {
    return this.db
      .prepare<[string, number, number, number], JournalEntryRow>(
        `SELECT jseq, at, seq, root, op, path, bytes, x'' AS undo FROM entries
         WHERE instr(lower(path), lower(?)) > 0 AND at >= ? AND at <= ? ORDER BY jseq DESC LIMIT ?`,
      )
      .all(filter.path ?? '', filter.fromAt ?? 0, filter.toAt ?? Number.MAX_SAFE_INTEGER, filter.limit);
  }

  addBookmark(jseq: number, at: number, name: string): BookmarkRow {
    const id = Number(this.db.prepare('INSERT INTO bookmarks (jseq, at, name) VALUES (?, ?, ?)').run(jseq, at, name).lastInsertRowid);
    return { id, jseq, at, name };
  }

  bookmarks(): BookmarkRow[] {
    return this.db.prepare<[], BookmarkRow>('SELECT * FROM bookmarks ORDER BY jseq DESC, id DESC').all();
  }

  bookmark(id: number): BookmarkRow | undefined {
    return this.db.prepare<[number], BookmarkRow>('SELECT * FROM bookmarks WHERE id = ?').get(id);
  }

  /** Bookmarks that can no longer be reached: their position is behind what was trimmed, or ahead of what was rewound. */
  dropBookmarksOutside(from: number, to: number): void {
    this.db.prepare('DELETE FROM bookmarks WHERE jseq < ? OR jseq > ?').run(from, to);
  }

  addSnapshot(row: SnapshotRow): void {
    this.db
      .prepare('INSERT INTO snapshots (id, name, jseq, at, purpose, during_test) VALUES (?, ?, ?, ?, ?, ?)')
      .run(row.id, row.name, row.jseq, row.at, row.purpose, row.during_test);
  }

  snapshots(): SnapshotRow[] {
    return this.db.prepare<[], SnapshotRow>('SELECT * FROM snapshots ORDER BY at, id').all();
  }

  snapshot(id: string): SnapshotRow | undefined {
    return this.db.prepare<[string], SnapshotRow>('SELECT * FROM snapshots WHERE id = ?').get(id);
  }

  removeSnapshot(id: string): boolean {
    return this.db.prepare('DELETE FROM snapshots WHERE id = ?').run(id).changes > 0;
  }

  openTestWindow(start: number): void {
    this.db.prepare('INSERT OR REPLACE INTO test_windows (start, end) VALUES (?, NULL)').run(start);
  }

  closeTestWindow(start: number, end: number): void {
    this.db.prepare('UPDATE test_windows SET end = ? WHERE start = ?').run(end, start);
  }

  testWindows(): TestWindowRow[] {
    return this.db.prepare<[], TestWindowRow>('SELECT * FROM test_windows ORDER BY start').all();
  }

  dropTestWindowsAfter(jseq: number): void {
    this.db.prepare('DELETE FROM test_windows WHERE start >= ?').run(jseq);
  }

  meta(key: string): number {
    return this.db.prepare<[string], { value: number }>('SELECT value FROM meta WHERE key = ?').get(key)?.value ?? 0;
  }

  setMeta(key: string, value: number): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /**
   * Makes every committed entry durable: one commit in FULL mode syncs the write-ahead log,
   * and with it every entry committed before (one fsync per batch instead of one per entry).
   */
  checkpoint(): void {
    this.db.pragma('synchronous = FULL');
    try {
      this.setMeta('durableAt', Date.now());
    } finally {
      this.db.pragma('synchronous = NORMAL');
    }
  }

  close(): void {
    this.db.close();
  }
}
