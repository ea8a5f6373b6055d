import { afterEach, describe, expect, it } from 'vitest';
import { CatalogRefusalError } from '../../../../engine/backup/catalog/refusals';
import { removeTempDirs } from '../../../helpers/temp-dir';
import { SHA_A, beginSession, closeTestCatalogs, fileServerRegistration, openTestCatalog, runningBackup } from './catalog-fixture';

afterEach(() => {
  closeTestCatalogs();
  removeTempDirs();
});

const completion = { archiveSize: 4096, sha256: SHA_A, files: 10, directories: 2, bytes: 3000 };

describe('Sessions', () => {
  it('a session is writing, then complete with its checksum and counts, and only then restorable', () => {
    const test = openTestCatalog();
    const backup = runningBackup(test);
    const session = beginSession(test, backup);
    expect(session).toMatchObject({ state: 'writing', entity: 'Volume C:', masterHost: 'fs01', archiveFile: `S${String(session.number).padStart(8, '0')}.tar.gz` });
    expect(test.catalog.sessions.restorable({ limit: 10 })).toEqual([]);

    test.clock.advance(5_000);
    const complete = test.catalog.sessions.complete(session.number, completion);
    expect(complete).toMatchObject({
      state: 'complete',
      archiveSize: 4096,
      sha256: SHA_A,
      counts: { files: 10, directories: 2, bytes: 3000 },
      finishedAt: test.clock.now().toISOString(),
    });
    expect(test.catalog.sessions.restorable({ limit: 10 })).toEqual([complete]);
    expect(test.catalog.sessions.restorable({ limit: 10, scenarioId: 'other' })).toEqual([]);
    expect(test.catalog.sessions.restorable({ limit: 10, mediaId: backup.mediaId, entity: 'Volume C:' })).toEqual([complete]);
  });

  it('numbers sessions monotonically and never reuses a number', () => {
    const test = openTestCatalog();
    const backup = runningBackup(test);
    const numbers = [beginSession(test, backup).number, beginSession(test, backup).number];
    test.db.prepare('DELETE FROM backup_sessions WHERE number = ?').run(numbers[1]);
    numbers.push(beginSession(test, backup).number);
    expect(numbers[1]).toBe((numbers[0] ?? 0) + 1);
    expect(numbers[2]).toBe((numbers[1] ?? 0) + 1);
  });

  it('a failed session is never restorable and cannot be completed afterwards', () => {
    const test = openTestCatalog();
    const backup = runningBackup(test);
    const session = beginSession(test, backup);
    expect(test.catalog.sessions.fail(session.number, 'device full')).toMatchObject({ state: 'failed', failure: 'device full' });
    let thrown: unknown;
    try {
      test.catalog.sessions.complete(session.number, completion);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CatalogRefusalError);
    expect((thrown as CatalogRefusalError).refusal).toEqual({ kind: 'session-not-writing', session: session.number, state: 'failed' });
    expect(test.catalog.sessions.restorable({ limit: 10 })).toEqual([]);
  });

  it('the database itself refuses a complete session without a checksum, and encryption without salt and key check', () => {
    const test = openTestCatalog();
    const backup = runningBackup(test);
    const session = beginSession(test, backup);
    expect(() => test.db.prepare(`UPDATE backup_sessions SET state = 'complete', finished_at = 'x', archive_size = 1 WHERE number = ?`).run(session.number)).toThrow(/CHECK/);
    expect(() => test.db.prepare('UPDATE backup_sessions SET encrypted = 1 WHERE number = ?').run(session.number)).toThrow(/CHECK/);
    expect(() => test.catalog.sessions.complete(session.number, { ...completion, sha256: 'not hex' })).toThrow();
  });

  it('keeps the KDF, salt and key check of an encrypted session (never a password)', () => {
    const test = openTestCatalog();
    const backup = runningBackup(test);
    const salt = new Uint8Array(16).fill(7);
    const keyCheck = new Uint8Array(16).fill(9);
    const session = test.catalog.sessions.begin({
      runId: backup.runId,
      scenarioId: fileServerRegistration().id,
      masterHost: 'fs01',
      entity: 'Volume D:',
      mediaId: backup.mediaId,
      devicePath: backup.devicePath,
      archiveFile: 'S1.tar.gz.enc',
      archiveOffset: 512,
      compression: 'gzip',
      encryption: { kdf: 'scrypt log2N=15 r=8 p=1', salt, keyCheck },
    });
    const stored = test.catalog.sessions.require(session.number);
    expect(stored.encryption?.kdf).toBe('scrypt log2N=15 r=8 p=1');
    expect(Buffer.from(stored.encryption?.salt ?? [])).toEqual(Buffer.from(salt));
    expect(Buffer.from(stored.encryption?.keyCheck ?? [])).toEqual(Buffer.from(keyCheck));
    expect(stored.archiveOffset).toBe(512);
    const columns = test.db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('backup_sessions') as string[];
    expect(columns.filter((column) => /password/i.test(column))).toEqual([]);
  });

  it('failInterrupted fails every session still being written and returns their numbers', () => {
    const test = openTestCatalog();
    const backup = runningBackup(test);
    const done = beginSession(test, backup);
    test.catalog.sessions.complete(done.number, completion);
    const cut = [beginSession(test, backup, 'Volume D:').number, beginSession(test, backup, 'Volume C:').number];
    expect(test.catalog.sessions.failInterrupted('stopped')).toEqual(cut);
    expect(cut.map((number) => test.catalog.sessions.get(number)?.state)).toEqual(['failed', 'failed']);
    expect(test.catalog.sessions.forRun(backup.runId).map((session) => session.state)).toEqual(['complete', 'failed', 'failed']);
    expect(test.catalog.sessions.restorable({ limit: 10 }).map((session) => session.number)).toEqual([done.number]);
  });
});
