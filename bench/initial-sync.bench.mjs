// Initial synchronization of a fresh, empty Replica: 50,000 small files (1–8 KiB, in 500
// folders) plus 3 large files (100 MiB each, random bytes; total disk use stays under 1.5 GB:
// the Master tree plus one copy at a time). Ours: a Master engine and a Replica engine, two
// `understudy-engine serve` processes on 127.0.0.1 with their own data folders; the time runs
// from the manager's replica.prepare + master.run (which include the Master's initial scan and
// index) until master.status shows the link 'replicating'; the copy is then compared with the
// Master byte for byte (untimed). Anchor, same run, same data, fresh empty target each time:
// `rsync -a master/ rsync://127.0.0.1:<port>/mod/` to an rsync daemon on loopback (wall clock
// of the client). Also shown, for information: `rsync -a --fsync` (the Replica engine fsyncs
// every file it writes; plain rsync leaves them in the page cache).
//
// Each configuration runs BENCH_RUNS times (default 3; once if its first run took over a
// minute), alternating, after one untimed warm-up rsync; `sync` before every timed run so one
// run's dirty pages do not slow the next one. Medians are reported.
// Env: BENCH_RUNS, BENCH_CONFIGS (comma list of ours,rsync,rsync-fsync; default all), BENCH_FILES (50000), BENCH_FOLDERS (500), BENCH_LARGE_MB (100, MiB each),
// BENCH_LARGE_COUNT (3), BENCH_DIR (temp parent), BENCH_NO_FSYNC_ROW=1 (skip rsync --fsync),
// BENCH_CPU_PROF=<dir> (engines run with --cpu-prof into <dir>).
import { execFile, execFileSync, spawn } from 'node:child_process';
import { randomFillSync, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { distPath, requireDist } from './lib/dist.mjs';
import { prng } from './lib/prng.mjs';
import { freePort, adminSession as openAdminSession, startEngine as startEngineProcess } from './lib/engines.mjs';
import { benchWorkspace } from './lib/workspace.mjs';
import { childrenCpuMs, cpuMs, median } from './lib/measure.mjs';

distPath('initial-sync', 'engine/daemon.js');
const { rootSubdirectory } = requireDist('initial-sync', 'engine/replication/root-mapping.js');

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const FILES = Number(process.env.BENCH_FILES ?? 50_000);
const FOLDERS = Number(process.env.BENCH_FOLDERS ?? 500);
const LARGE_BYTES = Number(process.env.BENCH_LARGE_MB ?? 100) * 1024 * 1024;
const LARGE_COUNT = Number(process.env.BENCH_LARGE_COUNT ?? 3);
const FSYNC_ROW = process.env.BENCH_NO_FSYNC_ROW !== '1';
const CPU_PROF = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : undefined;
const LONG_RUN_MS = 60_000;
const ADMIN = { user: 'admin', password: `bench-${randomUUID()}` };

const { tmp, track, cleanUp } = benchWorkspace('initial-sync');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const nowMs = () => performance.now();

async function stopProcess(child, timeoutMs = 15_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  if (await Promise.race([exited.then(() => false), sleep(timeoutMs).then(() => true)])) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
    await exited;
  }
}


function machineBusyMs() {
  const [user, nice, system, , , irq, softirq, steal] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return (user + nice + system + irq + softirq + steal) * 10;
}

function settle() {
  execFileSync('sync');
}



function makeMasterTree(masterRoot) {
  const random = prng(42);
  let bytes = 0;
  const block = Buffer.allocUnsafe(8192);
  for (let i = 0; i < FILES; i += 1) {
    const dir = path.join(masterRoot, `folder-${String(i % FOLDERS).padStart(3, '0')}`);
    if (i < FOLDERS) fs.mkdirSync(dir, { recursive: true });
    const size = 1024 + Math.floor(random() * (7 * 1024 + 1));
    randomFillSync(block, 0, size);
    fs.writeFileSync(path.join(dir, `file-${String(i).padStart(5, '0')}.dat`), block.subarray(0, size));
    bytes += size;
  }
  const largeDir = path.join(masterRoot, 'large');
  fs.mkdirSync(largeDir);
  const chunk = Buffer.allocUnsafe(16 * 1024 * 1024);
  for (let l = 0; l < LARGE_COUNT; l += 1) {
    const fd = fs.openSync(path.join(largeDir, `large-${l}.bin`), 'w');
    for (let at = 0; at < LARGE_BYTES; at += chunk.length) {
      const n = Math.min(chunk.length, LARGE_BYTES - at);
      randomFillSync(chunk, 0, n);
      fs.writeSync(fd, chunk, 0, n);
    }
    fs.closeSync(fd);
    bytes += LARGE_BYTES;
  }
  return { files: FILES + LARGE_COUNT, folders: FOLDERS + 1, bytes };
}

