// A bench run's temporary folder and child processes: on exit, Ctrl-C or SIGTERM the children
// are killed (their whole process group when they lead one) and the folder removed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function benchWorkspace(name) {
  const tmp = fs.mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), `understudy-bench-${name}-`));
  const children = new Set();
  let cleaned = false;
  const track = (child) => {
    children.add(child);
    child.once('exit', () => children.delete(child));
    return child;
  };
  const cleanUp = () => {
    if (cleaned) return;
    cleaned = true;
    for (const child of children) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL'); // not a group leader
      }
    }
    fs.rmSync(tmp, { recursive: true, force: true });
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  const onSignal = () => {
    cleanUp();
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  /** A child process (own process group, killed on exit); resolves with its output, rejects on a non-zero exit. */
  const run = (command, args, options = {}) =>
    new Promise((resolve, reject) => {
      const child = track(spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...options }));
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-2000)}`))));
    });
  return { tmp, track, run, cleanUp };
}
