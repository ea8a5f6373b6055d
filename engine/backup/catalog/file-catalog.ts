import { pathFlavour } from '../../scenario/paths';
import type { Database } from 'better-sqlite3';
import { FileCatalogWriter, KIND_CODES, NameIdCache, type CatalogEntryKind } from './file-catalog-writer';
import { childPath, directoryKey, splitMasterPath } from './master-path';
import { foldName, planNameSearch, type NamePlan } from './name-pattern';
import { refuse } from './refusals';

/** A file or directory as a session recorded it, under the Master's path. */
export interface CatalogEntry {
  session: number;
  path: string;
  name: string;
  kind: CatalogEntryKind;
  size: number;
  mtimeMs: number;
  mode: number;
  sha256: string | null;
}

/** One version of a path: the entry and when its session was taken. */
export interface FileVersion extends CatalogEntry {
  backedUpAt: string;
}

export interface SearchHit extends FileVersion {
  host: string;
  scenarioId: string;
  scenarioName: string;
  entity: string;
}

export interface Page {
  limit: number;
  offset?: number;
}

export interface SearchQuery extends Page {
  pattern: string;
  /** Only this Master host. */
  host?: string;
  scenarioId?: string;
  /** Only entries at or below this Master folder. */
  under?: string;
  modifiedFrom?: number;
  modifiedTo?: number;
  minSize?: number;
  maxSize?: number;
}

interface EntryRow {
  session: number;
  dir: string;
  name: string;
  kind: number;
  size: number;
  mtime: number;
  mode: number;
  sha256: Buffer | null;
}

interface VersionRow extends EntryRow {
  backed_up_at: string;
}

interface HitRow extends VersionRow {
  host: string;
  scenario_id: string;
  scenario_name: string;
  entity: string;
}

const KINDS = Object.fromEntries(Object.entries(KIND_CODES).map(([kind, code]) => [code, kind])) as Record<number, CatalogEntryKind>;

const ENTRY_COLUMNS = 'f.session, p.path AS dir, n.name, f.kind, f.size, f.mtime, f.mode, f.sha256';

/**
 * Restore-side queries over the file catalog (schema and indexes: migration 1006). Only
 * complete sessions are ever listed. Everything pages with limit/offset. Paths are the
 * Master's: a backup read from the Replica is catalogued as if taken on the Master.
 */
export class FileCatalog {
  private readonly nameIds = new NameIdCache();

  constructor(private readonly db: Database) {}

  /** Records the files of a session being written (state 'writing'). */
  writer(session: number, options: { batchRows?: number } = {}): FileCatalogWriter {
    const row = this.db.prepare('SELECT state, master_host FROM backup_sessions WHERE number = ?').get(session) as
      | { state: string; master_host: string }
      | undefined;
    if (!row) throw refuse({ kind: 'session-not-found', session });
    if (row.state !== 'writing') throw refuse({ kind: 'session-not-writing', session, state: row.state });
    return new FileCatalogWriter(this.db, { number: session, masterHost: row.master_host }, this.nameIds, options.batchRows);
  }

  /** A directory as one complete session holds it (Restore by Session / by Tree): folders first, then by name. */
  listDirectory(query: Page & { session: number; path: string }): CatalogEntry[] {
    const host = this.db.prepare(`SELECT master_host FROM backup_sessions WHERE number = ? AND state = 'complete'`).pluck().get(query.session) as
      | string
      | undefined;
    if (host === undefined) return [];
    const dirId = this.dirId(host, query.path);
    if (dirId === undefined) return [];
    const rows = this.db
      .prepare(
        `SELECT ${ENTRY_COLUMNS} FROM catalog_files f
         JOIN catalog_names n ON n.id = f.name_id JOIN catalog_paths p ON p.id = f.dir_id
         WHERE f.session = ? AND f.dir_id = ?
         ORDER BY f.kind <> ${KIND_CODES.directory}, n.folded, n.name LIMIT ? OFFSET ?`,
      )
      .all(query.session, dirId, query.limit, query.offset ?? 0) as EntryRow[];
    return rows.map(toEntry);
  }

  /** The newest complete session holding this directory of `host`, and the directory as it holds it (Restore by Tree). */
  latestDirectory(query: Page & { host: string; path: string }): { session: number; entries: CatalogEntry[] } | undefined {
    const dirId = this.dirId(query.host, query.path);
    if (dirId === undefined) return undefined;
    const session = this.db
      .prepare(
        `SELECT v.session FROM catalog_dir_sessions v JOIN backup_sessions s ON s.number = v.session
         WHERE v.dir_id = ? AND s.state = 'complete' ORDER BY v.session DESC LIMIT 1`,
      )
      .pluck()
      .get(dirId) as number | undefined;
    if (session === undefined) return undefined;
    return { session, entries: this.listDirectory({ session, path: query.path, limit: query.limit, offset: query.offset ?? 0 }) };
  }

  /**
   * Version History: the path in every complete session, newest first. Names on a Windows
   * Master match whatever their case, as Windows does; on a POSIX Master exactly.
   */
  versions(query: Partial<Page> & { host: string; path: string }): FileVersion[] {
    const { dir, name } = splitMasterPath(query.path);
    const dirId = this.dirId(query.host, dir);
    if (dirId === undefined) return [];
    const exact = pathFlavour(dir) === 'posix';
    const rows = this.db
      .prepare(
        `SELECT ${ENTRY_COLUMNS}, s.started_at AS backed_up_at
         FROM catalog_names n
         CROSS JOIN catalog_files f ON f.name_id = n.id AND f.dir_id = @dirId
         JOIN catalog_paths p ON p.id = f.dir_id
         JOIN backup_sessions s ON s.number = f.session AND s.state = 'complete'
         WHERE n.folded = @folded AND (@exact = 0 OR n.name = @name)
         ORDER BY f.session DESC LIMIT @limit OFFSET @offset`,
      )
      .all({ dirId, folded: foldName(name), name, exact: exact ? 1 : 0, limit: query.limit ?? -1, offset: query.offset ?? 0 }) as VersionRow[];
    return rows.map((row) => ({ ...toEntry(row), backedUpAt: row.backed_up_at }));
  }