/** Byte-for-byte comparison of two trees (untimed): every folder and file on both sides, same contents. */
function compareTrees(a, b) {
  const problems = [];
  let files = 0;
  const walk = (relative) => {
    const left = fs.readdirSync(path.join(a, relative), { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : 1));
    let rightNames;
    try {
      rightNames = new Set(fs.readdirSync(path.join(b, relative)));
    } catch {
      problems.push(`${relative || '.'}: missing on the copy`);
      return;
    }
    for (const entry of left) {
      const rel = path.join(relative, entry.name);
      if (!rightNames.delete(entry.name)) {
        problems.push(`${rel}: missing on the copy`);
        continue;
      }
      if (entry.isDirectory()) walk(rel);
      else {
        files += 1;
        const x = fs.readFileSync(path.join(a, rel));
        const y = fs.readFileSync(path.join(b, rel));
        if (!x.equals(y)) problems.push(`${rel}: different contents (${x.length} vs ${y.length} bytes)`);
      }
    }
    for (const extra of rightNames) problems.push(`${path.join(relative, extra)}: only on the copy`);
  };
  walk('');
  return { equal: problems.length === 0, files, problems };
}

function diskUseMb(dir) {
  try {
    return Number(execFileSync('du', ['-sm', dir], { encoding: 'utf8' }).split('\t')[0]);
  } catch {
    return NaN;
  }
}

// ---- engines (bench/lib/engines.mjs)
const startEngine = (dataDir, label) => startEngineProcess({ dataDir, label, admin: ADMIN, track, now: nowMs, cpuProfDir: CPU_PROF });
const adminSession = (engine) => openAdminSession(engine, ADMIN);

async function runOurs(runDir, masterRoot) {
  const target = path.join(runDir, 'replica');
  fs.mkdirSync(target);
  const master = await startEngine(path.join(runDir, 'engine-master'), 'master');
  const replica = await startEngine(path.join(runDir, 'engine-replica'), 'replica');
  let masterAdmin;
  try {
    const replicaAdmin = await adminSession(replica);
    masterAdmin = await adminSession(master);
    settle();
    const cpuBefore = [cpuMs(master.child.pid), cpuMs(replica.child.pid)];
    const busyBefore = machineBusyMs();
    const scenarioId = randomUUID();
    const replicaId = randomUUID();
    const t0 = nowMs();
    const prepared = await replicaAdmin.request('replica.prepare', { scenarioId, scenarioName: 'bench', replicaId, masterHost: '127.0.0.1', roots: [masterRoot], target });
    const links = [{ replicaId, host: '127.0.0.1', port: replica.port, fingerprint: prepared.fingerprint, token: prepared.token }];
    await masterAdmin.request('master.run', { scenarioId, name: 'bench', roots: [masterRoot], links, options: {} });
    const runReturned = nowMs() - t0;
    let status;
    for (;;) {
      status = await masterAdmin.request('master.status', { scenarioId });
      if (status.links.length > 0 && status.links.every((link) => link.state === 'replicating')) break;
      if (nowMs() - t0 > 30 * 60_000) throw new Error(`no 'replicating' after 30 minutes: ${JSON.stringify(status.links)}`);
      await sleep(100);
    }
    const ms = nowMs() - t0;
    const busyMs = machineBusyMs() - busyBefore;
    const cpu = { 'Master engine': cpuMs(master.child.pid) - cpuBefore[0], 'Replica engine': cpuMs(replica.child.pid) - cpuBefore[1] };
    replicaAdmin.close();
    const lineAt = (engine, pattern) => {
      const found = engine.lines.find(({ line }) => pattern.test(line));
      return found ? found.at - t0 : NaN;
    };
    const phases = {
      'capture watching': lineAt(master, /Capturing changes under/),
      'master.run returned (initial scan + index done)': runReturned,
      'synchronization started': lineAt(master, /Synchronization of Replica .* started/),
      'synchronization finished': lineAt(master, /Synchronization of Replica .* finished/),
    };
    const finished = master.lines.find(({ line }) => /Synchronization of Replica .* finished/.test(line))?.line ?? '';
    const copy = path.join(target, ...rootSubdirectory(masterRoot));
    const diskMb = diskUseMb(tmp);
    let compare = compareTrees(masterRoot, copy);
    let equalAfterMs = compare.equal ? 0 : NaN;
    if (!compare.equal) {
      // 'replicating' should mean the copy is complete; if not, say how long it took to become so.
      const started = nowMs();
      while (!compare.equal && nowMs() - started < 60_000) {
        await sleep(1000);
        compare = compareTrees(masterRoot, copy);
      }
      if (compare.equal) equalAfterMs = nowMs() - started;
    }
    const problems = [...master.lines, ...replica.lines].filter(({ line }) => / (ERROR|WARNING)/.test(line)).map(({ line }) => line);
    return { ms, cpu, busyMs, phases, finished, compare, equalAfterMs, diskMb, problems };
  } finally {
    masterAdmin?.close();
    await Promise.all([stopProcess(master.child), stopProcess(replica.child)]);
  }
}

