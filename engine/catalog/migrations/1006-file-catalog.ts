import type { Migration } from './migration';

/**
 * The file catalog: one row per file or directory per session, recorded under the Master's
 * host name and paths, sized for 10 million rows.
 *
 * Why this shape (after Bacula/Bareos, whose users' first complaint is slow restore browsing):
 * - A row holds integers only: the session number, the id of its directory and the id of its
 *   name. Directory paths live once in `catalog_paths` and names once in `catalog_names`.
 *   Every full backup repeats the same tree, so with N sessions of one server a name is
 *   stored once instead of N times, and the name searches below run over the distinct names
 *   (about a tenth of the rows after ten backups) instead of every row.
 * - `catalog_files` is WITHOUT ROWID, clustered on (session, dir_id, name_id): listing a
 *   directory of a session (restore by Tree) is one range read of the table itself, and a
 *   backup inserts in walk order, so the table grows nearly append-only.
 * - `catalog_files_by_name` (name_id, dir_id, session) answers both Version History (one
 *   name in one directory, every session) and "which rows carry this name" for searches.
 * - Name searches (restore by Query) start from `catalog_names`: `folded` (lower case) is
 *   indexed for prefixes ('report*') and exact names; `ext` (text after the last dot) is
 *   indexed for the commonest query, '*.mdf'; the trigram index finds any literal of three
 *   or more characters ('*budget*', '*_2024.xlsx') without a scan. Indexing the extension
 *   instead of a reversed name costs far less per insert (its keys arrive nearly in order;
 *   a reversed name lands at a random place in a large index), and the trigrams cover the
 *   other suffixes.
 * - No foreign keys on `catalog_files`: only FileCatalogWriter inserts there, and three
 *   parent look-ups per row would cost a third of the insert rate.
 * - `catalog_dir_sessions` (after Bareos' PathVisibility) says which sessions hold each
 *   directory, so "the latest session with this folder" is one indexed look-up.
 */
export const fileCatalogMigration: Migration = {
  version: 1006,
  name: 'file catalog',
  up(db) {
    db.exec(`
      CREATE TABLE catalog_paths (
        id    INTEGER PRIMARY KEY,
        host  TEXT NOT NULL,                      -- the Master's host name
        path  TEXT NOT NULL,                      -- a directory path as the Master spells it
        UNIQUE (host, path)
      );
      CREATE TABLE catalog_names (
        id      INTEGER PRIMARY KEY,
        name    TEXT NOT NULL,                    -- as on the Master (case kept)
        folded  TEXT NOT NULL,                    -- lower case: searches ignore case, as Windows does
        ext     TEXT NOT NULL                     -- folded text after the last dot; '' when none
      );
      CREATE INDEX catalog_names_by_folded ON catalog_names (folded);
      CREATE INDEX catalog_names_by_ext ON catalog_names (ext);
      -- Contentless (the text is in catalog_names), positions not kept (detail=none): a
      -- literal is found as the AND of its trigrams and confirmed with GLOB on catalog_names.
      CREATE VIRTUAL TABLE catalog_name_trigrams USING fts5 (
        folded, content = '', contentless_delete = 1, detail = none, tokenize = 'trigram case_sensitive 1'
      );
      CREATE TABLE catalog_files (
        session  INTEGER NOT NULL,                -- backup_sessions.number
        dir_id   INTEGER NOT NULL,                -- catalog_paths.id of the containing directory
        name_id  INTEGER NOT NULL,                -- catalog_names.id
        kind     INTEGER NOT NULL,                -- 0 file, 1 directory, 2 symbolic link
        size     INTEGER NOT NULL,
        mtime    INTEGER NOT NULL,                -- ms since the epoch
        mode     INTEGER NOT NULL,                -- POSIX mode bits or Windows attributes, as the Master reports
        sha256   BLOB,                            -- content hash, 32 bytes; NULL for directories
        PRIMARY KEY (session, dir_id, name_id)
      ) WITHOUT ROWID;
      CREATE INDEX catalog_files_by_name ON catalog_files (name_id, dir_id, session);
      CREATE TABLE catalog_dir_sessions (
        dir_id   INTEGER NOT NULL,
        session  INTEGER NOT NULL,
        PRIMARY KEY (dir_id, session)
      ) WITHOUT ROWID;
    `);
  },
};
