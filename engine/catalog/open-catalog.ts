import fs from 'node:fs';
import path from 'node:path';
import Driver, { type Database } from 'better-sqlite3';
import { UserError } from '../messages/user-error';
import { migrate } from './migrate';
import { migrations } from './migrations';

export const CATALOG_FILE_NAME = 'catalog.db';

export interface OpenCatalogOptions {
  /** Path to a better_sqlite3.node built for the running ABI (Electron in development). */
  nativeBinding?: string;
}

/**
 * Explains the most common failure in one line: the native SQLite driver was compiled for
 * a different runtime (Node vs Electron) than the one loading it.
 */
export function describeCatalogOpenFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const abi = /NODE_MODULE_VERSION (\d+)[\s\S]*?NODE_MODULE_VERSION (\d+)/.exec(text);
  if (abi) {
    return `better-sqlite3 was built for ABI ${abi[1]} but this runtime needs ABI ${abi[2]}; rebuild it for this runtime (npm run rebuild:electron for the desktop app, npm rebuild better-sqlite3 for Node).`;
  }
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (code === 'ERR_DLOPEN_FAILED' || /invalid ELF header|was compiled against a different|Could not locate the bindings file/.test(text)) {
    return `the SQLite driver (better-sqlite3) could not be loaded: ${text.split('\n')[0]}`;
  }
  return text.split('\n')[0] ?? text;
}

/**
 * Opens (creating if needed) the catalog in `dataDir`, in WAL mode, with every migration
 * applied. better-sqlite3 loads its native driver in the constructor, so a driver built for
 * another runtime surfaces here as E1004 instead of crashing at import time.
 */
export function openCatalog(dataDir: string, options: OpenCatalogOptions = {}): Database {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, CATALOG_FILE_NAME);
  let db: Database;
  try {
    db = new Driver(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw new UserError('E1004', `${file}: ${describeCatalogOpenFailure(error)}`);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof UserError) throw error;
    throw new UserError('E1004', `${file}: ${describeCatalogOpenFailure(error)}`);
  }
}
