import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ADMIN, projectRoot } from './engine-process';

const daemon = path.join(projectRoot, 'dist/engine/daemon.js');

function ip(...args: string[]): { ok: boolean; error: string } {
  const result = spawnSync('ip', args, { encoding: 'utf8' });
  return { ok: result.status === 0, error: `${result.stderr ?? ''}${result.error?.message ?? ''}` };
}

/**
 * Another "host" on this machine: a network namespace of its own with a private address on a
 * veth pair, so an engine in it is reached over a real network path by an address that is not
 * this machine's (the manager treats it as remote and needs its credentials). The file system
 * is shared, so tests can look at what landed there. Needs root and iproute2; `create` says why
 * when it cannot.
 */
export class NetnsHost {
  private engine: ChildProcess | undefined;
  private output = '';

  private constructor(
    private readonly name: string,
    private readonly hostVeth: string,
    readonly address: string,
  ) {}

  static create(index: number): NetnsHost | string {
    const id = `${process.pid % 10_000}${index}`;
    const octet = (process.pid % 200) + 20;
    const host = new NetnsHost(`us-test-${id}`, `us${id}a`, `10.${octet}.${index}.2`);
    const steps: string[][] = [
      ['netns', 'add', host.name],
      ['link', 'add', host.hostVeth, 'type', 'veth', 'peer', 'name', `us${id}b`],
      ['link', 'set', `us${id}b`, 'netns', host.name],
      ['addr', 'add', `10.${octet}.${index}.1/24`, 'dev', host.hostVeth],
      ['link', 'set', host.hostVeth, 'up'],
      ['-n', host.name, 'addr', 'add', `${host.address}/24`, 'dev', `us${id}b`],
      ['-n', host.name, 'link', 'set', `us${id}b`, 'up'],
      ['-n', host.name, 'link', 'set', 'lo', 'up'],
    ];
    for (const step of steps) {
      const result = ip(...step);
      if (!result.ok) {
        host.remove();
        return `cannot make a network namespace here (ip ${step.join(' ')}: ${result.error.trim()})`;
      }
    }
    return host;
  }

  /** Starts `understudy-engine serve` inside the namespace on the default port, with the test administrator account. */
  async startEngine(dataDir: string): Promise<void> {
    const setAdmin = spawnSync(process.execPath, [daemon, 'set-admin', '--data-dir', dataDir, '--user', ADMIN.user], { input: ADMIN.password, encoding: 'utf8' });
    if (setAdmin.status !== 0) throw new Error(`set-admin failed: ${setAdmin.stderr}`);
    const child = spawn('ip', ['netns', 'exec', this.name, process.execPath, daemon, 'serve', '--data-dir', dataDir, '--port', '25000', '--bind', this.address], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.engine = child;
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    const deadline = Date.now() + 20_000;
    while (!/ fingerprint [0-9A-F:]+\n/.test(this.output)) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the engine in ${this.name} did not start:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  get log(): string {
    return this.output;
  }

  async stop(): Promise<void> {
    const child = this.engine;
    this.engine = undefined;
    if (child && child.exitCode === null) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    }
    this.remove();
  }

  private remove(): void {
    ip('link', 'del', this.hostVeth);
    ip('netns', 'del', this.name);
  }
}
