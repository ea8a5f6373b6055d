// Restore throughput (issue 6): a whole backup session restored from a disk device into an empty
// folder through our restore path, against `tar -x` and `restic restore` of the same data in the
// same run.
//
// Data set (BENCH_DATA): `usr-share` (default) — a copy of /usr/share, folders and regular files
// only (GOALS.md's "restore of that backup" row: restic 7.0 s); or `seeded` — the backup bench's
// seeded mix (bench/lib/backup-data.mjs) at BENCH_MB MB (default 512). Written once, then `sync`.
//
// Setup, untimed: the data set backed up with our session writer (openSessionWriter, as the
// backup bench: folders then files in walk order, 1 MiB reads) three times — plain, gzip (level 1,
// parallel), gzip + AES (scrypt + AES-GCM) — into a device folder; `tar -cf` and `tar -czf` of the
// same folder; `restic init` + `restic backup .` (cwd the data set, repository v2, compression auto).
//
// Timed cases, each into a fresh folder that does not exist yet, on the same file system; every
// time includes a `sync` at the end (every tool's bytes on the disk):
//   ours plain / gzip / gzip+AES   the restore job's own code for a destination on this host:
//       restore-run.ts streamSession (small files read whole, 16 written at once) →
//       RestoreTargetClient → this process's restore channels (restore-target-service.ts →
//       RestoreWrite), then commit (files synced in parallel, renamed into place).
//   read-only gzip+AES / plain     (information) the same reader with every entry's content
//       drained and dropped: what reading + decrypting + gunzip + checking costs alone.
//   tar -xf / tar -xzf             GNU tar of the plain / gzip tar into the folder (+ sync).
//   restic restore                 `restic restore latest --target <folder>` (+ sync).
// Restored folders are kept until the bench ends (removing them between cases slowed the next
// case's file creation 2–4× on this VM's ext4 with discard). BENCH_RUNS runs (default 3), the order
// reversed every other run, a case over BENCH_LONG_MS (60 s) in its first run runs once; figures
// are medians. MB = 10^6
// bytes of file content; MB/s = content bytes ÷ wall time. The first run of each case is checked
// against the data set (`diff -rq`, untimed). Ratios: ours ÷ restic (time; goal ≤ 0.5), ours ÷ tar.
//
// Env: BENCH_DATA (usr-share | seeded), BENCH_SOURCE (folder copied for usr-share, /usr/share),
// BENCH_MB (seeded size, 512), BENCH_RUNS (3), BENCH_CASES (comma list, see ALL_CASES),
// BENCH_DIR (temp parent). Default cases: ours-plain, ours-gzip-aes, read-gzip-aes, tar, tar-gz,
// restic (ours-gzip and read-plain on request: each session written costs a minute of setup on
// /usr/share).
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { copyTree, makeSeededDataSet, seededShape, treeBytes, walkTree } from './lib/backup-data.mjs';
import { chosenCases } from './lib/cases.mjs';
import { int } from './lib/format.mjs';
import { requireDist } from './lib/dist.mjs';
import { cpuMs, median } from './lib/measure.mjs';
import { benchWorkspace } from './lib/workspace.mjs';
import { archiverVersions, codeVersion, machineLine } from './lib/machine.mjs';

const BENCH = 'restore';
const { openSessionWriter } = requireDist(BENCH, 'engine/backup/archive/session-writer.js');
const { openSessionReader } = requireDist(BENCH, 'engine/backup/archive/session-reader.js');
const { RestoreTargetService } = requireDist(BENCH, 'engine/restore/destination/restore-target-service.js');
const { streamSession } = requireDist(BENCH, 'engine/restore/restore-run.js');
const { checkHostRelativePath } = requireDist(BENCH, 'engine/replica/path-guard.js');
const { RestoreTargetClient } = requireDist(BENCH, 'engine/restore/restore-target-client.js');