  /**
   * Restore by Query: entries of complete FileServer sessions whose name matches `pattern`
   * (see name-pattern.ts), every version. Pages come in a stable order: by name for prefix
   * patterns, in catalog order (first catalogued first) for the others, which is what lets
   * a first page return without sorting every match.
   */
  search(query: SearchQuery): { hits: SearchHit[]; access: NamePlan['access'] } {
    const plan = planNameSearch(query.pattern);
    const { from, where, order } = PLAN_SQL[plan.access];
    const rows = this.db
      .prepare(
        `SELECT ${ENTRY_COLUMNS}, s.started_at AS backed_up_at, p.host, s.scenario_id, r.name AS scenario_name, s.entity
         ${from}
         CROSS JOIN catalog_files f ON f.name_id = n.id
         CROSS JOIN catalog_paths p ON p.id = f.dir_id
         CROSS JOIN backup_sessions s ON s.number = f.session
         CROSS JOIN registered_scenarios r ON r.id = s.scenario_id
         WHERE ${where} AND n.folded GLOB @glob AND s.state = 'complete' AND r.type = 'FileServer'
           AND (@host IS NULL OR p.host = @host) AND (@scenarioId IS NULL OR s.scenario_id = @scenarioId)
           AND (@under IS NULL OR p.path = @under OR substr(p.path, 1, length(@underSlash)) = @underSlash)
           AND (@modifiedFrom IS NULL OR f.mtime >= @modifiedFrom) AND (@modifiedTo IS NULL OR f.mtime <= @modifiedTo)
           AND (@minSize IS NULL OR f.size >= @minSize) AND (@maxSize IS NULL OR f.size <= @maxSize)
         ORDER BY ${order} LIMIT @limit OFFSET @offset`,
      )
      .all({
        ...planParameters(plan),
        glob: plan.glob,
        host: query.host ?? null,
        scenarioId: query.scenarioId ?? null,
        ...underParameters(query.under),
        modifiedFrom: query.modifiedFrom ?? null,
        modifiedTo: query.modifiedTo ?? null,
        minSize: query.minSize ?? null,
        maxSize: query.maxSize ?? null,
        limit: query.limit,
        offset: query.offset ?? 0,
      }) as HitRow[];
    return {
      access: plan.access,
      hits: rows.map((row) => ({ ...toEntry(row), backedUpAt: row.backed_up_at, host: row.host, scenarioId: row.scenario_id, scenarioName: row.scenario_name, entity: row.entity })),
    };
  }

  /** Whether a complete session holds this directory of `host` (a session's top folders in Restore by Session). */
  holdsDirectory(session: number, host: string, path: string): boolean {
    const dirId = this.dirId(host, path);
    if (dirId === undefined) return false;
    return this.db.prepare('SELECT 1 FROM catalog_dir_sessions WHERE dir_id = ? AND session = ?').pluck().get(dirId, session) !== undefined;
  }

  private dirId(host: string, path: string): number | undefined {
    return this.db.prepare('SELECT id FROM catalog_paths WHERE host = ? AND path = ?').pluck().get(host, directoryKey(path)) as number | undefined;
  }
}

/**
 * The access path per plan. CROSS JOIN pins the join order (names first, then their rows),
 * and each ORDER BY is the order that access path already delivers, so SQLite stops after
 * one page instead of sorting every match; the trigram index orders by rowid (= name id) itself.
 */
const PLAN_SQL: Record<NamePlan['access'], { from: string; where: string; order: string }> = {
  prefix: {
    from: 'FROM catalog_names n',
    where: 'n.folded >= @low AND n.folded < @high',
    order: 'n.folded, n.id, f.dir_id, f.session',
  },
  extension: { from: 'FROM catalog_names n', where: 'n.ext = @ext', order: 'n.id, f.dir_id, f.session' },
  trigrams: {
    from: 'FROM catalog_name_trigrams t CROSS JOIN catalog_names n ON n.id = t.rowid',
    where: 'catalog_name_trigrams MATCH @match',
    order: 't.rowid',
  },
  scan: { from: 'FROM catalog_names n', where: '1', order: 'n.id, f.dir_id, f.session' },
};

function planParameters(plan: NamePlan): Record<string, string> {
  switch (plan.access) {
    case 'prefix':
      return { low: plan.from, high: plan.to };
    case 'extension':
      return { ext: plan.ext };
    case 'trigrams':
      return { match: plan.match };
    case 'scan':
      return {};
  }
}

/** The folder itself and its descendants: "/srv" matches "/srv" and "/srv/…", not "/srv2". */
function underParameters(under: string | undefined): { under: string | null; underSlash: string | null } {
  if (under === undefined || under.trim() === '') return { under: null, underSlash: null };
  const key = directoryKey(under);
  const separator = pathFlavour(key) === 'windows' ? '\\' : '/';
  return { under: key, underSlash: key.endsWith(separator) ? key : `${key}${separator}` };
}

function toEntry(row: EntryRow): CatalogEntry {
  return {
    session: row.session,
    path: childPath(row.dir, row.name),
    name: row.name,
    kind: KINDS[row.kind] ?? 'file',
    size: row.size,
    mtimeMs: row.mtime,
    mode: row.mode,
    sha256: row.sha256 === null ? null : row.sha256.toString('hex'),
  };
}
