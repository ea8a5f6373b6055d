// Block-level resynchronization of a 1 GiB file against rsync 3.5 (daemon on loopback), in the
// same run (GOALS.md): A = 256 scattered 4 KiB changes, B = 100 bytes inserted near the start.
// Ours: every message of the multi-round protocol encoded and decoded in-process; bytes = what
// would cross the wire, time = signature + rounds + delta + apply (wall clock). rsync: a push
// with --stats, bytes = sent + received. Floor: `cat new > /dev/null` (page cache warm).
// Each figure is the median of BENCH_RUNS runs (default 3), ours and rsync alternating, after
// one untimed warm-up run of each. Before every timed run, of either tool, the same two steps:
// `sync`, so one run's dirty pages do not slow the next one's writes; then a child process
// touches and frees 2 GiB. Why: on this VM the host takes back memory the guest has freed
// within seconds, and faulting it in again costs ~2 µs per page, so writing a new 1 GiB file
// took 1.8–2.5 s of system time when memory was "cold" and 0.4 s right after such a touch
// (dd, same file). Both tools write a new 1 GiB file, so both get the same warm start. Last,
// the run's basis and new file are read once: this VM drops cached file pages even with
// memory free, and GOALS.md's figures assume a warm page cache (as the `cat` floor does).
// BENCH_DIR picks the folder for the temporary files (default: the OS temp folder).
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { prng } from './lib/prng.mjs';
import { childrenCpuMs } from './lib/measure.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'dist/engine/sync/delta/index.js');
if (!fs.existsSync(entry)) {
  console.error(`block-resync: ${path.relative(root, entry)} is missing. Build the engine first: npm run build:main`);
  process.exit(1);
}
const require = createRequire(import.meta.url);
const { resyncInProcess } = require(entry);

const GiB = 1024 ** 3;
const SIZE = Number(process.env.BENCH_SIZE ?? GiB);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const NAME = 'file.bin';
const tmp = fs.mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'understudy-bench-resync-'));
let daemon;

