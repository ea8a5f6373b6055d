import type { Database, Statement } from 'better-sqlite3';
import { refuse } from './refusals';
import { childPath, splitMasterPath } from './master-path';
import { extensionOf, foldName } from './name-pattern';

export type CatalogEntryKind = 'file' | 'directory' | 'symlink';

/** Stored as small integers: SQLite keeps 0 and 1 in the record header, no payload bytes. */
export const KIND_CODES: Record<CatalogEntryKind, number> = { file: 0, directory: 1, symlink: 2 };

/** One file or directory of a session, under its Master path. */
export interface CatalogEntryInput {
  path: string;
  kind: CatalogEntryKind;
  size: number;
  mtimeMs: number;
  /** POSIX mode bits or Windows attributes, as the Master reports them. */
  mode: number;
  /** Content hash, 64 hex digits, as the session's manifest has it; null for directories. */
  sha256: string | null;
}

export interface WriterTotals {
  files: number;
  directories: number;
  bytes: number;
}

/** Dictionary caches are bounded; a miss costs one indexed look-up, not a wrong answer. */
const CACHE_LIMIT = 250_000;

/**
 * Name → id, shared by the writers of one catalog: the next full backup of a server repeats
 * nearly every name, and finding them here instead of in the index makes it twice as fast.
 * Only rows committed are cached; names are never deleted (nothing purges the dictionary).
 */
export class NameIdCache {
  private readonly ids = new Map<string, number>();

  get(name: string): number | undefined {
    return this.ids.get(name);
  }

  set(name: string, id: number): void {
    if (this.ids.size >= CACHE_LIMIT) this.ids.clear();
    this.ids.set(name, id);
  }

  clear(): void {
    this.ids.clear();
  }
}

/**
 * Records one session's files while the backup writes them. Entries are buffered and
 * inserted `batchRows` at a time, each batch in one transaction: the name and path indexes
 * take random inserts, and a larger transaction writes each touched index page once instead
 * of once per row (10,000 → 50,000 rows per batch more than doubles the rate). Call `flush`
 * before the session is completed. Meant for a worker thread's connection on large backups:
 * a batch holds the write lock and its thread for a few hundred milliseconds.
 */
export class FileCatalogWriter {
  private readonly pending: CatalogEntryInput[] = [];
  private readonly dirIds = new Map<string, number>();
  /** Names first seen in the batch being written: shared only once it commits. */
  private readonly newNames = new Map<string, number>();
  private readonly counts: WriterTotals = { files: 0, directories: 0, bytes: 0 };
  private readonly statements: {
    state: Statement;
    findDir: Statement;
    insertDir: Statement;
    markDir: Statement;
    findName: Statement;
    insertName: Statement;
    insertTrigrams: Statement;
    insertFile: Statement;
  };
  private readonly writeBatch: (entries: readonly CatalogEntryInput[]) => void;

  constructor(
    db: Database,
    private readonly session: { number: number; masterHost: string },
    private readonly nameIds: NameIdCache = new NameIdCache(),
    private readonly batchRows = 50_000,
  ) {
    this.statements = {
      state: db.prepare('SELECT state FROM backup_sessions WHERE number = ?').pluck(),
      findDir: db.prepare('SELECT id FROM catalog_paths WHERE host = ? AND path = ?').pluck(),
      insertDir: db.prepare('INSERT INTO catalog_paths (host, path) VALUES (?, ?)'),
      markDir: db.prepare('INSERT OR IGNORE INTO catalog_dir_sessions (dir_id, session) VALUES (?, ?)'),
      findName: db.prepare('SELECT id FROM catalog_names WHERE folded = ? AND name = ?').pluck(),
      insertName: db.prepare('INSERT INTO catalog_names (name, folded, ext) VALUES (?, ?, ?)'),
      insertTrigrams: db.prepare('INSERT INTO catalog_name_trigrams (rowid, folded) VALUES (?, ?)'),
      insertFile: db.prepare('INSERT INTO catalog_files (session, dir_id, name_id, kind, size, mtime, mode, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    };
    this.writeBatch = db.transaction((entries: readonly CatalogEntryInput[]) => {
      const state = this.statements.state.get(this.session.number) as string | undefined;
      if (state !== 'writing') throw refuse({ kind: 'session-not-writing', session: this.session.number, state: state ?? 'missing' });
      for (const entry of entries) this.insert(entry);
    });
  }

  add(entry: CatalogEntryInput): void {
    this.pending.push(entry);
    if (this.pending.length >= this.batchRows) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    try {
      this.writeBatch(this.pending);
    } catch (error) {
      // The batch was rolled back: ids it created name rows that no longer exist.
      this.dirIds.clear();
      this.newNames.clear();
      this.pending.length = 0;
      throw error;
    }
    for (const [name, id] of this.newNames) this.nameIds.set(name, id);
    this.newNames.clear();
    for (const entry of this.pending) {
      if (entry.kind === 'directory') this.counts.directories++;
      else this.counts.files++;
      this.counts.bytes += entry.kind === 'file' ? entry.size : 0;
    }
    this.pending.length = 0;
  }

  /** What has been recorded so far (flushed entries only). */
  totals(): WriterTotals {
    return { ...this.counts };
  }

  private insert(entry: CatalogEntryInput): void {
    const { dir, name } = splitMasterPath(entry.path);
    const dirId = this.dirId(dir);
    // A directory is also a place to list: it gets its own path row, so an empty folder still opens.
    if (entry.kind === 'directory') this.dirId(childPath(dir, name));
    this.statements.insertFile.run(
      this.session.number,
      dirId,
      this.nameId(name),
      KIND_CODES[entry.kind],
      entry.size,
      Math.round(entry.mtimeMs),
      entry.mode,
      entry.sha256 === null ? null : Buffer.from(entry.sha256, 'hex'),
    );
  }

  private dirId(dir: string): number {
    const cached = this.dirIds.get(dir);
    if (cached !== undefined) return cached;
    const found = this.statements.findDir.get(this.session.masterHost, dir) as number | undefined;
    const id = found ?? Number(this.statements.insertDir.run(this.session.masterHost, dir).lastInsertRowid);
    // Once per directory per session (the cache lives as long as this session's writer).
    this.statements.markDir.run(id, this.session.number);
    if (this.dirIds.size >= CACHE_LIMIT) this.dirIds.clear();
    this.dirIds.set(dir, id);
    return id;
  }

  private nameId(name: string): number {
    const cached = this.nameIds.get(name) ?? this.newNames.get(name);
    if (cached !== undefined) return cached;
    const folded = foldName(name);
    const found = this.statements.findName.get(folded, name) as number | undefined;
    if (found !== undefined) {
      this.nameIds.set(name, found);
      return found;
    }
    const id = Number(this.statements.insertName.run(name, folded, extensionOf(folded)).lastInsertRowid);
    this.statements.insertTrigrams.run(id, folded);
    this.newNames.set(name, id);
    return id;
  }
}
