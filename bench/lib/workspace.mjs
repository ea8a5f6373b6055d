// A bench run's temporary folder and child processes: on exit, Ctrl-C or SIGTERM the children
// are killed (their whole process group when they lead one) and the folder removed.
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
  return { tmp, track, cleanUp };
}