function cleanUp() {
  daemon?.kill('SIGTERM');
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.on('SIGINT', () => {
  cleanUp();
  process.exit(130);
});


function writeRandomFile(file, size) {
  const fd = fs.openSync(file, 'w');
  const chunk = Buffer.allocUnsafe(16 * 1024 * 1024);
  for (let at = 0; at < size; at += chunk.length) {
    const n = Math.min(chunk.length, size - at);
    randomFillSync(chunk, 0, n);
    fs.writeSync(fd, chunk, 0, n, at);
  }
  fs.closeSync(fd);
}

function makeCaseA(basis, file) {
  fs.copyFileSync(basis, file);
  const fd = fs.openSync(file, 'r+');
  const random = prng(1);
  const change = Buffer.alloc(4096);
  for (let i = 0; i < 256; i += 1) {
    randomFillSync(change);
    fs.writeSync(fd, change, 0, change.length, Math.floor(random() * (SIZE - change.length)));
  }
  fs.closeSync(fd);
}

function makeCaseB(basis, file) {
  const at = 10_000;
  const head = Buffer.alloc(at);
  const fdIn = fs.openSync(basis, 'r');
  fs.readSync(fdIn, head, 0, at, 0);
  const fdOut = fs.openSync(file, 'w');
  fs.writeSync(fdOut, head);
  fs.writeSync(fdOut, randomFillSync(Buffer.alloc(100)));
  const chunk = Buffer.allocUnsafe(16 * 1024 * 1024);
  for (let pos = at; pos < SIZE; ) {
    const n = fs.readSync(fdIn, chunk, 0, chunk.length, pos);
    fs.writeSync(fdOut, chunk, 0, n);
    pos += n;
  }
  fs.closeSync(fdIn);
  fs.closeSync(fdOut);
}

function sha256(file) {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  const chunk = Buffer.allocUnsafe(16 * 1024 * 1024);
  for (let n; (n = fs.readSync(fd, chunk, 0, chunk.length, null)) > 0; ) hash.update(chunk.subarray(0, n));
  fs.closeSync(fd);
  return hash.digest('hex');
}

/** The same start for every timed run, see the header: dirty pages flushed, memory warm, both files in the page cache. */
function settle(...files) {
  execFileSync('sync');
  execFileSync(process.execPath, ['-e', 'for (let i = 0; i < 8; i += 1) Buffer.alloc(256 * 1024 * 1024, 1);']);
  for (const file of files) execFileSync('sh', ['-c', `cat '${file}' > /dev/null`]);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startRsyncDaemon(moduleDir) {
  const port = await freePort();
  const config = path.join(tmp, 'rsyncd.conf');
  const uid = process.getuid?.() ?? 0;
  const gid = process.getgid?.() ?? 0;
  fs.writeFileSync(
    config,
    `use chroot = no\nuid = ${uid}\ngid = ${gid}\npid file = ${path.join(tmp, 'rsyncd.pid')}\nlog file = ${path.join(tmp, 'rsyncd.log')}\n[mod]\npath = ${moduleDir}\nread only = no\n`,
  );
  daemon = spawn('rsync', ['--daemon', '--no-detach', `--config=${config}`, `--port=${port}`, '--address=127.0.0.1'], { stdio: 'ignore' });
  const deadline = Date.now() + 10_000;
  for (;;) {
    const up = await new Promise((resolve) => {
      const socket = net
        .connect(port, '127.0.0.1', () => {
          socket.end();
          resolve(true);
        })
        .on('error', () => resolve(false));
    });
    if (up) return port;
    if (Date.now() > deadline) throw new Error('rsync daemon did not start listening within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}


/** Waits until the daemon has reaped the process that served the last connection (its CPU then counts). */
async function daemonIdle() {
  const children = `/proc/${daemon.pid}/task/${daemon.pid}/children`;
  const deadline = Date.now() + 5000;
  while (fs.readFileSync(children, 'utf8').trim() !== '' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}

async function timeRsync(newFile, port) {
  const cpuBefore = childrenCpuMs(process.pid) + childrenCpuMs(daemon.pid);
  const started = performance.now();
  const out = execFileSync('rsync', ['--no-whole-file', '--stats', '-a', newFile, `rsync://127.0.0.1:${port}/mod/`], { encoding: 'utf8' });
  const ms = performance.now() - started;
  const number = (label) => Number(new RegExp(`${label}: ([\\d,]+)`).exec(out)?.[1].replaceAll(',', '') ?? NaN);
  await daemonIdle();
  const cpuMs = childrenCpuMs(process.pid) + childrenCpuMs(daemon.pid) - cpuBefore;
  return { ms, bytes: number('Total bytes sent') + number('Total bytes received'), cpuMs };
}

function timeCat(file) {
  const started = performance.now();
  execFileSync('sh', ['-c', `cat '${file}' > /dev/null`]);
  return performance.now() - started;
}

async function timeOurs(basis, newFile, out) {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 5);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const report = await resyncInProcess(basis, newFile, out);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  delay.disable();
  return { ms, bytes: report.wireBytes, report, cpuMs: (used.user + used.system) / 1000, loopMaxMs: delay.max / 1e6, peakRss };
}

try {
  console.log(`block-resync: ${SIZE} bytes, ${RUNS} runs per figure, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)}, temp ${tmp}`);
  const original = path.join(tmp, 'original.bin');
  writeRandomFile(original, SIZE);
  const replicaDir = path.join(tmp, 'replica');
  const rsyncDir = path.join(tmp, 'rsync-module');
  fs.mkdirSync(replicaDir);
  fs.mkdirSync(rsyncDir);
  const basis = path.join(replicaDir, NAME);
  fs.copyFileSync(original, basis);
  const cases = [
    { name: 'A: 256 scattered 4 KiB changes', dir: 'master-a', make: makeCaseA, goal: { bytes: 2.4e6, ms: 890 } },
    { name: 'B: 100 bytes inserted near the start', dir: 'master-b', make: makeCaseB, goal: { bytes: 0.39e6, ms: 1300 } },
  ];
  const port = await startRsyncDaemon(rsyncDir);
  const rows = [];
  for (const c of cases) {
    fs.mkdirSync(path.join(tmp, c.dir));
    const newFile = path.join(tmp, c.dir, NAME);
    c.make(original, newFile);
    const expected = sha256(newFile);
    const ours = [];
    const theirs = [];
    const floor = [];
    for (let run = -1; run < RUNS; run += 1) {
      const out = path.join(replicaDir, 'out.tmp');
      settle(basis, newFile);
      const our = await timeOurs(basis, newFile, out);
      if (run === -1 && sha256(out) !== expected) throw new Error(`ours produced a wrong file in case ${c.name}`);
      fs.rmSync(out);
      const target = path.join(rsyncDir, NAME);
      fs.copyFileSync(original, target);
      fs.utimesSync(target, new Date(2020, 0, 1), new Date(2020, 0, 1)); // rsync's quick check must not skip it
      settle(target, newFile);
      const their = await timeRsync(newFile, port);
      if (run === -1 && sha256(target) !== expected) throw new Error(`rsync produced a wrong file in case ${c.name}`);
      const cat = timeCat(newFile);
      if (run < 0) continue; // warm-up
      ours.push(our);
      theirs.push(their);
      floor.push(cat);
    }
    const best = ours.find((o) => o.ms === median(ours.map((x) => x.ms)));
    rows.push({
      name: c.name,
      goal: c.goal,
      ours: {
        bytes: best.bytes,
        ms: median(ours.map((o) => o.ms)),
        cpuMs: median(ours.map((o) => o.cpuMs)),
        loopMaxMs: Math.max(...ours.map((o) => o.loopMaxMs)),
        peakRssMb: Math.max(...ours.map((o) => o.peakRss)) / 2 ** 20,
      },
      rsync: { bytes: theirs[0].bytes, ms: median(theirs.map((t) => t.ms)), cpuMs: median(theirs.map((t) => t.cpuMs)) },
      floorMs: median(floor),
      report: best.report,
      runs: { ours: ours.map((o) => Math.round(o.ms)), rsync: theirs.map((t) => Math.round(t.ms)) },
    });
  }
  console.log('\n| case | ours bytes | rsync bytes | ours/rsync | goal | ours time | rsync time | ours/rsync | goal | cat (floor) | ours/floor | ours CPU | rsync CPU |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const mb = (bytes) => `${(bytes / 1e6).toFixed(3)} MB`;
    const ms = (value) => `${Math.round(value)} ms`;
    console.log(
      `| ${r.name} | ${mb(r.ours.bytes)} | ${mb(r.rsync.bytes)} | ${(r.ours.bytes / r.rsync.bytes).toFixed(3)} | ≤ ${mb(r.goal.bytes)} | ${ms(r.ours.ms)} | ${ms(r.rsync.ms)} | ${(r.ours.ms / r.rsync.ms).toFixed(2)} | ≤ ${ms(r.goal.ms)} | ${ms(r.floorMs)} | ${(r.ours.ms / r.floorMs).toFixed(1)} | ${ms(r.ours.cpuMs)} | ${ms(r.rsync.cpuMs)} |`,
    );
  }
  for (const r of rows) {
    const t = r.report.timings;
    console.log(
      `\n${r.name}: ${r.report.rounds} rounds; Replica→Master ${r.report.replicaToMaster} B, Master→Replica ${r.report.masterToReplica} B; literal ${r.report.stats.literalBytes} B in ${r.report.stats.ops} ops` +
        `\n  phases (median run): signature ${Math.round(t.signature)} ms, match ${Math.round(t.match)} ms, refinement ${Math.round(t.refine)} ms, delta+apply ${Math.round(t.deltaAndApply)} ms; CPU ${Math.round(r.ours.cpuMs)} ms; longest event-loop stall ${r.ours.loopMaxMs.toFixed(1)} ms; peak RSS ${Math.round(r.ours.peakRssMb)} MiB` +
        `\n  all runs (ms): ours ${r.runs.ours.join(', ')}; rsync ${r.runs.rsync.join(', ')}`,
    );
  }
  console.log(`\nload average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
} finally {
  cleanUp();
}
