// Backup throughput (issue 5): the session writer (dist/engine/backup/archive/session-writer.js)
// writing a data set from disk to a disk folder, against `tar` (plain) and restic (always
// encrypted) on the same data set in the same run.
//
// Data set (bench/lib/backup-data.mjs, seeded, written once before the runs, then `sync`): ~1 GiB — 2,000 files of 4 KiB–1 MiB
// (size skewed toward small: 4 KiB + (1 MiB − 4 KiB)·r^1.5) in 20 folders plus 4 files of
// 64 MiB; every other file compressible text (slices of a 16 MiB pool of seeded log-like lines,
// so gzip sees text, not repeats), the others random (AES-256-CTR keystream under a seeded key).
// The data set fits the page cache (24 GiB RAM), so every tool reads it warm: the figures are the
// writers' throughput, not the source disk's.
//
// Cases, each writing into a fresh empty folder on the same file system, the time including a
// `sync` at the end (every tool's bytes on the disk):
//   ours plain        openSessionWriter({compression:'none'}); every folder addDirectory, every
//                     file addFile from fs.createReadStream (1 MiB chunks, as archive-pass.ts);
//                     finish() (fsyncs the archive, writes manifest and checksum).
//   ours gzip         the same with compression 'gzip' (level 1, the default; parallel gzip).
//   ours gzip+AES     the same with encryption {password} (scrypt + AES-GCM chunks).
//   tar               `tar -cf <out>/data.tar -C <data> .` (GNU tar, plain) + sync.
//   restic            `restic init` untimed, then `restic backup .` (cwd the data set; default
//                     repo v2, compression auto, encryption always on) + sync; RESTIC_PASSWORD env,
//                     cache in the run's temp folder.
// BENCH_RUNS runs (default 3), the order of the cases reversed every other run; the figures are
// medians. MB = 10^6 bytes; MB/s = data-set bytes ÷ wall time. Ratios: ours plain ÷ tar and
// ours gzip+AES ÷ restic (target ≥ 1.0). Sizes: archive folder (archive + manifest + checksum)
// vs tar file vs restic repository, after the run.
//
// Env: BENCH_MB (data set size, default 1024 — scales the file count and the big files),
// BENCH_RUNS (3), BENCH_CASES (comma list of ours-plain,ours-gzip,ours-gzip-aes,tar,restic),
// BENCH_DIR (temp parent; the data set and the outputs are written there).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requireDist } from './lib/dist.mjs';
import { makeSeededDataSet, seededShape, treeBytes, walkTree } from './lib/backup-data.mjs';
import { chosenCases } from './lib/cases.mjs';
import { int } from './lib/format.mjs';
import { benchWorkspace } from './lib/workspace.mjs';
import { median } from './lib/measure.mjs';
import { archiverVersions, codeVersion, machineLine } from './lib/machine.mjs';

const BENCH = 'backup';
const { openSessionWriter } = requireDist(BENCH, 'engine/backup/archive/session-writer.js');

const MiB = 1024 * 1024;
const SHAPE = seededShape(Number(process.env.BENCH_MB ?? 1024));
const { smallFiles: SMALL_FILES, bigFiles: BIG_FILES, bigBytes: BIG_BYTES } = SHAPE;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ALL_CASES = ['ours-plain', 'ours-gzip', 'ours-gzip-aes', 'tar', 'restic'];
const CASES = chosenCases(ALL_CASES);
const PASSWORD = 'bench-password-5';
const READ_BYTES = MiB;

const nowMs = () => performance.now();
const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;

const { tmp, run, cleanUp } = benchWorkspace(BENCH);

// ---------------------------------------------------------------- the cases
async function ours(data, tree, out, { compression, encrypted }) {
  const file = path.join(out, `S00000001.tar${compression === 'gzip' ? '.gz' : ''}${encrypted ? '.enc' : ''}`);
  const writer = await openSessionWriter({
    file,
    compression,
    ...(encrypted ? { encryption: { password: PASSWORD } } : {}),
    manifestBase: { session: 1, scenario: { id: 'b', name: 'bench', type: 'FileServer' }, entity: 'Volume /data', masterHost: 'bench' },
  });
  for (const rel of tree.dirs) {
    const stat = fs.statSync(path.join(data, rel));
    await writer.addDirectory(rel, { mtimeMs: stat.mtimeMs, mode: stat.mode });
  }
  for (const rel of tree.files) {
    const full = path.join(data, rel);
    const stat = fs.statSync(full);
    await writer.addFile(rel, { size: stat.size, mtimeMs: stat.mtimeMs, mode: stat.mode }, fs.createReadStream(full, { highWaterMark: READ_BYTES }));
  }
  const summary = await writer.finish();
  return { archiveBytes: summary.bytes };
}