async function startRsyncDaemon(moduleDir) {
  const port = await freePort();
  const config = path.join(tmp, 'rsyncd.conf');
  fs.writeFileSync(
    config,
    `use chroot = no\nuid = ${process.getuid()}\ngid = ${process.getgid()}\npid file = ${path.join(tmp, 'rsyncd.pid')}\nlog file = ${path.join(tmp, 'rsyncd.log')}\n` +
      `[mod]\npath = ${moduleDir}\nread only = no\n`,
  );
  const child = track(spawn('rsync', ['--daemon', '--no-detach', `--config=${config}`, `--port=${port}`, '--address=127.0.0.1'], { stdio: 'ignore', detached: true }));
  const deadline = Date.now() + 10_000;
  for (;;) {
    const up = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (up) return { port, child };
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('the rsync daemon did not start listening within 10 s');
    await sleep(50);
  }
}


async function daemonIdle(daemonPid) {
  const list = `/proc/${daemonPid}/task/${daemonPid}/children`;
  const deadline = Date.now() + 10_000;
  while (fs.readFileSync(list, 'utf8').trim() !== '' && Date.now() < deadline) await sleep(10);
}

async function runRsync(masterRoot, moduleDir, rsyncd, extra) {
  fs.rmSync(moduleDir, { recursive: true, force: true });
  fs.mkdirSync(moduleDir);
  settle();
  const cpuBefore = childrenCpuMs(process.pid) + childrenCpuMs(rsyncd.child.pid);
  const busyBefore = machineBusyMs();
  const t0 = nowMs();
  await new Promise((resolve, reject) => {
    const child = execFile('rsync', ['-a', ...extra, `${masterRoot}/`, `rsync://127.0.0.1:${rsyncd.port}/mod/`], { maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) =>
      error ? reject(new Error(`rsync failed: ${stderr || error.message}`)) : resolve(),
    );
    track(child);
  });
  const ms = nowMs() - t0;
  const busyMs = machineBusyMs() - busyBefore;
  await daemonIdle(rsyncd.child.pid);
  const cpu = { 'rsync client + daemon': childrenCpuMs(process.pid) + childrenCpuMs(rsyncd.child.pid) - cpuBefore };
  const diskMb = diskUseMb(tmp);
  const compare = compareTrees(masterRoot, moduleDir);
  return { ms, cpu, busyMs, compare, equalAfterMs: compare.equal ? 0 : NaN, diskMb, problems: [] };
}

const secs = (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : '—');

