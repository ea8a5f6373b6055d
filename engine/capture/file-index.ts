import fs from 'node:fs';
import path from 'node:path';
import Driver, { type Database, type Statement } from 'better-sqlite3';
import { describeCatalogOpenFailure } from '../catalog/open-catalog';
import { CaptureError } from './capture-error';
import { afterSubtree, childrenRange, keyPath, pathKey, segmentEnd, treeRange } from './index-keys';
import { isWithin } from './rel-path';

/**
 * The Master's per-root block-hash index on disk: what was last captured (and spooled) for
 * every file and directory, so a restart rehashes only what changed while the engine was
 * down, and so a change is diffed against block hashes instead of a copy of the file.
 * Nothing is cached in RAM: every call is one indexed SQLite query, listing and iteration
 * are paged, so memory does not grow with the number of files (a root may hold millions).
 *
 * The caller updates an entry only after the records describing that state are durable in
 * the spool; the index then never claims more than the Replica will receive.
 */
export type EntryKind = 'file' | 'directory';

export interface IndexEntry {
  kind: EntryKind;
  size: number;
  mtimeMs: number;
  ino: number;
  /** Permission bits (mode & 0o7777). */
  mode: number;
  /** 16-byte hash per 64 KiB block, concatenated (block-hashes.ts); empty for directories. */
  blocks: Uint8Array;
}

export interface IndexedEntry extends IndexEntry {
  path: string;
}

interface Row {
  key: Buffer;
  kind: number;
  size: number;
  mtime_ms: number;
  ino: number;
  mode: number;
  blocks: Buffer;
}

const SCHEMA_VERSION = 1;
const COLUMNS = 'key, kind, size, mtime_ms, ino, mode, blocks';

function toEntry(row: Row): IndexedEntry {
  const kind: EntryKind = row.kind === 1 ? 'directory' : 'file';
  return { path: keyPath(row.key), kind, size: row.size, mtimeMs: row.mtime_ms, ino: row.ino, mode: row.mode, blocks: row.blocks };
}

export class FileIndex {
  private readonly statements: {
    get: Statement<[number, Buffer], Row>;
    put: Statement<[number, Buffer, number, number, number, number, number, Buffer]>;
    remove: Statement<[number, Buffer]>;
    removeRange: Statement<[number, Buffer, Buffer]>;
    moveRange: Statement<[Buffer, number, number, Buffer, Buffer]>;
    firstInRange: Statement<[number, Buffer, Buffer], Row>;
    page: Statement<[number, Buffer, Buffer, number], Row>;
    byIno: Statement<[number, number], Row>;
    noteIntent: Statement<[number, string]>;
    clearIntent: Statement<[number]>;
  };