async function runCase(name, data, tree, out) {
  fs.mkdirSync(out);
  const cpu0 = process.cpuUsage();
  const t0 = nowMs();
  let extra = {};
  if (name === 'ours-plain') extra = await ours(data, tree, out, { compression: 'none', encrypted: false });
  else if (name === 'ours-gzip') extra = await ours(data, tree, out, { compression: 'gzip', encrypted: false });
  else if (name === 'ours-gzip-aes') extra = await ours(data, tree, out, { compression: 'gzip', encrypted: true });
  else if (name === 'tar') await run('tar', ['-cf', path.join(out, 'data.tar'), '-C', data, '.']);
  else if (name === 'restic') {
    const env = { ...process.env, RESTIC_PASSWORD: PASSWORD, RESTIC_REPOSITORY: path.join(out, 'repo'), RESTIC_CACHE_DIR: path.join(out, 'cache') };
    await run('restic', ['init'], { env });
    // The clock restarts after init: the repository's creation is setup, not backup.
    const t1 = nowMs();
    const c1 = process.cpuUsage();
    await run('restic', ['backup', '--host', 'bench', '.'], { env, cwd: data });
    await run('sync', []);
    const ms = nowMs() - t1;
    const size = treeBytes(path.join(out, 'repo'));
    fs.rmSync(out, { recursive: true, force: true });
    return { ms, size, parentCpuMs: cpuMsSince(c1) };
  }
  await run('sync', []);
  const ms = nowMs() - t0;
  const parentCpuMs = cpuMsSince(cpu0);
  const size = treeBytes(out);
  fs.rmSync(out, { recursive: true, force: true });
  execFileSync('sync');
  return { ms, size, parentCpuMs, ...extra };
}

function cpuMsSince(start) {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

// ---------------------------------------------------------------- main
try {
  const { tar: tarVersion, restic: resticVersion } = archiverVersions();
  const cases = CASES.filter((name) => name !== 'restic' || resticVersion);
  console.log(
    `backup: machine ${machineLine()}; ` +
      `HEAD ${codeVersion()}; date ${new Date().toISOString()}; ${tarVersion}; ${resticVersion ?? 'restic NOT INSTALLED (skipped; apt-get install -y restic)'}; temp ${tmp}`,
  );
  const data = path.join(tmp, 'data');
  fs.mkdirSync(data);
  const t0 = nowMs();
  const set = makeSeededDataSet(data, SHAPE);
  const tree = walkTree(data);
  console.log(
    `data set: ${int(set.files)} files (${int(SMALL_FILES)} of 4 KiB–1 MiB + ${BIG_FILES} of ${(BIG_BYTES / MiB).toFixed(0)} MiB) in ${tree.dirs.length} folders, ` +
      `${mb(set.bytes)} (${((100 * set.textBytes) / set.bytes).toFixed(0)}% text), written in ${((nowMs() - t0) / 1000).toFixed(1)} s\n`,
  );

  const results = Object.fromEntries(cases.map((name) => [name, []]));
  for (let r = 0; r < RUNS; r += 1) {
    const order = r % 2 === 0 ? cases : [...cases].reverse();
    for (const name of order) {
      const result = await runCase(name, data, tree, path.join(tmp, `out-${name}-${r}`));
      results[name].push(result);
      console.log(`  run ${r + 1} ${name}: ${(result.ms / 1000).toFixed(2)} s, ${((set.bytes / 1e6) / (result.ms / 1000)).toFixed(0)} MB/s, output ${mb(result.size)}`);
    }
  }

  const summary = Object.fromEntries(
    cases.map((name) => {
      const ms = median(results[name].map((r) => r.ms));
      return [name, { ms, rate: set.bytes / 1e6 / (ms / 1000), size: median(results[name].map((r) => r.size)), cpu: median(results[name].map((r) => r.parentCpuMs)) }];
    }),
  );
  const labels = { 'ours-plain': 'ours, plain (.tar)', 'ours-gzip': 'ours, gzip (.tar.gz)', 'ours-gzip-aes': 'ours, gzip + AES (.tar.gz.enc)', tar: `tar -cf (plain)`, restic: 'restic backup (encrypted, compression auto)' };
  console.log(`\n| case (${mb(set.bytes)}, median of ${RUNS}) | time | MB/s | output on disk | output ÷ data | Node CPU (ours only) |`);
  console.log('|---|---|---|---|---|---|');
  for (const name of cases) {
    const s = summary[name];
    console.log(`| ${labels[name]} | ${(s.ms / 1000).toFixed(2)} s | **${s.rate.toFixed(0)}** | ${mb(s.size)} | ${(s.size / set.bytes).toFixed(3)} | ${name.startsWith('ours') ? `${(s.cpu / 1000).toFixed(1)} s` : '—'} |`);
  }
  console.log('');
  if (summary['ours-plain'] && summary.tar) console.log(`ours plain ÷ tar (throughput): **${(summary['ours-plain'].rate / summary.tar.rate).toFixed(2)}×**`);
  if (summary['ours-gzip'] && summary.tar) console.log(`ours gzip ÷ tar (throughput): ${(summary['ours-gzip'].rate / summary.tar.rate).toFixed(2)}×`);
  if (summary['ours-gzip-aes'] && summary.restic) {
    const ratio = summary['ours-gzip-aes'].rate / summary.restic.rate;
    console.log(`ours gzip+AES ÷ restic (throughput): **${ratio.toFixed(2)}×** — target ≥ 1.0: ${ratio >= 1 ? 'met' : 'NOT met'}`);
    console.log(`ours gzip+AES archive ÷ restic repository (size): ${(summary['ours-gzip-aes'].size / summary.restic.size).toFixed(2)}× (${mb(summary['ours-gzip-aes'].size)} vs ${mb(summary.restic.size)})`);
  } else if (!resticVersion) console.log('restic not installed: the encrypted comparison was skipped');
  console.log(`\nload average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
} finally {
  cleanUp();
}
