// Data sets of the backup and restore benches: the seeded mix of bench/backup.bench.mjs and a copy
// of /usr/share (GOALS.md's backup/restore rows), plus the walk order both benches feed the
// session writer with.
import { execFileSync } from 'node:child_process';
import { createCipheriv } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { prng } from './prng.mjs';

const MiB = 1024 * 1024;

/** The seeded data set's shape for `mb` MB (1024 = the backup bench's ~1 GiB). */
export function seededShape(mb) {
  const scale = mb / 1024;
  return { smallFiles: Math.max(1, Math.round(2000 * scale)), bigFiles: 4, bigBytes: Math.max(MiB, Math.round(64 * MiB * scale)), folders: 20 };
}

/**
 * The backup bench's data set, written under `root` then `sync`: smallFiles files of
 * 4 KiB–1 MiB (4 KiB + (1 MiB − 4 KiB)·r^1.5) in 20 folders (a third of them in a docs/
 * sub-folder) plus 4 big files; every other file compressible log-like text (slices of a 16 MiB
 * pool of seeded lines), the others random (AES-256-CTR keystream under a seeded key).
 */
export function makeSeededDataSet(root, shape) {
  const { smallFiles, bigFiles, bigBytes, folders } = shape;
  const random = prng(5);
  const words = ['INFO', 'WARN', 'request', 'served', 'user', 'session', 'GET', 'POST', '/api/v1/items', 'status=200', 'status=404', 'latency', 'backup', 'volume', 'replica', 'ok', 'retry', 'queue', 'job', 'finance', 'report', 'budget', 'ms'];
  const lines = [];
  let poolBytes = 0;
  for (let n = 0; poolBytes < 16 * MiB; n += 1) {
    const count = 5 + Math.floor(random() * 12);
    const parts = [`2026-11-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}T${String(Math.floor(random() * 24)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:${(random() * 60).toFixed(3)}Z`];
    for (let k = 0; k < count; k += 1) parts.push(random() < 0.15 ? String(Math.floor(random() * 1e6)) : words[Math.floor(random() * words.length)]);
    const line = `${parts.join(' ')} id=${n}\n`;
    lines.push(line);
    poolBytes += line.length;
  }
  const pool = Buffer.from(lines.join(''));
  const key = Buffer.alloc(32);
  const iv = Buffer.alloc(16);
  for (let i = 0; i < 32; i += 1) key[i] = Math.floor(random() * 256);
  const keystream = createCipheriv('aes-256-ctr', key, iv);
  const zeros = Buffer.alloc(4 * MiB);
  const fill = (fd, size, text) => {
    for (let at = 0; at < size; ) {
      const length = Math.min(size - at, text ? pool.length : zeros.length);
      let chunk;
      if (text) {
        const from = Math.floor(random() * (pool.length - length + 1));
        chunk = pool.subarray(from, from + length);
      } else {
        chunk = keystream.update(zeros.subarray(0, length));
      }
      fs.writeSync(fd, chunk);
      at += length;
    }
  };
  let bytes = 0;
  let textBytes = 0;
  let files = 0;
  for (let f = 0; f < folders; f += 1) fs.mkdirSync(path.join(root, `share${String(f).padStart(2, '0')}`, 'docs'), { recursive: true });
  const write = (rel, size, text) => {
    const fd = fs.openSync(path.join(root, rel), 'w', 0o644);
    fill(fd, size, text);
    fs.closeSync(fd);
    bytes += size;
    if (text) textBytes += size;
    files += 1;
  };
  for (let i = 0; i < smallFiles; i += 1) {
    const size = 4096 + Math.floor((MiB - 4096) * random() ** 1.5);
    const folder = `share${String(i % folders).padStart(2, '0')}`;
    write(`${folder}/${i % 3 === 0 ? 'docs/' : ''}file-${String(i).padStart(5, '0')}.${i % 2 === 0 ? 'log' : 'bin'}`, size, i % 2 === 0);
  }
  for (let i = 0; i < bigFiles; i += 1) write(`share00/big-${i}.${i % 2 === 0 ? 'log' : 'bin'}`, bigBytes, i % 2 === 0);
  execFileSync('sync');
  return { bytes, textBytes, files };
}

/**
 * A copy of `source` (default /usr/share) under `root`: folders and regular files only (the
 * session format holds no symbolic links, so links and special files are left out, and the
 * other tools get the same copy), modes and modification times kept, then `sync`. Entries
 * `accept(relativePath)` refuses are left out too (whole folders with their content), listed in `refused`.
 */
export function copyTree(root, source = '/usr/share', accept = () => true) {
  let bytes = 0;
  let files = 0;
  let skipped = 0;
  const refused = [];
  const visit = (rel) => {
    for (const entry of fs.readdirSync(path.join(source, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if ((entry.isDirectory() || entry.isFile()) && !accept(child)) {
        refused.push(`${child}${entry.isDirectory() ? '/' : ''}`);
        continue;
      }
      const from = path.join(source, child);
      const to = path.join(root, child);
      if (entry.isDirectory()) {
        fs.mkdirSync(to);
        visit(child);
        const stat = fs.statSync(from);
        fs.chmodSync(to, stat.mode & 0o7777 | 0o700);
        fs.utimesSync(to, stat.atime, stat.mtime);
      } else if (entry.isFile()) {
        fs.copyFileSync(from, to);
        const stat = fs.statSync(from);
        fs.chmodSync(to, stat.mode & 0o7777 | 0o600);
        fs.utimesSync(to, stat.atime, stat.mtime);
        bytes += stat.size;
        files += 1;
      } else skipped += 1;
    }
  };
  visit('');
  execFileSync('sync');
  return { bytes, files, skipped, refused };
}

/** Folders first (parents before children), then files, in a stable order. */
export function walkTree(root) {
  const dirs = [];
  const files = [];
  const visit = (rel) => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        dirs.push(child);
        visit(child);
      } else files.push(child);
    }
  };
  visit('');
  return { dirs, files };
}

/** The bytes of a file, or of every file below a folder. */
export function treeBytes(target) {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.size;
  let total = 0;
  for (const name of fs.readdirSync(target)) total += treeBytes(path.join(target, name));
  return total;
}
