import { spawn } from 'node:child_process';

export interface CommandOutcome {
  exitCode: number | null;
  timedOut: boolean;
  /** Stopped by the user before it finished. */
  aborted: boolean;
  durationMs: number;
  output: string;
}

const OUTPUT_TAIL = 4096;

/**
 * Runs one Assured Recovery command through the host's shell (the administrator writes it as
 * they would at a prompt), with the Replica's folders in its environment; keeps the tail of
 * its output and stops it (its whole process group on POSIX) at the time limit or when `signal` aborts.
 */
export function runTestCommand(command: string, env: Record<string, string>, timeoutMs: number, signal?: AbortSignal): Promise<CommandOutcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, env: { ...process.env, ...env }, detached: process.platform !== 'win32', stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timedOut = false;
    let aborted = false;
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const killAll = (): void => {
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killAll();
    }, timeoutMs);
    const onAbort = (): void => {
      aborted = true;
      killAll();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const finish = (exitCode: number | null): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve({ exitCode, timedOut, aborted, durationMs: Date.now() - started, output });
    };
    child.once('error', (error) => {
      keep(Buffer.from(`${error.message}\n`));
      finish(null);
    });
    child.once('close', (code) => finish(code));
  });
}
