import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOG_FILE_NAME, describeCatalogOpenFailure, openCatalog } from '../../../engine/catalog/open-catalog';
import { UserError } from '../../../engine/messages/user-error';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir';

const ABI_MISMATCH = [
  "The module '/x/node_modules/better-sqlite3/build/Release/better_sqlite3.node'",
  'was compiled against a different Node.js version using',
  'NODE_MODULE_VERSION 115. This version of Node.js requires',
  'NODE_MODULE_VERSION 136. Please try re-compiling or re-installing',
  'the module (for instance, using `npm rebuild` or `npm install`).',
].join('\n');

function openFailure(dataDir: string, options?: Parameters<typeof openCatalog>[1]): UserError {
  try {
    openCatalog(dataDir, options).close();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw new Error(`expected a UserError, got ${String(error)}`);
  }
  throw new Error('expected openCatalog to fail');
}

afterEach(() => {
  removeTempDirs();
});

describe('describeCatalogOpenFailure', () => {
  it('turns a NODE_MODULE_VERSION mismatch into one line naming both ABIs and the rebuild commands', () => {
    const error = Object.assign(new Error(ABI_MISMATCH), { code: 'ERR_DLOPEN_FAILED' });
    const message = describeCatalogOpenFailure(error);
    expect(message).not.toContain('\n');
    expect(message).toContain('ABI 115');
    expect(message).toContain('ABI 136');
    expect(message.indexOf('115')).toBeLessThan(message.indexOf('136'));
    expect(message).toContain('npm run rebuild:electron');
    expect(message).toContain('npm rebuild better-sqlite3');
  });

  it('reads the ABIs from a thrown string as well as an Error', () => {
    const message = describeCatalogOpenFailure(ABI_MISMATCH.replace('115', '127').replace('136', '133'));
    expect(message).toContain('built for ABI 127');
    expect(message).toContain('needs ABI 133');
  });

  it.each([
    ['Error: /x/better_sqlite3.node: invalid ELF header\nmore detail', 'Error: /x/better_sqlite3.node: invalid ELF header'],
    ['Could not locate the bindings file. Tried:\n → /x/build/better_sqlite3.node', 'Could not locate the bindings file. Tried:'],
  ])('names the SQLite driver when it could not be loaded: %j', (text, firstLine) => {
    expect(describeCatalogOpenFailure(new Error(text))).toBe(`the SQLite driver (better-sqlite3) could not be loaded: ${firstLine}`);
  });

  it('names the SQLite driver when Node reports ERR_DLOPEN_FAILED in the error code', () => {
    const error = Object.assign(new Error('/x/better_sqlite3.node: file too short'), { code: 'ERR_DLOPEN_FAILED' });
    expect(describeCatalogOpenFailure(error)).toBe('the SQLite driver (better-sqlite3) could not be loaded: /x/better_sqlite3.node: file too short');
  });

  it('keeps only the first line of any other failure', () => {
    expect(describeCatalogOpenFailure(new Error('file is not a database\n    at Database.pragma'))).toBe('file is not a database');
    expect(describeCatalogOpenFailure('disk I/O error')).toBe('disk I/O error');
  });
});

describe('openCatalog failures', () => {
  it('a catalog.db that is not a database is refused with E1004 naming the file, and left as it was', () => {
    const dir = tempDir();
    const file = path.join(dir, CATALOG_FILE_NAME);
    const garbage = Buffer.from(Array.from({ length: 8192 }, (_unused, index) => (index * 37 + 11) % 256));
    fs.writeFileSync(file, garbage);

    const error = openFailure(dir);
    expect(error.code).toBe('E1004');
    expect(error.message).toContain(file);
    expect(error.message).not.toContain('\n');
    expect(error.toInfo().module).toBe('Catalog');
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
  });

  it('a nativeBinding that does not exist is refused with E1004 instead of crashing', () => {
    const dir = tempDir();
    const missing = path.join(dir, 'no-such-dir', 'better_sqlite3.node');
    const error = openFailure(dir, { nativeBinding: missing });
    expect(error.code).toBe('E1004');
    expect(error.message).toContain(path.join(dir, CATALOG_FILE_NAME));
    expect(error.message).toContain('no-such-dir');
  });

  it('a nativeBinding that is not a native module is refused with E1004', () => {
    const dir = tempDir();
    const fake = path.join(dir, 'better_sqlite3.node');
    fs.writeFileSync(fake, 'this is not a shared library');
    const error = openFailure(dir, { nativeBinding: fake });
    expect(error.code).toBe('E1004');
    expect(error.message).toContain(fake);
  });

  it('a nativeBinding that is not a native module is described as a driver load failure', () => {
    const dir = tempDir();
    const fake = path.join(dir, 'better_sqlite3.node');
    fs.writeFileSync(fake, 'this is not a shared library');
    const error = openFailure(dir, { nativeBinding: fake });
    expect(error.message).toContain('the SQLite driver (better-sqlite3) could not be loaded');
  });

  it('after a refusal the same folder opens once the damaged file is removed', () => {
    const dir = tempDir();
    const file = path.join(dir, CATALOG_FILE_NAME);
    fs.writeFileSync(file, 'garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage');
    expect(openFailure(dir).code).toBe('E1004');
    fs.rmSync(file);
    const db = openCatalog(dir);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });
});
