// Rewind journal and snapshots (issue 4): what journaling every applied change costs, and how
// fast snapshots are made, read and rewound. Four sections, each with its anchor in the same run:
//
// 1. replication — replication throughput with Data Rewind on vs off, through real engines: a
//    Master engine and a Replica engine (`understudy-engine serve`, bench/lib/engines.mjs), the
//    Replica prepared with `protection.dataRewind` true or false, nothing else different. The
//    workload, in three phases on the Master: A) 2,000 new files of 4–64 KiB (seeded bytes) in
//    20 folders, B) each file overwritten in place partially (256 B–4 KiB at a seeded offset,
//    `r+` open + pwrite), C) 500 of them deleted. Each phase starts with its first write and
//    ends when the Replica holds the phase's result (a poll every 20 ms: every file of A with
//    its bytes, every range of B, every file of C gone); the next phase starts then. The whole
//    tree is compared byte for byte at the end (untimed). Anchor: the journal-off run; figure:
//    on ÷ off of the total time (target ≤ 1.3×). Runs alternate off/on, fresh engines each.
//    After each journal-on run: 20 × `replica.snapshot-create` through the Replica's admin
//    channel (the user-visible snapshot time, RPC included).
//    1b. The same records applied in-process (ReplicaApplier with a RewindJournal on vs off,
//    batches of 256 with their fsyncs deferred and the journal synced per batch (checkpoint), as
//    the Replica session does): the Replica side alone, without capture and transport.
// 2. snapshot-create — `journal.pin` through `applier.exclusive` (what replica.snapshot-create
//    does) on Replicas of 1,000 / 10,000 / 50,000 files of 4 KiB and 1,024 files of 1 MiB
//    (1 GiB), all written through the journaled applier (so the journal holds one entry per
//    file); 30 pins each, p50/max (target < 50 ms whatever the size). Then 30 pins while the
//    applier is busy with back-to-back 4 MiB writes (the largest record).
// 3. snapshot-read — reading a snapshot through SnapshotView vs plain reads of the live files
//    (fs.createReadStream, 1 MiB chunks, the anchor) in the same run: 20 files × 50 MiB; once
//    right after the pin (no change), once after changes applied since (16 files with 100
//    in-place writes of 4–64 KiB each, one grown by 4 MiB, one truncated by 4 MiB, two replaced
//    whole through `applier.install`, so the view reads patches and kept files). Page cache
//    warm for both (each timed pass is preceded by a plain read of every file it reads; two
//    untimed passes of each reader first). BENCH_READ_RUNS pairs of passes (default 5), order
//    alternating; the ratio is the median of the pairs' ratios (other jobs on the machine move
//    both readers alike within a pair); target ≥ 0.8×. The view's bytes are checked against the
//    files as they were at the pin (untimed).
// 4. rewind — Data Rewind (rewindTo) of 10,000 operations (new and replacing puts, in-place
//    writes, removes, renames, mkdir, attrs; seeded) applied on a Replica of 1,000 files, rewound
//    to the journal position before them; time and operations/s; the tree is checked equal to
//    the state before (untimed).
//
// Env: BENCH_SECTIONS (comma list of replication,apply,snapshot-create,snapshot-read,rewind;
// default all), BENCH_RUNS (3; sections 1, 1b, 4), BENCH_READ_RUNS (5), BENCH_FILES (2000),
// BENCH_DELETE (500), BENCH_SNAPSHOT_SIZES (1000,10000,50000,1GiB), BENCH_READ_FILES (20),
// BENCH_READ_MB (50), BENCH_REWIND_OPS (10000), BENCH_DIR (temp parent),
// BENCH_CPU_PROF=<dir> (engines of section 1 run with --cpu-prof into <dir>).
import { execFileSync } from 'node:child_process';
import { createHash, randomFillSync, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { distPath, requireDist } from './lib/dist.mjs';
import { adminSession as openAdminSession, startEngine as startEngineProcess } from './lib/engines.mjs';
import { prng } from './lib/prng.mjs';
import { benchWorkspace } from './lib/workspace.mjs';
import { cpuMs, median, percentile } from './lib/measure.mjs';
import { codeVersion, machineLine } from './lib/machine.mjs';
import { int, ms } from './lib/format.mjs';

const BENCH = 'journal';
distPath(BENCH, 'engine/daemon.js');
const { rootSubdirectory } = requireDist(BENCH, 'engine/replication/root-mapping.js');
const { DEFAULT_PROTECTION_SETTINGS } = requireDist(BENCH, 'engine/replica/protection-settings.js');
const { ReplicaApplier } = requireDist(BENCH, 'engine/replica/applier.js');
const { RewindJournal } = requireDist(BENCH, 'engine/replica/journal/rewind-journal.js');
const { rewindTo } = requireDist(BENCH, 'engine/replica/journal/data-rewind.js');
const { SnapshotView } = requireDist(BENCH, 'engine/replica/snapshot/snapshot-view.js');
const { DeferredSyncs, withDeferredSyncs } = requireDist(BENCH, 'engine/replica/durable-fs.js');
const { MAX_RECORD_DATA_BYTES } = requireDist(BENCH, 'engine/replication/change-record.js');

const ALL_SECTIONS = ['replication', 'apply', 'snapshot-create', 'snapshot-read', 'rewind'];
const SECTIONS = (process.env.BENCH_SECTIONS ?? ALL_SECTIONS.join(','))
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
for (const name of SECTIONS) if (!ALL_SECTIONS.includes(name)) throw new Error(`unknown section ${name}; known: ${ALL_SECTIONS.join(', ')}`);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const READ_RUNS = Number(process.env.BENCH_READ_RUNS ?? 5);
const FILES = Number(process.env.BENCH_FILES ?? 2000);
const DELETES = Number(process.env.BENCH_DELETE ?? 500);
const FOLDERS = 20;
const SNAPSHOT_SIZES = (process.env.BENCH_SNAPSHOT_SIZES ?? '1000,10000,50000,1GiB').split(',').map((spec) => spec.trim());
const READ_FILES = Number(process.env.BENCH_READ_FILES ?? 20);
const READ_BYTES = Number(process.env.BENCH_READ_MB ?? 50) * 1024 * 1024;
const REWIND_OPS = Number(process.env.BENCH_REWIND_OPS ?? 10_000);
const CPU_PROF = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : undefined;
const ADMIN = { user: 'admin', password: `bench-${randomUUID()}` };
const KEEP_EVERYTHING = { enabled: true, retentionMs: 1e12, maxBytes: 1e15 };
const OFF = { enabled: false, retentionMs: 24 * 3_600_000, maxBytes: 4 * 1024 ** 3 };
const APPLY_BATCH = 256; // as the Replica session (replica-session.ts)
const MiB = 1024 * 1024;

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const { tmp, track, cleanUp } = benchWorkspace('journal');

// ---------------------------------------------------------------- small helpers
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) : '—');
const mbps = (bytes, millis) => (bytes / 1e6 / (millis / 1000)).toFixed(0);