  private constructor(private readonly db: Database) {
    this.statements = {
      get: db.prepare<[number, Buffer], Row>(`SELECT ${COLUMNS} FROM entries WHERE root = ? AND key = ?`),
      put: db.prepare<[number, Buffer, number, number, number, number, number, Buffer]>(`INSERT OR REPLACE INTO entries (root, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      remove: db.prepare<[number, Buffer]>('DELETE FROM entries WHERE root = ? AND key = ?'),
      removeRange: db.prepare<[number, Buffer, Buffer]>('DELETE FROM entries WHERE root = ? AND key >= ? AND key < ?'),
      // Text concatenation keeps the bytes (NULs included); the CAST turns the result back into a BLOB key.
      moveRange: db.prepare<[Buffer, number, number, Buffer, Buffer]>('UPDATE entries SET key = CAST(? || substr(key, ?) AS BLOB) WHERE root = ? AND key >= ? AND key < ?'),
      firstInRange: db.prepare<[number, Buffer, Buffer], Row>(`SELECT ${COLUMNS} FROM entries WHERE root = ? AND key >= ? AND key < ? ORDER BY key LIMIT 1`),
      page: db.prepare<[number, Buffer, Buffer, number], Row>(`SELECT ${COLUMNS} FROM entries WHERE root = ? AND key > ? AND key < ? ORDER BY key LIMIT ?`),
      byIno: db.prepare<[number, number], Row>(`SELECT ${COLUMNS} FROM entries WHERE root = ? AND ino = ? LIMIT 16`),
      noteIntent: db.prepare<[number, string]>('INSERT INTO flush_intents (root, paths) VALUES (?, ?)'),
      clearIntent: db.prepare<[number]>('DELETE FROM flush_intents WHERE id = ?'),
    };
  }

  /** Opens (creating if needed) the index file in WAL mode. Fails with E1402, never a bare crash. */
  static open(dbPath: string): FileIndex {
    fs.mkdirSync(path.dirname(dbPath), { recursive: true });
    let db: Database;
    try {
      db = new Driver(dbPath);
    } catch (error) {
      throw new CaptureError('E1402', `${dbPath}: ${describeCatalogOpenFailure(error)}`, { cause: error });
    }
    try {
      db.pragma('journal_mode = WAL');
      // NORMAL in WAL survives an engine crash; a power loss may drop the last updates, which
      // only makes the next start rediff those files (records are idempotent), never skip one.
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
      const version = Number(db.pragma('user_version', { simple: true }));
      if (version > SCHEMA_VERSION) throw new Error(`index schema ${version} is newer than this engine (${SCHEMA_VERSION})`);
      db.exec(`CREATE TABLE IF NOT EXISTS entries (
        root INTEGER NOT NULL, key BLOB NOT NULL, kind INTEGER NOT NULL, size INTEGER NOT NULL,
        mtime_ms REAL NOT NULL, ino INTEGER NOT NULL, mode INTEGER NOT NULL, blocks BLOB NOT NULL,
        PRIMARY KEY (root, key)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS entries_by_ino ON entries (root, ino);
        CREATE TABLE IF NOT EXISTS flush_intents (id INTEGER PRIMARY KEY, root INTEGER NOT NULL, paths TEXT NOT NULL);`);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
      return new FileIndex(db);
    } catch (error) {
      db.close();
      throw new CaptureError('E1402', `${dbPath}: ${describeCatalogOpenFailure(error)}`, { cause: error });
    }
  }

  get(root: number, path: string): IndexEntry | undefined {
    const row = this.statements.get.get(root, pathKey(path));
    return row ? toEntry(row) : undefined;
  }

  put(root: number, path: string, entry: IndexEntry): void {
    const { kind, size, mtimeMs, ino, mode, blocks } = entry;
    const kindCode = kind === 'directory' ? 1 : 0;
    const blob = Buffer.from(blocks.buffer, blocks.byteOffset, blocks.byteLength);
    this.statements.put.run(root, pathKey(path), kindCode, size, mtimeMs, ino, mode, blob);
  }

  /** Removes one entry only (a file, or a directory record without touching its children). */
  remove(root: number, path: string): void {
    this.statements.remove.run(root, pathKey(path));
  }

  /** Removes `dirPath` and every entry below it; returns how many entries went. */
  removeTree(root: number, dirPath: string): number {
    const { start, end } = treeRange(dirPath);
    return this.statements.removeRange.run(root, start, end).changes;
  }

  /**
   * Moves `from` and everything below it to `to` in one transaction, replacing whatever the
   * index held at `to` (a rename replaces its target). Returns how many entries moved.
   */
  renameTree(root: number, from: string, to: string): number {
    if (isWithin(to, from) || isWithin(from, to)) throw new RangeError(`cannot move ${from} onto ${to}: one contains the other`);
    const source = treeRange(from);
    const fromKey = pathKey(from);
    return this.db.transaction(() => {
      this.removeTree(root, to);
      return this.statements.moveRange.run(pathKey(to), fromKey.byteLength + 1, root, source.start, source.end).changes;
    })();
  }

  /**
   * Direct children of `dirPath` ('' = the root) in key order, one page at a time: pass the
   * last name returned as `after` for the next page. Each child costs one index seek that
   * skips the child's whole subtree, so listing a folder never scans what lies below it.
   */
  listChildren(root: number, dirPath: string, options: { after?: string; limit?: number } = {}): IndexedEntry[] {
    const limit = options.limit ?? 1000;
    const { start, end } = childrenRange(dirPath);
    let cursor = options.after === undefined ? start : afterSubtree(Buffer.concat([start, Buffer.from(options.after, 'utf8')]));
    const children: IndexedEntry[] = [];
    while (children.length < limit) {
      const row = this.statements.firstInRange.get(root, cursor, end);
      if (!row) break;
      const nameEnd = segmentEnd(row.key, start.byteLength);
      // A deeper key means the child's own entry is missing (never indexed): skip its subtree.
      if (nameEnd === row.key.byteLength) children.push(toEntry(row));
      cursor = afterSubtree(row.key.subarray(0, nameEnd));
    }
    return children;
  }

  /**
   * Every entry of `root` under `prefix` (the prefix entry included; '' or omitted = all) in
   * depth-first order, fetched `pageSize` rows at a time. Each page is a separate query, so
   * the caller may write to the index between items.
   */
  *iterate(root: number, prefix = '', pageSize = 1000): Generator<IndexedEntry> {
    const { start, end } = treeRange(prefix);
    const first = this.statements.firstInRange.get(root, start, end);
    if (!first) return;
    yield toEntry(first);
    let last = first.key;
    for (;;) {
      const rows = this.statements.page.all(root, last, end, pageSize);
      for (const row of rows) yield toEntry(row);
      const tail = rows.at(-1);
      if (!tail || rows.length < pageSize) return;
      last = tail.key;
    }
  }

  /** Entries with this inode number (several for hard links): rename pairing's lookup. */
  findByIno(root: number, ino: number): IndexedEntry[] {
    return this.statements.byIno.all(root, ino).map(toEntry);
  }

  /**
   * Notes, before a flush sends its records, the paths it may create on the Replica without the
   * index knowing yet (a new file or folder, a move's source and destination). A crash between
   * the spool and the index update leaves the note: the next start resends those paths
   * (flush-action.ts, resendInterruptedFlushes) instead of trusting the index for them.
   */
  noteIntent(root: number, paths: readonly string[]): number {
    return Number(this.statements.noteIntent.run(root, JSON.stringify(paths)).lastInsertRowid);
  }

  clearIntent(id: number): void {
    this.statements.clearIntent.run(id);
  }

  /** Notes left by flushes a crash interrupted, oldest first. */
  intents(): { id: number; root: number; paths: string[] }[] {
    const rows = this.db.prepare('SELECT id, root, paths FROM flush_intents ORDER BY id').all() as { id: number; root: number; paths: string }[];
    return rows.map((row) => ({ id: row.id, root: row.root, paths: (JSON.parse(row.paths) as unknown[]).filter((item): item is string => typeof item === 'string') }));
  }

  /** Runs `work` in one transaction (a scan writing thousands of entries commits once). */
  batch<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
