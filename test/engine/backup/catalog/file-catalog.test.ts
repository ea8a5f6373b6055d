import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogEntryInput } from '../../../../engine/backup/catalog/file-catalog-writer';
import { CatalogRefusalError } from '../../../../engine/backup/catalog/refusals';
import { removeTempDirs } from '../../../helpers/temp-dir';
import { SHA_A, SHA_B, beginSession, closeTestCatalogs, fileServerRegistration, openTestCatalog, runningBackup, type TestCatalog } from './catalog-fixture';

afterEach(() => {
  closeTestCatalogs();
  removeTempDirs();
});

const MTIME = Date.parse('2026-11-20T10:00:00.000Z');
const dir = (path: string): CatalogEntryInput => ({ path, kind: 'directory', size: 0, mtimeMs: MTIME, mode: 0x10, sha256: null });
const file = (path: string, size = 100, sha256 = SHA_A): CatalogEntryInput => ({ path, kind: 'file', size, mtimeMs: MTIME, mode: 0x20, sha256 });

const TREE: CatalogEntryInput[] = [
  dir('C:\\Finance'),
  dir('C:\\Finance\\Reports'),
  dir('C:\\Finance\\Empty'),
  file('C:\\Finance\\ledger.mdf', 4096),
  file('C:\\Finance\\ledger_log.ldf', 1024),
  file('C:\\Finance\\Budget 2026.xlsx', 300),
  file('C:\\Finance\\[draft] notes.txt', 10),
  file('C:\\Finance\\Reports\\Q1 report.pdf', 500),
  file('C:\\Finance\\Reports\\q2 REPORT.pdf', 600),
  file('C:\\Finance\\Reports\\archive.MDF', 700),
];

/** Writes entries into a new session of the running backup and completes it (unless told not to). */
function backUp(test: TestCatalog, backup: ReturnType<typeof runningBackup>, entries: CatalogEntryInput[], complete = true, batchRows?: number): number {
  const session = beginSession(test, backup);
  const writer = test.catalog.files.writer(session.number, batchRows === undefined ? {} : { batchRows });
  for (const entry of entries) writer.add(entry);
  writer.flush();
  const totals = writer.totals();
  if (complete) test.catalog.sessions.complete(session.number, { archiveSize: 1, sha256: SHA_A, ...totals });
  return session.number;
}

