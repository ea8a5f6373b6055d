import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogEntryInput } from '../../../../engine/backup/catalog/file-catalog-writer';
import type { ScenarioRegistration } from '../../../../engine/backup/catalog/registration';
import { removeTempDirs } from '../../../helpers/temp-dir';
import { SHA_A, beginSession, closeTestCatalogs, openTestCatalog, runningBackup } from './catalog-fixture';

afterEach(() => {
  closeTestCatalogs();
  removeTempDirs();
});

/** mulberry32: the same tree on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ra', 'tu', 'sen', 'dor', 'vil', 'quo', 'bra', 'zen', 'pol', 'tri', 'gam', 'fer', 'hul', 'jin', 'xor', 'wex'];
const EXTENSIONS = ['docx', 'xlsx', 'pdf', 'txt', 'jpg', 'log', 'csv', 'pptx', 'zip', 'msg', 'mdf', 'ldf'];

/**
 * A file server's tree: folders of 20–80 entries, names nearly all distinct (the worst case
 * for the name dictionary); one name in five starts with "Report", one in a thousand holds
 * "budget", one in twelve is a .mdf.
 */
function fileServerTree(count: number, next: () => number): CatalogEntryInput[] {
  const word = (): string => Array.from({ length: 2 + Math.floor(next() * 3) }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join('');
  const entries: CatalogEntryInput[] = [];
  for (let folder = 0; entries.length < count; folder++) {
    const dir = `D:\\Shares\\${word()}\\${word()}-${folder}`;
    entries.push({ path: dir, kind: 'directory', size: 0, mtimeMs: 1_764_000_000_000, mode: 0x10, sha256: null });
    const size = 20 + Math.floor(next() * 60);
    for (let index = 0; index < size && entries.length < count; index++) {
      const lead = next() < 0.2 ? 'Report ' : next() < 0.001 ? 'budget ' : '';
      const name = `${lead}${word()}_${Math.floor(next() * 1e7)}.${EXTENSIONS[Math.floor(next() * EXTENSIONS.length)]}`;
      entries.push({ path: `${dir}\\${name}`, kind: 'file', size: Math.floor(next() * 1e6), mtimeMs: 1_764_000_000_000 + index, mode: 0x20, sha256: SHA_A });
    }
  }
  return entries;
}

/** The next full backup of the same server: 3% of the files renamed (new names), the rest as before. */
function nextBackupOf(tree: readonly CatalogEntryInput[], generation: number, next: () => number): CatalogEntryInput[] {
  return tree.map((entry) => (entry.kind === 'file' && next() < 0.03 ? { ...entry, path: `${entry.path}.v${generation}` } : entry));
}

function timed<T>(action: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = action();
  return { result, ms: performance.now() - started };
}

const SESSION_ROWS = 250_000;

const SCALE_SCENARIO: ScenarioRegistration = {
  id: 'scale',
  name: 'Scale',
  type: 'FileServer',
  master: { host: 'fs-scale', port: 25000, roots: ['D:\\Shares'] },
  replicas: [{ id: 'r', host: 'dr', port: 25000, target: 'E:\\R' }],
  entities: [{ name: 'Volume D:', masterPaths: ['D:\\Shares'] }],
  mode: 'suspend',
};

describe('file catalog at scale', () => {
  it('records 1,000,000 rows (four full backups of a 250,000-file server) at ≥ 50,000 rows/s, and answers name queries in < 100 ms', { timeout: 120_000 }, () => {
    const test = openTestCatalog();
    const backup = runningBackup(test, SCALE_SCENARIO);
    const next = random(42);
    const first = fileServerTree(SESSION_ROWS, next);
    const sessions = [first, nextBackupOf(first, 2, next), nextBackupOf(first, 3, next), nextBackupOf(first, 4, next)];

    const rates: number[] = [];
    let totalMs = 0;
    for (const entries of sessions) {
      const session = beginSession(test, backup, 'Volume D:', SCALE_SCENARIO);
      const { ms } = timed(() => {
        const writer = test.catalog.files.writer(session.number);
        for (const entry of entries) writer.add(entry);
        writer.flush();
        test.catalog.sessions.complete(session.number, { archiveSize: 1, sha256: SHA_A, ...writer.totals() });
      });
      totalMs += ms;
      rates.push(Math.round(entries.length / (ms / 1000)));
    }
    const rows = sessions.reduce((sum, entries) => sum + entries.length, 0);
    const overall = Math.round(rows / (totalMs / 1000));
    const names = test.db.prepare('SELECT count(*) FROM catalog_names').pluck().get() as number;

    const query = (pattern: string, offset = 0): { ms: number; count: number; access: string } => {
      const { result, ms } = timed(() => test.catalog.files.search({ pattern, limit: 100, offset }));
      return { ms, count: result.hits.length, access: result.access };
    };
    const suffix = query('*.mdf');
    const substring = query('budget');
    const common = query('*report*');
    const prefix = query('report ka*');
    const deep = query('*.mdf', 10_000);
    const folder = first.find((entry) => entry.kind === 'directory')?.path ?? '';
    const tree = timed(() => test.catalog.files.latestDirectory({ host: 'fs-scale', path: folder, limit: 100 }));
    const someFile = first.find((entry) => entry.kind === 'file')?.path ?? '';
    const history = timed(() => test.catalog.files.versions({ host: 'fs-scale', path: someFile }));

    console.log(
      [
        `file catalog scale: ${rows.toLocaleString('en')} rows in ${(totalMs / 1000).toFixed(1)} s = ${overall.toLocaleString('en')} rows/s overall; per session ${rates.map((rate) => rate.toLocaleString('en')).join(' / ')} rows/s (first backup: all names new; later: 3% new); ${names.toLocaleString('en')} distinct names`,
        `  first page (100) of '*.mdf' [${suffix.access}] ${suffix.ms.toFixed(1)} ms; 'budget' [${substring.access}] ${substring.ms.toFixed(1)} ms; '*report*' [${common.access}] ${common.ms.toFixed(1)} ms; 'report ka*' [${prefix.access}] ${prefix.ms.toFixed(1)} ms`,
        `  '*.mdf' page at offset 10,000: ${deep.ms.toFixed(1)} ms; latest folder listing ${tree.ms.toFixed(1)} ms; version history of one file ${history.ms.toFixed(1)} ms`,
      ].join('\n'),
    );

    expect(rows).toBe(1_000_000);
    expect(overall).toBeGreaterThanOrEqual(50_000);
    expect(suffix).toMatchObject({ access: 'extension', count: 100 });
    expect(substring).toMatchObject({ access: 'trigrams', count: 100 });
    expect(suffix.ms).toBeLessThan(100);
    expect(substring.ms).toBeLessThan(100);
    expect(common.ms).toBeLessThan(100);
    expect(prefix.ms).toBeLessThan(100);
    expect(tree.result?.entries.length).toBeGreaterThan(0);
    expect(history.result).toHaveLength(4);
  });
});