try {
  const rsyncVersion = execFileSync('rsync', ['--version'], { encoding: 'utf8' }).split('\n')[0].trim();
  console.log(
    `initial-sync: ${FILES.toLocaleString('en')} files of 1–8 KiB in ${FOLDERS} folders + ${LARGE_COUNT} × ${LARGE_BYTES / 1024 / 1024} MiB, up to ${RUNS} run(s) per configuration\n` +
      `machine: ${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}; ${rsyncVersion}\n` +
      `date: ${new Date().toISOString()}; load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; temp ${tmp}`,
  );
  const masterRoot = path.join(tmp, 'master');
  const generated = nowMs();
  const data = makeMasterTree(masterRoot);
  settle();
  console.log(
    `Master tree: ${data.files.toLocaleString('en')} files, ${data.folders} folders, ${(data.bytes / 1e6).toFixed(1)} MB of data, ${diskUseMb(masterRoot)} MiB on disk (made in ${secs(nowMs() - generated)})`,
  );

  const moduleDir = path.join(tmp, 'rsync-module');
  fs.mkdirSync(moduleDir);
  const rsyncd = await startRsyncDaemon(moduleDir);
  const warm = await runRsync(masterRoot, moduleDir, rsyncd, []);
  if (!warm.compare.equal) throw new Error(`rsync's copy differs from the Master: ${warm.compare.problems.slice(0, 5).join('; ')}`);
  console.log(`warm-up rsync (untimed): ${secs(warm.ms)}`);
  fs.rmSync(moduleDir, { recursive: true, force: true });
  fs.mkdirSync(moduleDir);

  const configs = [
    { name: 'ours', label: 'Understudy (Master + Replica engines)', run: (runDir) => runOurs(runDir, masterRoot) },
    { name: 'rsync', label: 'rsync -a → rsync daemon', run: () => runRsync(masterRoot, moduleDir, rsyncd, []) },
    ...(FSYNC_ROW ? [{ name: 'rsync-fsync', label: 'rsync -a --fsync → rsync daemon (information)', run: () => runRsync(masterRoot, moduleDir, rsyncd, ['--fsync']) }] : []),
  ];
  const wanted = (process.env.BENCH_CONFIGS ?? configs.map((c) => c.name).join(',')).split(',').map((name) => name.trim());
  for (const name of wanted) if (!configs.some((c) => c.name === name)) throw new Error(`unknown configuration ${name}; known: ${configs.map((c) => c.name).join(', ')}`);
  configs.splice(0, configs.length, ...configs.filter((c) => wanted.includes(c.name)));
  const results = Object.fromEntries(configs.map((c) => [c.name, []]));
  let peakDiskMb = 0;
  for (let run = 0; run < RUNS; run += 1) {
    for (const config of configs) {
      const previous = results[config.name];
      if (run > 0 && previous[0] && previous[0].ms > LONG_RUN_MS) continue; // over a minute: once is enough
      const runDir = path.join(tmp, `run-${config.name}-${run + 1}`);
      fs.mkdirSync(runDir);
      let result;
      try {
        result = await config.run(runDir);
      } finally {
        fs.rmSync(runDir, { recursive: true, force: true });
      }
      fs.rmSync(moduleDir, { recursive: true, force: true });
      fs.mkdirSync(moduleDir);
      previous.push(result);
      peakDiskMb = Math.max(peakDiskMb, result.diskMb);
      const cpuTotal = Object.values(result.cpu).reduce((a, b) => a + b, 0);
      const cpu = Object.entries(result.cpu)
        .map(([who, value]) => `${who} ${secs(value)}`)
        .join(', ');
      console.log(
        `  run ${run + 1} ${config.name}: ${secs(result.ms)}, ${(data.bytes / 1e6 / (result.ms / 1000)).toFixed(1)} MB/s, ${Math.round(data.files / (result.ms / 1000)).toLocaleString('en')} files/s; ` +
          `CPU ${cpu}; rest of the machine (other processes, kernel threads) ≈ ${secs(Math.max(0, result.busyMs - cpuTotal))}; ` +
          `copy ${result.compare.equal ? `equal (${result.compare.files.toLocaleString('en')} files compared)` : `DIFFERENT: ${result.compare.problems.slice(0, 5).join('; ')} (${result.compare.problems.length} problems)`}` +
          (result.equalAfterMs > 0 ? ` — equal only ${secs(result.equalAfterMs)} after 'replicating'` : '') +
          (result.phases ? `\n    phases from the run request: ${Object.entries(result.phases).map(([phase, at]) => `${phase} ${secs(at)}`).join(', ')}` : '') +
          (result.finished ? `\n    ${result.finished.replace(/^\S+ INFO /, '')}` : '') +
          (result.problems.length ? `\n    engine problems: ${result.problems.slice(0, 5).join(' | ')}` : ''),
      );
    }
  }
  await stopProcess(rsyncd.child);

  const rows = configs.map((config) => {
    const list = results[config.name];
    const ms = median(list.map((r) => r.ms));
    return { ...config, ms, runs: list.length, mbps: data.bytes / 1e6 / (ms / 1000), fps: data.files / (ms / 1000), equal: list.every((r) => r.compare.equal) };
  });
  const ours = rows.find((r) => r.name === 'ours');
  const rsync = rows.find((r) => r.name === 'rsync') ?? { ms: NaN, mbps: NaN };
  console.log(`\nMedians (${(data.bytes / 1e6).toFixed(0)} MB in ${data.files.toLocaleString('en')} files; peak disk use of the bench ${peakDiskMb} MiB):\n`);
  console.log('| configuration | runs | time | MB/s | files/s | copy equal | time ÷ rsync |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.label} | ${r.runs} | ${secs(r.ms)} | ${r.mbps.toFixed(1)} | ${Math.round(r.fps).toLocaleString('en')} | ${r.equal ? 'yes' : 'NO'} | ${(r.ms / rsync.ms).toFixed(2)} |`);
  }
  if (ours) {
    console.log(
      `\nours ÷ rsync: time ${(ours.ms / rsync.ms).toFixed(2)}, throughput ${(ours.mbps / rsync.mbps).toFixed(2)} (target: time ≤ rsync's, i.e. ratio ≤ 1.00: ${ours.ms <= rsync.ms ? 'met' : 'NOT met'})`,
    );
  }
  console.log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
} finally {
  cleanUp();
}