function newDir(name) {
  const dir = path.join(tmp, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}


function duBytes(dir) {
  try {
    return Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);
  } catch {
    return NaN;
  }
}

/** `count` seeded bytes (mulberry32 words). */
function seededBytes(random, count) {
  const words = new Uint32Array(Math.ceil(count / 4));
  for (let w = 0; w < words.length; w += 1) words[w] = (random() * 4294967296) >>> 0;
  return Buffer.from(words.buffer, 0, count);
}

function sha256File(file) {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  const chunk = Buffer.allocUnsafe(4 * MiB);
  for (let n; (n = fs.readSync(fd, chunk, 0, chunk.length, null)) > 0; ) hash.update(chunk.subarray(0, n));
  fs.closeSync(fd);
  return hash.digest('hex');
}

/** Every file and folder below `root`: relative path → 'dir' or 'file <mode> <sha256>'. */
function treeState(root) {
  const state = new Map();
  const walk = (dir, prefix) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const relative = prefix === '' ? name : `${prefix}/${name}`;
      const stats = fs.lstatSync(full);
      if (stats.isDirectory()) {
        state.set(relative, 'dir');
        walk(full, relative);
      } else {
        state.set(relative, `file ${(stats.mode & 0o777).toString(8)} ${createHash('sha256').update(fs.readFileSync(full)).digest('hex')}`);
      }
    }
  };
  walk(root, '');
  return state;
}

function sameState(a, b) {
  const differences = [];
  for (const [key, value] of a) if (b.get(key) !== value) differences.push(`${key}: ${value} vs ${b.get(key) ?? 'absent'}`);
  for (const key of b.keys()) if (!a.has(key)) differences.push(`${key}: absent vs ${b.get(key)}`);
  return differences;
}

/** A journaled (or not) applier on real folders, as the Replica session builds it. */
async function replicaOnDisk(name, settings) {
  const work = newDir(name);
  const target = path.join(work, 'target');
  fs.mkdirSync(target);
  const journal = await RewindJournal.open(path.join(work, 'journal'), settings);
  const applier = new ReplicaApplier({ targets: [target], journal });
  const realTarget = fs.realpathSync(target);
  const viewOf = (snapshot) =>
    new SnapshotView({
      exclusive: (work) => applier.exclusive(work),
      position: () => journal.position(),
      bases: async () => [realTarget],
      entries: () => journal.viewEntries(snapshot),
      undoOf: (jseq) => journal.undoOf(jseq),
      keptPath: (jseq) => journal.keep.pathOf(jseq),
    });
  return { work, target, realTarget, journal, applier, viewOf, realRootOf: async () => realTarget };
}

/** Applies records the way the Replica session does: batches of 256, fsyncs deferred to the batch's end, journal checkpointed first. */
async function applyBatched(replica, records, firstSeq = 1) {
  let seq = firstSeq;
  for (let at = 0; at < records.length; at += APPLY_BATCH) {
    const syncs = new DeferredSyncs();
    for (const record of records.slice(at, at + APPLY_BATCH)) {
      const mySeq = seq++;
      await withDeferredSyncs(syncs, () => replica.applier.apply(record, mySeq));
    }
    replica.journal.checkpoint();
    await syncs.flush();
    await replica.journal.trim();
  }
  return seq;
}

// ---------------------------------------------------------------- the section 1 workload
/** Seeded: file i's folder, name, bytes; its partial overwrite; which files are deleted. */
function makeWorkload() {
  const random = prng(4);
  const files = [];
  for (let i = 0; i < FILES; i += 1) {
    const size = 4096 + Math.floor(random() * (60 * 1024 + 1));
    const rel = `d${String(i % FOLDERS).padStart(2, '0')}/f${String(i).padStart(5, '0')}.dat`;
    const content = seededBytes(random, size);
    const length = Math.min(size, 256 + Math.floor(random() * (4096 - 256 + 1)));
    const offset = Math.floor(random() * (size - length + 1));
    const patch = seededBytes(random, length);
    const final = Buffer.from(content);
    patch.copy(final, offset);
    files.push({ rel, content, offset, patch, final });
  }
  const step = FILES / DELETES;
  const deleted = Array.from({ length: DELETES }, (_, k) => Math.floor(k * step));
  return { files, deleted };
}

/** The records the Master sends for that workload (files ≤ 64 KiB = one block: a change resends the block, i.e. the whole file). */
function workloadRecords(workload) {
  const mtimeMs = 1_790_000_000_000;
  const mkdirs = Array.from({ length: FOLDERS }, (_, f) => ({ op: 'mkdir', root: 0, path: `d${String(f).padStart(2, '0')}`, mtimeMs, mode: 0o755 }));
  const puts = workload.files.map((file) => ({ op: 'put', root: 0, path: file.rel, data: file.content, mtimeMs, mode: 0o644 }));
  const writes = workload.files.map((file) => ({
    op: 'write',
    root: 0,
    path: file.rel,
    ranges: [{ offset: 0, data: file.final }],
    size: file.final.length,
    mtimeMs: mtimeMs + 1000,
    mode: 0o644,
  }));
  const removes = workload.deleted.map((i) => ({ op: 'remove', root: 0, path: workload.files[i].rel }));
  return { mkdirs, puts, writes, removes };
}

