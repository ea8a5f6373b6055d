// File catalog at scale (issue 5): insert rate and query latency of the backup catalog's file
// catalog at 1M and 10M rows. No anchor tool: the figures are read against the goal (name-pattern
// query under 100 ms at 10M rows; the scale test asks ≥ 50,000 rows/s at 1M).
//
// Method: a real catalog (openCatalog + createBackupCatalog from dist/) in a temporary folder; a
// FileServer scenario, a disk device group and device, a run-now job claimed once, its media.
// The data: a file server of 250,000 entries across about 10,000 folders (10–40 entries each,
// names nearly all distinct, one in five starting with "Report ", one in a thousand "budget ",
// one in twelve a .mdf — as test/engine/backup/catalog/file-catalog-scale.test.ts), backed up
// again and again: each later full backup has 3% of the files renamed (new names), the rest as
// the first. Each backup is one session (sessions.begin → files.writer(session).add(…) for every
// entry → flush → sessions.complete), all in the one job run. Timed: add + flush + complete.
// At each checkpoint (1M rows, then 5M when the target is 10M or more, then the target) the query
// latencies: files.search first page (limit 100) of '*.mdf', 'budget', '*report*', 'report ka*',
// '*.mdf' at offset 10,000, latestDirectory of one folder (first page of 100) and versions of one
// file — each the median of 20 calls (the first call reported too: caches colder).
// The catalog's size on disk (catalog file + WAL) at each checkpoint, after a WAL checkpoint.
//
// Env: BENCH_ROWS_M (target millions of rows, default 10; rounded to whole backups of 250,000),
// BENCH_SERVER_FILES (entries per backup, 250000), BENCH_QUERY_RUNS (20), BENCH_DIR (temp parent).
import { prng } from './lib/prng.mjs';
import { benchWorkspace } from './lib/workspace.mjs';
import { median } from './lib/measure.mjs';
import { addServerFolders, catalogueSession, dirBytes, nextBackupOf, openBenchCatalog, benchScenario } from './lib/bench-catalog.mjs';
import { codeVersion, machineLine } from './lib/machine.mjs';
import { int, ms } from './lib/format.mjs';

const BENCH = 'catalog';

const TARGET_ROWS = Math.round(Number(process.env.BENCH_ROWS_M ?? 10) * 1e6);
const SERVER_FILES = Number(process.env.BENCH_SERVER_FILES ?? 250_000);
const QUERY_RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 20);
const BACKUPS = Math.max(1, Math.round(TARGET_ROWS / SERVER_FILES));
const CHECKPOINTS = [...new Set([1e6, TARGET_ROWS >= 10e6 ? 5e6 : 0, BACKUPS * SERVER_FILES].filter((rows) => rows > 0 && rows <= BACKUPS * SERVER_FILES))]
  .map((rows) => Math.max(1, Math.round(rows / SERVER_FILES)))
  .sort((a, b) => a - b);
const SHA = 'a'.repeat(64);
const HOST = 'fs-bench';
const SCENARIO = benchScenario({ id: 'bench', name: 'Bench file server', host: HOST });


const nowMs = () => performance.now();

/** The first backup's tree: folders of 10–40 entries (≈ 10,000 folders for 250,000 entries). */
function fileServerTree(count, next) {
  return addServerFolders([], count, next, { sha256: SHA, rareLead: 'budget ' });
}