const MiB = 1024 * 1024;
const DATA = process.env.BENCH_DATA ?? 'usr-share';
if (!['usr-share', 'seeded'].includes(DATA)) throw new Error(`BENCH_DATA is usr-share or seeded, not ${DATA}`);
const SOURCE = process.env.BENCH_SOURCE ?? '/usr/share';
const SHAPE = seededShape(Number(process.env.BENCH_MB ?? 512));
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LONG_MS = Number(process.env.BENCH_LONG_MS ?? 60_000);
const ALL_CASES = ['ours-plain', 'ours-gzip', 'ours-gzip-aes', 'engine-gzip-aes', 'read-gzip-aes', 'read-plain', 'tar', 'tar-gz', 'restic'];
const DEFAULT_CASES = ['ours-plain', 'ours-gzip-aes', 'read-gzip-aes', 'tar', 'tar-gz', 'restic'];
const CASES = chosenCases(ALL_CASES, DEFAULT_CASES);
const PASSWORD = 'bench-password-6';
const ADMIN = { user: 'admin', password: `bench-${randomUUID()}` };
const READ_BYTES = MiB;

const nowMs = () => performance.now();
const mb = (bytes) => `${int(bytes / 1e6)} MB`;

const { tmp, track, run, cleanUp } = benchWorkspace(BENCH);