/** Polls until every check in `pending` passes (in order; a poll stops at the first that does not); resolves with the time it did. */
async function converged(pending, check, timeoutMs = 300_000) {
  const deadline = nowMs() + timeoutMs;
  let next = 0;
  for (;;) {
    while (next < pending.length && check(pending[next])) next += 1;
    if (next === pending.length) return nowMs();
    if (nowMs() > deadline) throw new Error(`not converged after ${timeoutMs / 1000} s: ${pending.length - next} of ${pending.length} still differ`);
    await sleep(20);
  }
}

// ---------------------------------------------------------------- section 1: real engines
async function stopProcess(child, timeoutMs = 15_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timedOut = await Promise.race([exited.then(() => false), sleep(timeoutMs).then(() => true)]);
  if (timedOut) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
    await exited;
  }
}

async function replicationRun(workload, dataRewind, runNo) {
  const runDir = newDir(`replication-${runNo}`);
  const masterRoot = path.join(runDir, 'master');
  for (let f = 0; f < FOLDERS; f += 1) fs.mkdirSync(path.join(masterRoot, `d${String(f).padStart(2, '0')}`), { recursive: true });
  const target = path.join(runDir, 'replica');
  fs.mkdirSync(target);
  const start = (dataDir, label) => startEngineProcess({ dataDir, label, admin: ADMIN, track, now: nowMs, cpuProfDir: CPU_PROF });
  const master = await start(path.join(runDir, 'engine-master'), `master-${dataRewind ? 'on' : 'off'}`);
  const replica = await start(path.join(runDir, 'engine-replica'), `replica-${dataRewind ? 'on' : 'off'}`);
  let masterAdmin;
  let replicaAdmin;
  try {
    const scenarioId = randomUUID();
    const replicaId = randomUUID();
    replicaAdmin = await openAdminSession(replica, ADMIN);
    const protection = { ...DEFAULT_PROTECTION_SETTINGS, dataRewind };
    const prepared = await replicaAdmin.request('replica.prepare', { scenarioId, scenarioName: 'bench', replicaId, masterHost: '127.0.0.1', roots: [masterRoot], target, protection });
    masterAdmin = await openAdminSession(master, ADMIN);
    const links = [{ replicaId, host: '127.0.0.1', port: replica.port, fingerprint: prepared.fingerprint, token: prepared.token }];
    await masterAdmin.request('master.run', { scenarioId, name: 'bench', roots: [masterRoot], links, options: {} });
    const deadline = Date.now() + 60_000;
    for (;;) {
      const status = await masterAdmin.request('master.status', { scenarioId });
      if (status.links.length > 0 && status.links.every((link) => link.state === 'replicating')) break;
      if (Date.now() > deadline) throw new Error(`link did not reach 'replicating': ${JSON.stringify(status.links)}`);
      await sleep(50);
    }
    const base = path.join(target, ...rootSubdirectory(masterRoot));
    await converged(
      Array.from({ length: FOLDERS }, (_, f) => path.join(base, `d${String(f).padStart(2, '0')}`)),
      (dir) => fs.existsSync(dir),
      30_000,
    );
    execFileSync('sync');
    await sleep(1000);

    const phases = [];
    const measure = async (name, act, pending, check) => {
      const cpu0 = [cpuMs(master.child.pid), cpuMs(replica.child.pid)];
      const t0 = nowMs();
      act();
      const written = nowMs();
      const done = await converged(pending, check);
      const cpu1 = [cpuMs(master.child.pid), cpuMs(replica.child.pid)];
      phases.push({ name, ms: done - t0, writeMs: written - t0, masterCpu: cpu1[0] - cpu0[0], replicaCpu: cpu1[1] - cpu0[1] });
    };
    const indexes = workload.files.map((_, i) => i);
    const masterPath = (i) => path.join(masterRoot, workload.files[i].rel);
    const replicaPath = (i) => path.join(base, workload.files[i].rel);
    const probe = Buffer.alloc(64 * 1024);
    await measure(
      'A: create',
      () => {
        for (const i of indexes) fs.writeFileSync(masterPath(i), workload.files[i].content);
      },
      indexes,
      (i) => {
        const file = workload.files[i];
        try {
          if (fs.statSync(replicaPath(i)).size !== file.content.length) return false;
          return fs.readFileSync(replicaPath(i)).equals(file.content);
        } catch {
          return false;
        }
      },
    );
    await measure(
      'B: overwrite in place',
      () => {
        for (const i of indexes) {
          const { offset, patch } = workload.files[i];
          const fd = fs.openSync(masterPath(i), 'r+');
          fs.writeSync(fd, patch, 0, patch.length, offset);
          fs.closeSync(fd);
        }
      },
      indexes,
      (i) => {
        const { offset, patch } = workload.files[i];
        let fd;
        try {
          fd = fs.openSync(replicaPath(i), 'r');
          const n = fs.readSync(fd, probe, 0, patch.length, offset);
          return n === patch.length && probe.subarray(0, n).equals(patch);
        } catch {
          return false;
        } finally {
          if (fd !== undefined) fs.closeSync(fd);
        }
      },
    );
    await measure(
      'C: delete',
      () => {
        for (const i of workload.deleted) fs.unlinkSync(masterPath(i));
      },
      workload.deleted,
      (i) => !fs.existsSync(replicaPath(i)),
    );

    // Untimed: the whole copy equals the Master.
    const differences = sameState(treeState(masterRoot), treeState(base));
    const snapshotMs = [];
    const journalDir = path.join(runDir, 'engine-replica', 'engine', 'replicas', scenarioId, replicaId, 'journal');
    const journalBytes = duBytes(journalDir);
    const [protectionStatus] = await replicaAdmin.request('replica.protection', { scenarioId });
    const journal = protectionStatus?.journal;
    if (dataRewind) {
      for (let k = 0; k < 20; k += 1) {
        const t0 = nowMs();
        await replicaAdmin.request('replica.snapshot-create', { scenarioId, replicaId, name: `bench ${k}` });
        snapshotMs.push(nowMs() - t0);
      }
    }
    const problems = [...master.lines, ...replica.lines].filter(({ line }) => / (ERROR|WARNING)/.test(line)).map(({ line }) => line);
    return { dataRewind, phases, totalMs: phases.reduce((sum, phase) => sum + phase.ms, 0), differences, journal, journalBytes, snapshotMs, problems };
  } finally {
    masterAdmin?.close();
    replicaAdmin?.close();
    await Promise.all([stopProcess(master.child), stopProcess(replica.child)]);
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}

async function sectionReplication(workload) {
  console.log(
    `\n## 1. Replication throughput, Data Rewind on vs off (real engines)\n\n` +
      `${FILES.toLocaleString('en')} files of 4–64 KiB created (${(workload.files.reduce((s, f) => s + f.content.length, 0) / 1e6).toFixed(1)} MB), ` +
      `then each overwritten in place partially (256 B–4 KiB), then ${DELETES} deleted; ${RUNS} run(s) per setting, alternating.`,
  );
  const results = { off: [], on: [] };
  let runNo = 0;
  for (let run = 0; run < RUNS; run += 1) {
    for (const dataRewind of [false, true]) {
      execFileSync('sync');
      const result = await replicationRun(workload, dataRewind, (runNo += 1));
      results[dataRewind ? 'on' : 'off'].push(result);
      console.log(
        `  run ${run + 1} journal ${dataRewind ? 'on ' : 'off'}: total ${ms(result.totalMs)} — ` +
          result.phases.map((p) => `${p.name} ${ms(p.ms)} (writes ${ms(p.writeMs)}; CPU Master ${int(p.masterCpu)} ms, Replica ${int(p.replicaCpu)} ms)`).join('; ') +
          `; journal ${result.journal ? `${int(result.journal.entries)} entries, ${(result.journal.bytes / 1e6).toFixed(1)} MB counted` : '?'}, ${(result.journalBytes / 1e6).toFixed(1)} MB on disk` +
          (result.differences.length ? `\n    COPY DIFFERS (${result.differences.length}): ${result.differences.slice(0, 3).join(' | ')}` : '; copy equal') +
          (result.problems.length ? `\n    engine problems: ${result.problems.slice(0, 3).join(' | ')}` : ''),
      );
    }
  }
  const phaseNames = results.off[0].phases.map((p) => p.name);
  const pick = (list, fn) => median(list.map(fn));
  console.log('\n| phase | journal off | journal on | on ÷ off | Replica CPU off | Replica CPU on | Master CPU off | Master CPU on |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const [k, name] of phaseNames.entries()) {
    const off = pick(results.off, (r) => r.phases[k].ms);
    const on = pick(results.on, (r) => r.phases[k].ms);
    console.log(
      `| ${name} | ${ms(off)} | ${ms(on)} | ${ratio(on, off)} | ${ms(pick(results.off, (r) => r.phases[k].replicaCpu))} | ${ms(pick(results.on, (r) => r.phases[k].replicaCpu))} | ` +
        `${ms(pick(results.off, (r) => r.phases[k].masterCpu))} | ${ms(pick(results.on, (r) => r.phases[k].masterCpu))} |`,
    );
  }
  const off = pick(results.off, (r) => r.totalMs);
  const on = pick(results.on, (r) => r.totalMs);
  const cpuOff = pick(results.off, (r) => r.phases.reduce((s, p) => s + p.replicaCpu, 0));
  const cpuOn = pick(results.on, (r) => r.phases.reduce((s, p) => s + p.replicaCpu, 0));
  console.log(`| total | ${ms(off)} | ${ms(on)} | **${ratio(on, off)}** | ${ms(cpuOff)} | ${ms(cpuOn)} | | |`);
  console.log(`\nall runs, total (ms): off ${results.off.map((r) => int(r.totalMs)).join(', ')}; on ${results.on.map((r) => int(r.totalMs)).join(', ')}`);
  console.log(`target on ÷ off ≤ 1.3: ${on / off <= 1.3 ? 'met' : 'NOT met'} (${ratio(on, off)}); Replica engine CPU on ÷ off ${ratio(cpuOn, cpuOff)}`);
  const snaps = results.on.flatMap((r) => r.snapshotMs);
  if (snaps.length) {
    console.log(
      `replica.snapshot-create through the admin channel (Replica of ${int(FILES - DELETES)} files, journal of ~${int(results.on[0].journal?.entries ?? NaN)} entries), ${snaps.length} calls: ` +
        `p50 ${ms(percentile(snaps, 50))}, max ${ms(Math.max(...snaps))}`,
    );
  }
  return { off, on };
}

// ---------------------------------------------------------------- section 1b: the Replica side alone
async function applyRun(records, settings, label) {
  const replica = await replicaOnDisk(`apply-${label}`, settings);
  try {
    await applyBatched(replica, records.mkdirs);
    execFileSync('sync');
    const phases = [];
    let seq = records.mkdirs.length + 1;
    for (const [name, list] of [
      ['A: put', records.puts],
      ['B: write', records.writes],
      ['C: remove', records.removes],
    ]) {
      const cpu0 = process.cpuUsage();
      const t0 = nowMs();
      seq = await applyBatched(replica, list, seq);
      const cpu = process.cpuUsage(cpu0);
      phases.push({ name, ms: nowMs() - t0, cpu: (cpu.user + cpu.system) / 1000, count: list.length });
    }
    return { phases, totalMs: phases.reduce((s, p) => s + p.ms, 0), status: replica.journal.status(), journalBytes: duBytes(path.join(replica.work, 'journal')) };
  } finally {
    replica.journal.close();
    fs.rmSync(replica.work, { recursive: true, force: true });
  }
}

async function sectionApply(workload) {
  const records = workloadRecords(workload);
  console.log(
    `\n## 1b. The same records applied in-process (ReplicaApplier, journal on vs off)\n\n` +
      `${FILES} puts, ${FILES} writes (each the whole 64 KiB block, as the Master sends it), ${DELETES} removes; batches of ${APPLY_BATCH} with deferred fsyncs; ${RUNS} run(s), alternating.`,
  );
  const results = { off: [], on: [] };
  for (let run = 0; run < RUNS; run += 1) {
    for (const on of [false, true]) {
      const result = await applyRun(records, on ? KEEP_EVERYTHING : OFF, on ? 'on' : 'off');
      results[on ? 'on' : 'off'].push(result);
      console.log(
        `  run ${run + 1} journal ${on ? 'on ' : 'off'}: ${result.phases.map((p) => `${p.name} ${ms(p.ms)} (CPU ${int(p.cpu)} ms)`).join('; ')}; ` +
          `journal ${int(result.status.entries)} entries, ${(result.journalBytes / 1e6).toFixed(1)} MB on disk`,
      );
    }
  }
  console.log('\n| phase | journal off | journal on | on ÷ off | records/s off | records/s on |');
  console.log('|---|---|---|---|---|---|');
  for (let k = 0; k < 3; k += 1) {
    const off = median(results.off.map((r) => r.phases[k].ms));
    const on = median(results.on.map((r) => r.phases[k].ms));
    const count = results.off[0].phases[k].count;
    console.log(`| ${results.off[0].phases[k].name} | ${ms(off)} | ${ms(on)} | ${ratio(on, off)} | ${int((count * 1000) / off)} | ${int((count * 1000) / on)} |`);
  }
  const off = median(results.off.map((r) => r.totalMs));
  const on = median(results.on.map((r) => r.totalMs));
  console.log(`| total | ${ms(off)} | ${ms(on)} | **${ratio(on, off)}** | | |`);
  return { off, on };
}

// ---------------------------------------------------------------- section 2: snapshot create
function sizeSpec(spec) {
  if (/^1\s*GiB$/i.test(spec)) return { label: '1,024 files × 1 MiB (1 GiB)', files: 1024, bytes: MiB };
  const files = Number(spec);
  if (!Number.isInteger(files) || files <= 0) throw new Error(`BENCH_SNAPSHOT_SIZES: ${spec}`);
  return { label: `${files.toLocaleString('en')} files × 4 KiB`, files, bytes: 4096 };
}

async function pinTimes(replica, count, gapMs) {
  const times = [];
  for (let k = 0; k < count; k += 1) {
    const t0 = nowMs();
    await replica.applier.exclusive(async () => replica.journal.pin({ id: randomUUID(), name: `bench ${k}`, purpose: 'user' }));
    times.push(nowMs() - t0);
    if (gapMs) await sleep(gapMs);
  }
  return times;
}

async function sectionSnapshotCreate() {
  console.log(`\n## 2. Snapshot create (journal.pin through applier.exclusive, in-process)\n`);
  const rows = [];
  for (const spec of SNAPSHOT_SIZES) {
    const size = sizeSpec(spec);
    const replica = await replicaOnDisk('snapshot-create', KEEP_EVERYTHING);
    try {
      const random = prng(size.files);
      const folders = Math.max(1, Math.ceil(size.files / 1000));
      const records = [];
      for (let f = 0; f < folders; f += 1) records.push({ op: 'mkdir', root: 0, path: `d${f}`, mtimeMs: 1_790_000_000_000, mode: 0o755 });
      const block = seededBytes(random, size.bytes);
      const t0 = nowMs();
      let seq = await applyBatched(replica, records);
      // Written in slices so 1 GiB of records is never in memory at once.
      for (let at = 0; at < size.files; at += 1024) {
        const slice = [];
        for (let i = at; i < Math.min(size.files, at + 1024); i += 1) {
          const data = Buffer.from(block);
          data.writeUInt32LE(i, 0); // no two files alike
          slice.push({ op: 'put', root: 0, path: `d${i % folders}/f${i}.dat`, data, mtimeMs: 1_790_000_000_000, mode: 0o644 });
        }
        seq = await applyBatched(replica, slice, seq);
      }
      const populateMs = nowMs() - t0;
      execFileSync('sync');
      const idle = await pinTimes(replica, 30, 5);
      const entries = replica.journal.status().entries;
      const dataBytes = size.files * size.bytes;
      const row = { label: size.label, dataBytes, entries, populateMs, idle };
      if (spec === SNAPSHOT_SIZES[SNAPSHOT_SIZES.length - 1]) {
        // Busy: back-to-back 4 MiB in-place writes (the largest record), batches of 8 ended as the
        // session ends a batch (journal checkpoint, which is synchronous, then the deferred fsyncs).
        let stop = false;
        const applyMs = [];
        const checkpointMs = [];
        const busy = (async () => {
          const data = seededBytes(random, MAX_RECORD_DATA_BYTES);
          let syncs = new DeferredSyncs();
          for (let n = 0; !stop; n += 1) {
            data.writeUInt32LE(n, 0);
            const record = { op: 'write', root: 0, path: 'busy.bin', ranges: [{ offset: 0, data }], size: data.length, mtimeMs: 1_790_000_000_000 + n, mode: 0o644 };
            const t1 = nowMs();
            await withDeferredSyncs(syncs, () => replica.applier.apply(record, seq++));
            applyMs.push(nowMs() - t1);
            if (n % 8 === 7) {
              const t2 = nowMs();
              replica.journal.checkpoint();
              checkpointMs.push(nowMs() - t2);
              await syncs.flush();
              syncs = new DeferredSyncs();
            }
          }
          await syncs.flush();
        })();
        await sleep(200);
        row.busy = await pinTimes(replica, 30, 37);
        stop = true;
        await busy;
        row.busyApplyMs = applyMs;
        row.busyCheckpointMs = checkpointMs;
      }
      rows.push(row);
      console.log(
        `  ${size.label}: populated through the journaled applier in ${ms(populateMs)} (journal ${int(entries)} entries); ` +
          `pin p50 ${ms(percentile(idle, 50))} max ${ms(Math.max(...idle))}` +
          (row.busy
            ? `; while applying 4 MiB writes: p50 ${ms(percentile(row.busy, 50))} max ${ms(Math.max(...row.busy))} ` +
              `(one 4 MiB record applies in p50 ${ms(percentile(row.busyApplyMs, 50))}, max ${ms(Math.max(...row.busyApplyMs))}; ` +
              `the synchronous journal checkpoint per batch of 8 takes p50 ${ms(percentile(row.busyCheckpointMs, 50))}, max ${ms(Math.max(...row.busyCheckpointMs, 0))})`
            : ''),
      );
    } finally {
      replica.journal.close();
      fs.rmSync(replica.work, { recursive: true, force: true });
    }
  }
  console.log('\n| Replica data | journal entries | pins | p50 | max | ÷ target (50 ms), max |');
  console.log('|---|---|---|---|---|---|');
  for (const row of rows) {
    console.log(`| ${row.label} | ${int(row.entries)} | ${row.idle.length} | ${ms(percentile(row.idle, 50))} | ${ms(Math.max(...row.idle))} | ${ratio(Math.max(...row.idle), 50)} |`);
    if (row.busy) {
      console.log(`| same, while applying back-to-back 4 MiB writes | | ${row.busy.length} | ${ms(percentile(row.busy, 50))} | ${ms(Math.max(...row.busy))} | ${ratio(Math.max(...row.busy), 50)} |`);
    }
  }
  const worst = Math.max(...rows.flatMap((row) => row.idle));
  const busy = rows.flatMap((row) => row.busy ?? []);
  console.log(
    `\ntarget < 50 ms whatever the size: ${worst < 50 ? 'met' : 'NOT met'} (worst ${ms(worst)} between records)` +
      (busy.length ? `; while applying 4 MiB records: ${Math.max(...busy) < 50 ? 'met' : 'NOT met'} (worst ${ms(Math.max(...busy))}: a pin waits for the record in flight)` : ''),
  );
  return rows;
}

// ---------------------------------------------------------------- section 3: snapshot read
async function readLive(files) {
  let bytes = 0;
  const cpu0 = process.cpuUsage();
  const t0 = nowMs();
  for (const file of files) {
    for await (const chunk of fs.createReadStream(file, { highWaterMark: MiB })) bytes += chunk.byteLength;
  }
  const cpu = process.cpuUsage(cpu0);
  return { bytes, ms: nowMs() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
}

async function readView(view, rels, hashes) {
  let bytes = 0;
  const cpu0 = process.cpuUsage();
  const t0 = nowMs();
  for (const rel of rels) {
    const hash = hashes ? createHash('sha256') : undefined;
    for await (const chunk of view.read(0, rel)) {
      bytes += chunk.byteLength;
      hash?.update(chunk);
    }
    if (hashes && hash.digest('hex') !== hashes.get(rel)) throw new Error(`the snapshot view returned other bytes for ${rel} than it held at the pin`);
  }
  const cpu = process.cpuUsage(cpu0);
  return { bytes, ms: nowMs() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
}

function warm(files) {
  for (const file of files) execFileSync('sh', ['-c', `cat '${file}' > /dev/null`]);
}

async function readCase(label, view, rels, liveFiles, viewFiles, hashes) {
  await readView(view, rels, hashes); // untimed: builds the view and checks its bytes
  // Untimed warm-up passes of both readers: the first 1 MiB buffers of a process come from fresh
  // mmap'd pages (page faults, slow on this VM) until malloc's threshold adapts; after that both
  // readers reuse heap memory. Without this, whichever case runs first looks fault-bound.
  for (let k = 0; k < 2; k += 1) {
    await readLive(liveFiles);
    await readView(view, rels);
  }
  const live = [];
  const viewed = [];
  for (let run = 0; run < READ_RUNS; run += 1) {
    const order = run % 2 === 0 ? ['live', 'view'] : ['view', 'live'];
    for (const which of order) {
      warm(which === 'live' ? liveFiles : viewFiles);
      if (which === 'live') live.push(await readLive(liveFiles));
      else viewed.push(await readView(view, rels));
    }
  }
  const liveRate = median(live.map((r) => r.bytes / r.ms));
  const viewRate = median(viewed.map((r) => r.bytes / r.ms));
  // The ratio is taken per pair of passes run back to back, then the median: other jobs on the
  // machine shift both readers' speed over a run, a pair sees the same conditions.
  const pairs = live.map((l, k) => viewed[k].bytes / viewed[k].ms / (l.bytes / l.ms));
  const cpuPerGB = (list) => median(list.map((r) => r.cpuMs / (r.bytes / 1e9)));
  return { label, live, viewed, liveMBs: liveRate / 1000, viewMBs: viewRate / 1000, ratio: median(pairs), pairs, liveCpu: cpuPerGB(live), viewCpu: cpuPerGB(viewed) };
}

async function sectionSnapshotRead() {
  console.log(`\n## 3. Snapshot read vs live read (${READ_FILES} files × ${READ_BYTES / MiB} MiB, in-process)\n`);
  const replica = await replicaOnDisk('snapshot-read', KEEP_EVERYTHING);
  try {
    const rels = Array.from({ length: READ_FILES }, (_, i) => `big${String(i).padStart(2, '0')}.bin`);
    const live = rels.map((rel) => path.join(replica.realTarget, rel));
    const chunk = Buffer.allocUnsafe(16 * MiB);
    for (const file of live) {
      const fd = fs.openSync(file, 'w', 0o644);
      for (let at = 0; at < READ_BYTES; at += chunk.length) fs.writeSync(fd, randomFillSync(chunk), 0, Math.min(chunk.length, READ_BYTES - at));
      fs.closeSync(fd);
    }
    execFileSync('sync');
    const hashes = new Map(rels.map((rel, i) => [rel, sha256File(live[i])]));
    const snapshot = await replica.applier.exclusive(async () => replica.journal.pin({ id: randomUUID(), name: 'read', purpose: 'user' }));
    const view = replica.viewOf(snapshot);
    const rows = [];
    rows.push(await readCase('no change since the pin', view, rels, live, live, hashes));

    // Changes after the pin, through the applier (journaled): patches, a grown and a shrunk file, two kept whole.
    const random = prng(3);
    const records = [];
    const patched = Math.max(0, READ_FILES - 4);
    for (let i = 0; i < patched; i += 1) {
      for (let k = 0; k < 100; k += 1) {
        const length = 4096 + Math.floor(random() * (60 * 1024 + 1));
        const offset = Math.floor(random() * (READ_BYTES - length));
        records.push({ op: 'write', root: 0, path: rels[i], ranges: [{ offset, data: seededBytes(random, length) }], size: READ_BYTES, mtimeMs: 1_790_000_000_000, mode: 0o644 });
      }
    }
    records.push({ op: 'write', root: 0, path: rels[patched], ranges: [{ offset: READ_BYTES, data: seededBytes(random, 4 * MiB) }], size: READ_BYTES + 4 * MiB, mtimeMs: 1_790_000_000_000, mode: 0o644 });
    records.push({ op: 'write', root: 0, path: rels[patched + 1], ranges: [], size: READ_BYTES - 4 * MiB, mtimeMs: 1_790_000_000_000, mode: 0o644 });
    await applyBatched(replica, records);
    for (const rel of rels.slice(patched + 2)) {
      const temp = path.join(replica.work, `replacement-${rel}`);
      const fd = fs.openSync(temp, 'w', 0o644);
      for (let at = 0; at < READ_BYTES; at += chunk.length) fs.writeSync(fd, randomFillSync(chunk), 0, Math.min(chunk.length, READ_BYTES - at));
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      await replica.applier.install(0, rel, temp);
    }
    execFileSync('sync');
    const status = replica.journal.status();
    // Time to the first byte: a fresh view replays every entry since the pin.
    const fresh = replica.viewOf(snapshot);
    const t0 = nowMs();
    await fresh.stat(0, rels[0]);
    const buildMs = nowMs() - t0;
    const kept = [...replica.journal.viewEntries(snapshot)].flat().filter((entry) => entry.op === 'put').map((entry) => replica.journal.keep.pathOf(entry.jseq));
    const viewSources = [...live.slice(0, patched + 2), ...kept];
    rows.push(await readCase(`after ${int(status.entries)} changes since the pin (${patched} files patched ×100, 1 grown, 1 shrunk, 2 replaced whole)`, fresh, rels, live, viewSources, hashes));
    console.log(`  journal after the changes: ${int(status.entries)} entries, ${(status.bytes / 1e6).toFixed(1)} MB; a fresh view replays them in ${ms(buildMs)} (first byte)`);

    console.log('\n| case | live read (createReadStream) | snapshot view read | view ÷ live (median of paired passes) | CPU per GB, live | CPU per GB, view |');
    console.log('|---|---|---|---|---|---|');
    for (const row of rows) {
      console.log(`| ${row.label} | ${row.liveMBs.toFixed(0)} MB/s | ${row.viewMBs.toFixed(0)} MB/s | **${row.ratio.toFixed(2)}** | ${ms(row.liveCpu)} | ${ms(row.viewCpu)} |`);
    }
    for (const row of rows) {
      console.log(
        `  ${row.label}, all passes (MB/s): live ${row.live.map((r) => mbps(r.bytes, r.ms)).join(', ')}; view ${row.viewed.map((r) => mbps(r.bytes, r.ms)).join(', ')}; ` +
          `pair ratios ${row.pairs.map((r) => r.toFixed(2)).join(', ')}`,
      );
    }
    const worst = Math.min(...rows.map((row) => row.ratio));
    console.log(`\ntarget view ÷ live ≥ 0.8: ${worst >= 0.8 ? 'met' : 'NOT met'} (worst ${worst.toFixed(2)})`);
    return { rows, buildMs };
  } finally {
    replica.journal.close();
    fs.rmSync(replica.work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- section 4: Data Rewind
/** Seeded mixed records against a model of the tree they build (files in arrays, O(1) picks). */
class Workload {
  constructor(random, files, dirs) {
    this.random = random;
    this.files = [...files.keys()];
    this.sizes = new Map(files);
    this.dirs = [...dirs];
    this.names = 0;
  }
  pick(list) {
    return list[Math.floor(this.random() * list.length)];
  }
  dropFile(file) {
    const at = this.files.indexOf(file);
    this.files[at] = this.files[this.files.length - 1];
    this.files.pop();
    this.sizes.delete(file);
  }
  mtime() {
    return 1_790_000_000_000 + Math.floor(this.random() * 1e9);
  }
  newPath() {
    return `${this.pick(this.dirs)}/n${this.names++}.dat`;
  }
  next() {
    const roll = this.random();
    if (roll < 0.2 || this.files.length < 100) {
      const file = this.newPath();
      const size = 1024 + Math.floor(this.random() * 15 * 1024);
      this.files.push(file);
      this.sizes.set(file, size);
      return { op: 'put', root: 0, path: file, data: seededBytes(this.random, size), mtimeMs: this.mtime(), mode: 0o644 };
    }
    const file = this.pick(this.files);
    if (roll < 0.35) {
      const size = 1024 + Math.floor(this.random() * 15 * 1024);
      this.sizes.set(file, size);
      return { op: 'put', root: 0, path: file, data: seededBytes(this.random, size), mtimeMs: this.mtime(), mode: 0o644 };
    }
    if (roll < 0.65) {
      const old = this.sizes.get(file);
      const size = Math.max(0, old + Math.floor((this.random() - 0.4) * 4096));
      const ranges = Array.from({ length: 1 + Math.floor(this.random() * 3) }, () => {
        const offset = Math.floor(this.random() * (size + 1));
        return { offset, data: seededBytes(this.random, Math.min(size - offset, Math.floor(this.random() * 4096))) };
      });
      this.sizes.set(file, size);
      return { op: 'write', root: 0, path: file, ranges, size, mtimeMs: this.mtime(), mode: 0o644 };
    }
    if (roll < 0.78) {
      this.dropFile(file);
      return { op: 'remove', root: 0, path: file };
    }
    if (roll < 0.93) {
      const over = this.random() < 0.3 ? this.pick(this.files) : undefined;
      const to = over !== undefined && over !== file ? over : this.newPath();
      const size = this.sizes.get(file);
      this.dropFile(file);
      if (this.sizes.has(to)) this.dropFile(to);
      this.files.push(to);
      this.sizes.set(to, size);
      return { op: 'rename', root: 0, from: file, to };
    }
    if (roll < 0.95) {
      const dir = `${this.pick(this.dirs)}/m${this.names++}`;
      this.dirs.push(dir);
      return { op: 'mkdir', root: 0, path: dir, mtimeMs: this.mtime(), mode: 0o755 };
    }
    return { op: 'attrs', root: 0, path: file, mtimeMs: this.mtime(), mode: this.random() < 0.5 ? 0o640 : 0o600 };
  }
}

async function rewindRun(run) {
  const replica = await replicaOnDisk(`rewind-${run}`, KEEP_EVERYTHING);
  try {
    const random = prng(100 + run);
    const files = new Map();
    const dirs = Array.from({ length: FOLDERS }, (_, f) => `d${String(f).padStart(2, '0')}`);
    for (const dir of dirs) fs.mkdirSync(path.join(replica.realTarget, dir));
    for (let i = 0; i < 1000; i += 1) {
      const rel = `${dirs[i % FOLDERS]}/f${i}.dat`;
      const size = 1024 + Math.floor(random() * 15 * 1024);
      fs.writeFileSync(path.join(replica.realTarget, rel), seededBytes(random, size), { mode: 0o644 });
      files.set(rel, size);
    }
    execFileSync('sync');
    const before = treeState(replica.realTarget);
    const toJseq = replica.journal.position();
    const workload = new Workload(random, files, dirs);
    const records = Array.from({ length: REWIND_OPS }, () => workload.next());
    const counts = {};
    for (const record of records) counts[record.op] = (counts[record.op] ?? 0) + 1;
    const t0 = nowMs();
    await applyBatched(replica, records);
    const applyMs = nowMs() - t0;
    const status = replica.journal.status();
    execFileSync('sync');
    const cpu0 = process.cpuUsage();
    const t1 = nowMs();
    const outcome = await rewindTo(replica.journal, replica.realRootOf, toJseq);
    const rewindMs = nowMs() - t1;
    const cpu = process.cpuUsage(cpu0);
    const differences = sameState(before, treeState(replica.realTarget));
    return { counts, applyMs, rewindMs, cpuMs: (cpu.user + cpu.system) / 1000, outcome, entries: status.entries, journalBytes: status.bytes, differences };
  } finally {
    replica.journal.close();
    fs.rmSync(replica.work, { recursive: true, force: true });
  }
}

async function sectionRewind() {
  console.log(`\n## 4. Data Rewind of ${REWIND_OPS.toLocaleString('en')} operations (in-process)\n`);
  const runs = [];
  for (let run = 0; run < RUNS; run += 1) {
    const result = await rewindRun(run);
    runs.push(result);
    const o = result.outcome;
    console.log(
      `  run ${run + 1}: ops ${Object.entries(result.counts)
        .map(([op, n]) => `${op} ${n}`)
        .join(', ')}; applied in ${ms(result.applyMs)}; journal ${int(result.entries)} entries (${(result.journalBytes / 1e6).toFixed(1)} MB); ` +
        `rewind ${ms(result.rewindMs)} (CPU ${int(result.cpuMs)} ms; undone ${o.undone}: created ${o.created}, restored ${o.restored}, patched ${o.patched}, renamed ${o.renamed}, attributes ${o.attributes}); ` +
        (result.differences.length ? `TREE DIFFERS (${result.differences.length}): ${result.differences.slice(0, 3).join(' | ')}` : 'tree equal to the state before'),
    );
  }
  const rewindMs = median(runs.map((r) => r.rewindMs));
  const applyMs = median(runs.map((r) => r.applyMs));
  const undone = runs[0].outcome.undone;
  console.log('\n| figure | time | operations/s |');
  console.log('|---|---|---|');
  console.log(`| applying the ${int(REWIND_OPS)} operations (journal on; for scale) | ${ms(applyMs)} | ${int((REWIND_OPS * 1000) / applyMs)} |`);
  console.log(`| Data Rewind of them (rewindTo) | ${ms(rewindMs)} | ${int((undone * 1000) / rewindMs)} |`);
  console.log(`\nall runs, rewind (ms): ${runs.map((r) => int(r.rewindMs)).join(', ')}`);
  return { rewindMs, applyMs };
}

// ---------------------------------------------------------------- main
try {
  console.log(
    `journal: sections ${SECTIONS.join(', ')}; machine: ${machineLine()}; ` +
      `HEAD ${codeVersion()}; date ${new Date().toISOString()}; load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; temp ${tmp}`,
  );
  const workload = SECTIONS.includes('replication') || SECTIONS.includes('apply') ? makeWorkload() : undefined;
  if (SECTIONS.includes('replication')) await sectionReplication(workload);
  if (SECTIONS.includes('apply')) await sectionApply(workload);
  if (SECTIONS.includes('snapshot-create')) await sectionSnapshotCreate();
  if (SECTIONS.includes('snapshot-read')) await sectionSnapshotRead();
  if (SECTIONS.includes('rewind')) await sectionRewind();
  console.log(`\nload average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
} finally {
  cleanUp();
}