const { tmp, cleanUp } = benchWorkspace(BENCH);
try {
  console.log(`catalog: ${BACKUPS} full backups × ${int(SERVER_FILES)} entries = ${int(BACKUPS * SERVER_FILES)} rows; machine: ${machineLine()}; HEAD ${codeVersion()}; date ${new Date().toISOString()}; temp ${tmp}`);
  const { db, catalog, catalogDir, devicePath, runId, mediaId } = openBenchCatalog(BENCH, tmp, SCENARIO);

  const next = prng(42);
  const first = fileServerTree(SERVER_FILES, next);
  const folders = first.filter((entry) => entry.kind === 'directory');
  const someFolder = folders[Math.floor(folders.length / 2)].path;
  const someFile = first.find((entry, i) => i > first.length / 2 && entry.kind === 'file').path;
  console.log(`  one backup: ${int(first.length)} entries in ${int(folders.length)} folders\n`);

  let rows = 0;
  let insertMs = 0;
  const rates = [];
  const checkpoints = [];
  let windowRows = 0;
  let windowMs = 0;
  for (let backup = 1; backup <= BACKUPS; backup += 1) {
    const entries = backup === 1 ? first : nextBackupOf(first, backup, next);
    const { ms: took } = catalogueSession(catalog, { runId, scenarioId: SCENARIO.id, host: HOST, mediaId, devicePath, entries, sha256: SHA });
    rows += entries.length;
    insertMs += took;
    windowRows += entries.length;
    windowMs += took;
    rates.push(entries.length / (took / 1000));
    if (backup % 4 === 0 || backup === BACKUPS) {
      console.log(`  backups ${backup - Math.ceil(windowRows / SERVER_FILES) + 1}–${backup}: ${int(windowRows / (windowMs / 1000))} rows/s; total ${int(rows)} rows, ${(insertMs / 1000).toFixed(1)} s`);
      windowRows = 0;
      windowMs = 0;
    }
    if (CHECKPOINTS.includes(backup)) {
      db.pragma('wal_checkpoint(TRUNCATE)');
      const query = (label, action) => {
        const times = [];
        let result;
        for (let k = 0; k < QUERY_RUNS; k += 1) {
          const t = nowMs();
          result = action();
          times.push(nowMs() - t);
        }
        return { label, first: times[0], median: median(times), max: Math.max(...times), result };
      };
      const search = (pattern, offset = 0) => {
        const q = query(`search '${pattern}'${offset ? ` at offset ${int(offset)}` : ''} (first page of 100)`, () => catalog.files.search({ pattern, limit: 100, offset }));
        q.note = `${q.result.hits.length} hits, access ${q.result.access}`;
        return q;
      };
      const queries = [search('*.mdf'), search('budget'), search('*report*'), search('report ka*'), search('*.mdf', 10_000)];
      const tree = query('latestDirectory of one folder (first page of 100)', () => catalog.files.latestDirectory({ host: HOST, path: someFolder, limit: 100 }));
      tree.note = `${tree.result?.entries.length ?? 0} entries`;
      const history = query('versions of one file', () => catalog.files.versions({ host: HOST, path: someFile }));
      history.note = `${history.result.length} versions`;
      queries.push(tree, history);
      const size = dirBytes(catalogDir);
      const names = db.prepare('SELECT count(*) FROM catalog_names').pluck().get();
      checkpoints.push({ rows, size, queries, rate: rows / (insertMs / 1000) });
      console.log(`\n### at ${int(rows)} rows: catalog ${(size / 1e9).toFixed(2)} GB on disk (${int(size / rows)} B/row), ${int(names)} distinct names, overall ${int(rows / (insertMs / 1000))} rows/s so far\n`);
      console.log(`| query | median of ${QUERY_RUNS} | first call | max | result |`);
      console.log('|---|---|---|---|---|');
      for (const q of queries) console.log(`| ${q.label} | **${ms(q.median)}** | ${ms(q.first)} | ${ms(q.max)} | ${q.note} |`);
      console.log('');
    }
  }
  db.close();
  console.log(`\n## Summary\n`);
  console.log(`insert: ${int(rows)} rows in ${(insertMs / 1000).toFixed(1)} s = **${int(rows / (insertMs / 1000))} rows/s** overall; per backup min ${int(Math.min(...rates))}, median ${int(median(rates))}, max ${int(Math.max(...rates))} rows/s`);
  console.log('\n| rows | catalog size | rows/s so far | *.mdf | budget | *report* | report ka* | latestDirectory | versions |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const c of checkpoints) {
    const m = (i) => ms(c.queries[i].median);
    console.log(`| ${int(c.rows)} | ${(c.size / 1e9).toFixed(2)} GB | ${int(c.rate)} | ${m(0)} | ${m(1)} | ${m(2)} | ${m(3)} | ${m(5)} | ${m(6)} |`);
  }
  const last = checkpoints.at(-1);
  const worstName = Math.max(...last.queries.slice(0, 4).map((q) => q.median));
  console.log(`\ntarget name-pattern query < 100 ms at ${int(last.rows)} rows: ${worstName < 100 ? 'met' : 'NOT met'} (worst first-page median ${ms(worstName)})`);
} finally {
  cleanUp();
}