// ---------------------------------------------------------------- setup (untimed)
async function writeSession(data, tree, file, { compression, encrypted }) {
  const writer = await openSessionWriter({
    file,
    compression,
    ...(encrypted ? { encryption: { password: PASSWORD } } : {}),
    manifestBase: { session: 1, scenario: { id: 'r', name: 'bench', type: 'FileServer' }, entity: 'Volume /data', masterHost: 'bench' },
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
  return writer.finish();
}

// ---------------------------------------------------------------- the restore path
/**
 * What the restore job does per session with a destination on this host: restore-run.ts
 * streamSession (small files read whole and written 16 at a time) → RestoreTargetClient → this
 * process's own engine restore channels (restore-target-service.ts), as the console host does
 * for localhost.
 */
async function oursRestore(archive, out, password, journalDir) {
  const service = await RestoreTargetService.start({ stateDir: journalDir, events: { record() {} } });
  const channels = service.adminChannels();
  const local = { call: async (channel, body) => channels[channel](body) };
  const target = await RestoreTargetClient.begin(local, out, 'in-place');
  const totals = { files: 0, directories: 0, bytes: 0 };
  try {
    await streamSession({ file: archive, password, place: (relative) => ({ root: out, relative }), targetFor: async () => target, totals });
    const t = nowMs();
    const report = await target.commit('');
    return { commitMs: nowMs() - t, files: report.files, directories: report.directories };
  } catch (error) {
    await target.abort();
    throw error;
  } finally {
    await service.close();
  }
}

/**
 * The restore job's own path to the destination (restore-run.ts streamSession): this process reads
 * the session, as the console host does, and drives a real `understudy-engine serve` process through
 * its restore channels with the job's RestoreTargetClient (dist/engine/restore/restore-target-client.js)
 * over the TLS admin connection on 127.0.0.1.
 */
async function engineRestore(archive, out, password, engineClient) {
  const reader = await openSessionReader({ file: archive, ...(password ? { password } : {}) });
  const target = await RestoreTargetClient.begin(engineClient, out, 'in-place');
  try {
    for await (const entry of reader.entries()) {
      const stat = { mtimeMs: entry.mtime.getTime(), mode: entry.mode };
      if (entry.kind === 'directory') await target.directory(entry.path, stat);
      else await target.file(entry.path, entry.size, stat, entry.content, entry.sha256);
    }
    const t = nowMs();
    const report = await target.commit('');
    return { commitMs: nowMs() - t, files: report.files, directories: report.directories };
  } catch (error) {
    await target.abort();
    throw error;
  }
}

async function readOnly(archive, password) {
  const reader = await openSessionReader({ file: archive, ...(password ? { password } : {}) });
  let bytes = 0;
  for await (const entry of reader.entries()) for await (const chunk of entry.content) bytes += chunk.length;
  return { bytes };
}

function cpuMsSince(start) {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

async function runCase(name, inputs, out, journalDir) {
  const cpu0 = process.cpuUsage();
  const t0 = nowMs();
  let extra = {};
  switch (name) {
    case 'ours-plain':
      extra = await oursRestore(inputs.plain, out, undefined, journalDir);
      break;
    case 'ours-gzip':
      extra = await oursRestore(inputs.gzip, out, undefined, journalDir);
      break;
    case 'ours-gzip-aes':
      extra = await oursRestore(inputs.gzipAes, out, PASSWORD, journalDir);
      break;
    case 'engine-gzip-aes':
      extra = await engineRestore(inputs.gzipAes, out, PASSWORD, inputs.engineClient);
      break;
    case 'read-gzip-aes':
      extra = await readOnly(inputs.gzipAes, PASSWORD);
      break;
    case 'read-plain':
      extra = await readOnly(inputs.plain, undefined);
      break;
    case 'tar':
      fs.mkdirSync(out);
      await run('tar', ['-xf', inputs.tar, '-C', out]);
      break;
    case 'tar-gz':
      fs.mkdirSync(out);
      await run('tar', ['-xzf', inputs.tarGz, '-C', out]);
      break;
    case 'restic':
      await run('restic', ['restore', 'latest', '--target', out], { env: inputs.resticEnv });
      break;
  }
  const exitMs = nowMs() - t0;
  await run('sync', []);
  const ms = nowMs() - t0;
  return { ms, exitMs, parentCpuMs: cpuMsSince(cpu0), ...extra };
}

// ---------------------------------------------------------------- main
try {
  const { tar: tarVersion, restic: resticVersion } = archiverVersions();
  const cases = CASES.filter((name) => name !== 'restic' || resticVersion);
  console.log(
    `restore: machine ${machineLine()}; ` +
      `HEAD ${codeVersion()}; date ${new Date().toISOString()}; ${tarVersion}; ${resticVersion ?? 'restic NOT INSTALLED (skipped; apt-get install -y restic)'}; temp ${tmp}`,
  );

  const data = path.join(tmp, 'data');
  fs.mkdirSync(data);
  let t = nowMs();
  // Names the restore's path rules for this host refuse would fail our whole restore (E1101); they
  // are left out of the copy for every tool, and listed (none on Linux since restores follow the host's rules).
  const set = DATA === 'seeded' ? makeSeededDataSet(data, SHAPE) : copyTree(data, SOURCE, (rel) => checkHostRelativePath(rel) === undefined);
  const tree = walkTree(data);
  console.log(
    `data set: ${DATA === 'seeded' ? `seeded (${int(SHAPE.smallFiles)} of 4 KiB–1 MiB + ${SHAPE.bigFiles} of ${(SHAPE.bigBytes / MiB).toFixed(0)} MiB)` : `copy of ${SOURCE} (${int(set.skipped)} links/special files left out)`}: ` +
      `${int(tree.files.length)} files in ${int(tree.dirs.length)} folders, ${mb(set.bytes)}, written in ${((nowMs() - t) / 1000).toFixed(1)} s`,
  );
  if (set.refused?.length) {
    console.log(`  left out of the copy, refused by the restore's path rules for this host (checkHostRelativePath): ${set.refused.length} entries (with their content): ${set.refused.slice(0, 8).map((rel) => JSON.stringify(rel)).join(', ')}${set.refused.length > 8 ? ', …' : ''}`);
  }

  // Setup: every tool's backup of the same data, untimed.
  const device = path.join(tmp, 'device');
  fs.mkdirSync(device);
  const inputs = {};
  const sizes = {};
  const needs = (...names) => names.some((name) => cases.includes(name));
  t = nowMs();
  if (needs('ours-plain', 'read-plain')) {
    inputs.plain = path.join(device, 'S00000001.tar');
    sizes.plain = (await writeSession(data, tree, inputs.plain, { compression: 'none', encrypted: false })).bytes;
  }
  if (needs('ours-gzip')) {
    inputs.gzip = path.join(device, 'S00000002.tar.gz');
    sizes.gzip = (await writeSession(data, tree, inputs.gzip, { compression: 'gzip', encrypted: false })).bytes;
  }
  if (needs('ours-gzip-aes', 'engine-gzip-aes', 'read-gzip-aes')) {
    inputs.gzipAes = path.join(device, 'S00000003.tar.gz.enc');
    sizes.gzipAes = (await writeSession(data, tree, inputs.gzipAes, { compression: 'gzip', encrypted: true })).bytes;
  }
  if (needs('tar')) {
    inputs.tar = path.join(tmp, 'data.tar');
    await run('tar', ['-cf', inputs.tar, '-C', data, '.']);
    sizes.tar = fs.statSync(inputs.tar).size;
  }
  if (needs('tar-gz')) {
    inputs.tarGz = path.join(tmp, 'data.tar.gz');
    await run('tar', ['-czf', inputs.tarGz, '-C', data, '.']);
    sizes.tarGz = fs.statSync(inputs.tarGz).size;
  }
  if (needs('restic')) {
    inputs.resticEnv = { ...process.env, RESTIC_PASSWORD: PASSWORD, RESTIC_REPOSITORY: path.join(tmp, 'restic-repo'), RESTIC_CACHE_DIR: path.join(tmp, 'restic-cache') };
    await run('restic', ['init'], { env: inputs.resticEnv });
    await run('restic', ['backup', '--host', 'bench', '.'], { env: inputs.resticEnv, cwd: data });
    sizes.restic = treeBytes(path.join(tmp, 'restic-repo'));
  }
  if (needs('engine-gzip-aes')) {
    const { startEngine, adminSession } = await import('./lib/engines.mjs');
    const engine = await startEngine({ dataDir: path.join(tmp, 'engine'), label: 'destination', admin: ADMIN, track, now: nowMs });
    const connection = await adminSession(engine, ADMIN);
    inputs.engineClient = { call: (channel, body) => connection.request(channel, body) };
    inputs.enginePid = engine.child.pid;
  }
  execFileSync('sync');
  console.log(
    `backups written in ${((nowMs() - t) / 1000).toFixed(1)} s: ` +
      Object.entries(sizes)
        .map(([name, bytes]) => `${name} ${mb(bytes)}`)
        .join(', ') +
      '\n',
  );

  const journalDir = path.join(tmp, 'restore-journal');
  const results = Object.fromEntries(cases.map((name) => [name, []]));
  for (let r = 0; r < RUNS; r += 1) {
    const order = r % 2 === 0 ? cases : [...cases].reverse();
    for (const name of order) {
      if (r > 0 && results[name][0].ms > LONG_MS) continue; // over a minute: one run
      const out = path.join(tmp, `out-${name}-${r}`);
      const engineCpu0 = inputs.enginePid ? cpuMs(inputs.enginePid) : NaN;
      const result = await runCase(name, inputs, out, journalDir);
      if (name.startsWith('engine')) result.engineCpuMs = cpuMs(inputs.enginePid) - engineCpu0;
      results[name].push(result);
      let check = '';
      if (r === 0 && !name.startsWith('read-')) {
        const diff = spawnSync('diff', ['-rq', data, out], { encoding: 'utf8', maxBuffer: 64 * MiB });
        check = diff.status === 0 ? ', restored tree equal to the data set' : `, DIFFERS from the data set: ${(diff.stdout + diff.stderr).split('\n').slice(0, 5).join(' | ')}`;
        if (diff.status !== 0) result.differs = true;
        let stale = 0;
        for (const rel of tree.files) if (Math.abs(fs.statSync(path.join(out, rel)).mtimeMs - fs.statSync(path.join(data, rel)).mtimeMs) >= 1000) stale += 1;
        check += stale === 0 ? ', file mtimes kept (to the second)' : `, ${int(stale)} file mtimes NOT kept`;
      }
      // Kept until the end: removing tens of thousands of files here slows the next case's
      // file creation (ext4 mounted with discard; measured 1.8 s → 4–6.7 s for tar -xf).
      console.log(
        `  run ${r + 1} ${name}: ${(result.ms / 1000).toFixed(2)} s, ${(set.bytes / 1e6 / (result.ms / 1000)).toFixed(0)} MB/s` +
          (result.commitMs !== undefined ? ` (commit ${(result.commitMs / 1000).toFixed(2)} s)` : '') +
          `, ${(result.exitMs / 1000).toFixed(2)} s before the final sync, Node CPU ${(result.parentCpuMs / 1000).toFixed(1)} s` +
          (result.engineCpuMs !== undefined ? ` + engine ${(result.engineCpuMs / 1000).toFixed(1)} s` : '') +
          check,
      );
    }
  }

  const summary = Object.fromEntries(
    cases.map((name) => {
      const ms = median(results[name].map((r) => r.ms));
      return [
        name,
        {
          ms,
          runs: results[name].length,
          exitMs: median(results[name].map((r) => r.exitMs)),
          rate: set.bytes / 1e6 / (ms / 1000),
          cpu: median(results[name].map((r) => r.parentCpuMs)),
          engineCpu: median(results[name].map((r) => r.engineCpuMs)),
          commitMs: median(results[name].map((r) => r.commitMs)),
          differs: results[name].some((r) => r.differs),
        },
      ];
    }),
  );
  const labels = {
    'ours-plain': 'ours, plain session (.tar) → restore channels (in-process)',
    'ours-gzip': 'ours, gzip session (.tar.gz) → restore channels (in-process)',
    'ours-gzip-aes': 'ours, gzip + AES session (.tar.gz.enc) → restore channels (in-process)',
    'engine-gzip-aes': 'ours, gzip + AES session → RestoreTargetClient → engine process (restore channels)',
    'read-gzip-aes': '(information) reading the gzip + AES session only, nothing written',
    'read-plain': '(information) reading the plain session only, nothing written',
    tar: 'tar -xf (plain tar)',
    'tar-gz': 'tar -xzf (gzip tar)',
    restic: 'restic restore latest --target',
  };
  const anchor = summary.restic;
  console.log(`\n| case (${mb(set.bytes)}, ${int(tree.files.length)} files) | runs | time (with sync) | MB/s | files/s | ÷ restic (time) | ÷ tar -xf (time) | time before the final sync | commit | CPU (bench process; + engine) |`);
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const name of cases) {
    const s = summary[name];
    const cpu = name.startsWith('ours') || name.startsWith('read') || name.startsWith('engine') ? `${(s.cpu / 1000).toFixed(1)} s${Number.isFinite(s.engineCpu) ? ` + ${(s.engineCpu / 1000).toFixed(1)} s` : ''}` : '—';
    console.log(
      `| ${labels[name]}${s.differs ? ' (OUTPUT DIFFERS)' : ''} | ${s.runs} | ${(s.ms / 1000).toFixed(2)} s | **${s.rate.toFixed(0)}** | ${int(tree.files.length / (s.ms / 1000))} | ` +
        `${anchor ? (s.ms / anchor.ms).toFixed(2) : '—'} | ${summary.tar ? (s.ms / summary.tar.ms).toFixed(2) : '—'} | ${(s.exitMs / 1000).toFixed(2)} s | ${Number.isFinite(s.commitMs) ? `${(s.commitMs / 1000).toFixed(2)} s` : '—'} | ${cpu} |`,
    );
  }
  console.log('');
  if (summary['ours-gzip-aes'] && anchor) {
    const ratio = summary['ours-gzip-aes'].ms / anchor.ms;
    console.log(`ours gzip+AES ÷ restic (time): **${ratio.toFixed(2)}** — goal ≤ 0.5 (GOALS.md): ${ratio <= 0.5 ? 'met' : 'NOT met'}; at least restic's speed (≤ 1.0): ${ratio <= 1 ? 'met' : 'NOT met'}`);
  } else if (!resticVersion) console.log('restic not installed: the restic comparison was skipped');
  if (summary['ours-plain'] && summary.tar) console.log(`ours plain ÷ tar -xf (time): ${(summary['ours-plain'].ms / summary.tar.ms).toFixed(2)}`);
  if (summary['ours-gzip'] && summary['tar-gz']) console.log(`ours gzip ÷ tar -xzf (time): ${(summary['ours-gzip'].ms / summary['tar-gz'].ms).toFixed(2)}`);
  if (summary['ours-gzip-aes'] && summary['tar-gz']) console.log(`ours gzip+AES ÷ tar -xzf (time): ${(summary['ours-gzip-aes'].ms / summary['tar-gz'].ms).toFixed(2)}`);
  if (summary['engine-gzip-aes'] && summary['ours-gzip-aes']) console.log(`through the engine's restore channels ÷ in-process (time): ${(summary['engine-gzip-aes'].ms / summary['ours-gzip-aes'].ms).toFixed(2)}`);
  console.log(`\nload average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
} finally {
  cleanUp();
}