describe('FileCatalog', () => {
  it('records a session under the Master host and paths, and lists a directory folders first, then by name', () => {
    const test = openTestCatalog();
    const backup = runningBackup(test);
    const session = beginSession(test, backup);
    const writer = test.catalog.files.writer(session.number, { batchRows: 3 });
    for (const entry of TREE) writer.add(entry);
    writer.flush();
    expect(writer.totals()).toEqual({ files: 7, directories: 3, bytes: 4096 + 1024 + 300 + 10 + 500 + 600 + 700 });
    // Not restorable while being written.
    expect(test.catalog.files.listDirectory({ session: session.number, path: 'C:\\Finance', limit: 100 })).toEqual([]);
    test.catalog.sessions.complete(session.number, { archiveSize: 1, sha256: SHA_A, ...writer.totals() });

    const listing = test.catalog.files.listDirectory({ session: session.number, path: 'C:/Finance/', limit: 100 });
    expect(listing.map((entry) => [entry.kind, entry.path])).toEqual([
      ['directory', 'C:\\Finance\\Empty'],
      ['directory', 'C:\\Finance\\Reports'],
      ['file', 'C:\\Finance\\[draft] notes.txt'],
      ['file', 'C:\\Finance\\Budget 2026.xlsx'],
      ['file', 'C:\\Finance\\ledger.mdf'],
      ['file', 'C:\\Finance\\ledger_log.ldf'],
    ]);
    expect(listing[4]).toEqual({ session: session.number, path: 'C:\\Finance\\ledger.mdf', name: 'ledger.mdf', kind: 'file', size: 4096, mtimeMs: MTIME, mode: 0x20, sha256: SHA_A });
    expect(test.catalog.files.listDirectory({ session: session.number, path: 'C:\\Finance', limit: 2, offset: 2 }).map((entry) => entry.name)).toEqual([
      '[draft] notes.txt',
      'Budget 2026.xlsx',
    ]);
    expect(test.catalog.files.listDirectory({ session: session.number, path: 'C:\\', limit: 10 }).map((entry) => entry.path)).toEqual(['C:\\Finance']);
    expect(test.catalog.files.listDirectory({ session: session.number, path: 'C:\\Finance\\Empty', limit: 10 })).toEqual([]);
  });

  it('by Tree: a folder opens as the newest complete session holds it; writing and failed sessions are skipped', () => {
    const test = openTestCatalog();
    const backup = runningBackup(test);
    const first = backUp(test, backup, TREE);
    const second = backUp(test, backup, [...TREE.filter((entry) => !entry.path.endsWith('.ldf')), file('C:\\Finance\\new.txt')]);
    backUp(test, backup, [dir('C:\\Finance'), file('C:\\Finance\\half-written.txt')], false);
    const failed = backUp(test, backup, [dir('C:\\Finance'), file('C:\\Finance\\failed.txt')], false);
    test.catalog.sessions.fail(failed, 'device full');

    const latest = test.catalog.files.latestDirectory({ host: 'fs01', path: 'C:\\Finance', limit: 100 });
    expect(latest?.session).toBe(second);
    expect(latest?.entries.map((entry) => entry.name)).toEqual(['Empty', 'Reports', '[draft] notes.txt', 'Budget 2026.xlsx', 'ledger.mdf', 'new.txt']);
    expect(test.catalog.files.latestDirectory({ host: 'fs01', path: 'C:\\Finance\\Empty', limit: 10 })).toEqual({ session: second, entries: [] });
    expect(test.catalog.files.latestDirectory({ host: 'other-host', path: 'C:\\Finance', limit: 10 })).toBeUndefined();
    expect(test.catalog.files.listDirectory({ session: first, path: 'C:\\Finance', limit: 100 }).map((entry) => entry.name)).toContain('ledger_log.ldf');
  });

  it('Version History: one path in every complete session, newest first, any case on a Windows Master', () => {
    const test = openTestCatalog();
    const backup = runningBackup(test);
    const first = backUp(test, backup, TREE);
    test.clock.advance(86_400_000);
    const second = backUp(test, backup, TREE.map((entry) => (entry.path.endsWith('ledger.mdf') ? file(entry.path, 8192, SHA_B) : entry)));
    backUp(test, backup, TREE, false);

    const versions = test.catalog.files.versions({ host: 'fs01', path: 'C:\\Finance\\LEDGER.MDF' });
    expect(versions.map((version) => [version.session, version.size, version.sha256])).toEqual([
      [second, 8192, SHA_B],
      [first, 4096, SHA_A],
    ]);
    expect(versions[0]?.backedUpAt).toBe(test.catalog.sessions.get(second)?.startedAt);
    expect(test.catalog.files.versions({ host: 'fs01', path: 'C:\\Finance\\missing.txt' })).toEqual([]);
  });

  it('a POSIX Master matches names exactly in Version History', () => {
    const test = openTestCatalog();
    const registration = fileServerRegistration({ master: { host: 'nas', port: 25000, roots: ['/srv/data'] }, entities: [{ name: 'Volume /srv/data', masterPaths: ['/srv/data'] }] });
    const backup = runningBackup(test, registration);
    const session = beginSession(test, backup, 'Volume /srv/data', registration);
    const writer = test.catalog.files.writer(session.number);
    for (const entry of [dir('/srv/data'), file('/srv/data/Readme'), file('/srv/data/README', 5, SHA_B)]) writer.add(entry);
    writer.flush();
    test.catalog.sessions.complete(session.number, { archiveSize: 1, sha256: SHA_A, ...writer.totals() });
    expect(test.catalog.files.versions({ host: 'nas', path: '/srv/data/README' }).map((version) => version.size)).toEqual([5]);
    expect(test.catalog.files.listDirectory({ session: session.number, path: '/srv/data', limit: 10 }).map((entry) => entry.path)).toEqual([
      '/srv/data/README',
      '/srv/data/Readme',
    ]);
  });

  it('by Query: extension, substring, prefix, ? and literal brackets, ignoring case, complete FileServer sessions only', () => {
    const test = openTestCatalog();
    const backup = runningBackup(test);
    const session = backUp(test, backup, TREE);
    backUp(test, backup, [dir('C:\\Finance'), file('C:\\Finance\\unfinished.mdf')], false);
    const search = (pattern: string): { access: string; paths: string[] } => {
      const { access, hits } = test.catalog.files.search({ pattern, limit: 100 });
      return { access, paths: hits.map((hit) => hit.path).sort() };
    };
    expect(search('*.mdf')).toEqual({ access: 'extension', paths: ['C:\\Finance\\Reports\\archive.MDF', 'C:\\Finance\\ledger.mdf'] });
    expect(search('report')).toEqual({ access: 'trigrams', paths: ['C:\\Finance\\Reports', 'C:\\Finance\\Reports\\Q1 report.pdf', 'C:\\Finance\\Reports\\q2 REPORT.pdf'] });
    expect(search('*report.pdf').paths).toEqual(['C:\\Finance\\Reports\\Q1 report.pdf', 'C:\\Finance\\Reports\\q2 REPORT.pdf']);
    expect(search('Budget*')).toEqual({ access: 'prefix', paths: ['C:\\Finance\\Budget 2026.xlsx'] });
    expect(search('q? report.pdf').paths).toEqual(['C:\\Finance\\Reports\\Q1 report.pdf', 'C:\\Finance\\Reports\\q2 REPORT.pdf']);
    expect(search('[draft]').paths).toEqual(['C:\\Finance\\[draft] notes.txt']);
    expect(search('*_l?g*')).toEqual({ access: 'scan', paths: ['C:\\Finance\\ledger_log.ldf'] });
    expect(search('*.nothing').paths).toEqual([]);

    const hit = test.catalog.files.search({ pattern: 'ledger.mdf', limit: 10 }).hits[0];
    expect(hit).toMatchObject({ session, host: 'fs01', scenarioId: 'scenario-fs', entity: 'Volume C:', size: 4096, sha256: SHA_A });
    expect(test.catalog.files.search({ pattern: '*.mdf', host: 'elsewhere', limit: 10 }).hits).toEqual([]);
    expect(test.catalog.files.search({ pattern: '*.mdf', scenarioId: 'scenario-fs', limit: 10 }).hits).toHaveLength(2);
  });

  it('by Query leaves out SQLServer and Exchange sessions (they restore whole)', () => {
    const test = openTestCatalog();
    const registration = fileServerRegistration({ id: 'sql', type: 'SQLServer', entities: [] });
    const backup = runningBackup(test, registration);
    const session = beginSession(test, backup, 'Database Payroll', registration);
    const writer = test.catalog.files.writer(session.number);
    writer.add(file('D:\\SQL\\Payroll.mdf'));
    writer.flush();
    test.catalog.sessions.complete(session.number, { archiveSize: 1, sha256: SHA_A, ...writer.totals() });
    expect(test.catalog.files.search({ pattern: '*.mdf', limit: 10 }).hits).toEqual([]);
    expect(test.catalog.files.listDirectory({ session: session.number, path: 'D:\\SQL', limit: 10 })).toHaveLength(1);
  });

  it('pages of a search are disjoint and together give every match once, in a stable order', () => {
    const test = openTestCatalog();
    const backup = runningBackup(test);
    const entries = [dir('C:\\Data'), ...Array.from({ length: 250 }, (_, index) => file(`C:\\Data\\file-${String(index).padStart(3, '0')}.log`))];
    backUp(test, backup, entries);
    backUp(test, backup, entries);
    for (const pattern of ['*.log', 'file-*', '*ile-1*']) {
      const all = test.catalog.files.search({ pattern, limit: 1000 }).hits.map((hit) => `${hit.session}:${hit.path}`);
      const paged: string[] = [];
      for (let offset = 0; offset < all.length + 60; offset += 60) paged.push(...test.catalog.files.search({ pattern, limit: 60, offset }).hits.map((hit) => `${hit.session}:${hit.path}`));
      expect(paged).toEqual(all);
      expect(new Set(all).size).toBe(all.length);
    }
    expect(test.catalog.files.search({ pattern: '*.log', limit: 1000 }).hits).toHaveLength(500);
    expect(test.catalog.files.search({ pattern: '*ile-1*', limit: 1000 }).hits).toHaveLength(200);
  });

  it('a writer refuses a session that is not being written, and stops once its session failed', () => {
    const test = openTestCatalog();
    const backup = runningBackup(test);
    const done = backUp(test, backup, TREE);
    expect(() => test.catalog.files.writer(done)).toThrow(CatalogRefusalError);
    const session = beginSession(test, backup);
    const writer = test.catalog.files.writer(session.number);
    writer.add(file('C:\\Finance\\a.txt'));
    test.catalog.sessions.fail(session.number, 'device full');
    expect(() => writer.flush()).toThrow(CatalogRefusalError);
    expect(test.db.prepare('SELECT count(*) FROM catalog_files WHERE session = ?').pluck().get(session.number)).toBe(0);
  });

  it('a batch that fails is rolled back whole, and the writer carries on correctly afterwards', () => {
    const test = openTestCatalog();
    const backup = runningBackup(test);
    const session = beginSession(test, backup);
    const writer = test.catalog.files.writer(session.number);
    writer.add(file('C:\\New\\fresh-name.txt'));
    writer.add(file('C:\\New\\fresh-name.txt'));
    expect(() => writer.flush()).toThrow(/UNIQUE|PRIMARY KEY/);
    writer.add(file('C:\\New\\fresh-name.txt'));
    writer.flush();
    test.catalog.sessions.complete(session.number, { archiveSize: 1, sha256: SHA_A, ...writer.totals() });
    expect(test.catalog.files.search({ pattern: 'fresh-name', limit: 10 }).hits.map((hit) => hit.path)).toEqual(['C:\\New\\fresh-name.txt']);
    expect(test.catalog.files.latestDirectory({ host: 'fs01', path: 'C:\\New', limit: 10 })?.entries).toHaveLength(1);
  });
});
