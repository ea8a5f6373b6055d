// What a bench prints about where it ran: the machine, the code's version, the anchor tools.
import { execFileSync, spawnSync } from 'node:child_process';
import os from 'node:os';

/** "2 cores (model), 23.5 GiB RAM, Linux 6.x, Node v20.x". */
export function machineLine() {
  return `${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

/** The commit the bench ran at, noting uncommitted engine/ changes; '?' outside a git checkout. */
export function codeVersion() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', 'engine'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
    return dirty ? `${head} + uncommitted engine/ changes` : head;
  } catch {
    return '?';
  }
}

/** GNU tar's and restic's version lines; restic undefined when it is not installed. */
export function archiverVersions() {
  const tar = spawnSync('tar', ['--version'], { encoding: 'utf8' }).stdout?.split('\n')[0] ?? '?';
  const restic = spawnSync('restic', ['version'], { encoding: 'utf8' });
  return { tar, restic: restic.status === 0 ? restic.stdout.trim() : undefined };
}
