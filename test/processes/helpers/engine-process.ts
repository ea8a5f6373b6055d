import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const projectRoot = path.join(__dirname, '../../..');
const daemon = path.join(projectRoot, 'dist/engine/daemon.js');
export const ADMIN = { user: 'admin', password: 'test-admin-password' };

/** A port the OS has just handed out and released, so a restarted engine can listen on the same one. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A real `understudy-engine serve` process on 127.0.0.1, restartable on the same data folder and port. */
export class EngineProcess {
  private child: ChildProcess | undefined;
  private output = '';
  fingerprint = '';

  private constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  static async create(dataDir: string): Promise<EngineProcess> {
    if (!fs.existsSync(daemon)) throw new Error(`${daemon} is missing: run \`npm run build\` first (npm test does).`);
    const setAdmin = spawnSync(process.execPath, [daemon, 'set-admin', '--data-dir', dataDir, '--user', ADMIN.user], { input: ADMIN.password, encoding: 'utf8' });
    if (setAdmin.status !== 0) throw new Error(`set-admin failed: ${setAdmin.stderr}`);
    const engine = new EngineProcess(dataDir, await freePort());
    await engine.start();
    return engine;
  }

  get log(): string {
    return this.output;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, [daemon, 'serve', '--data-dir', this.dataDir, '--port', String(this.port), '--bind', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.fingerprint = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`engine did not start within 20 s:\n${this.output}`)), 20_000);
      const check = (): void => {
        const match = / fingerprint ([0-9A-F:]+)\n/.exec(this.output);
        if (match?.[1]) {
          clearTimeout(timer);
          child.stdout?.off('data', check);
          resolve(match[1]);
        }
      };
      child.stdout?.on('data', check);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`engine exited with ${code}:\n${this.output}`));
      });
    });
  }

  /** SIGKILL: no chance to flush or say goodbye, as in a power cut of the process. */
  async kill(): Promise<void> {
    await this.stopWith('SIGKILL');
  }

  async stop(): Promise<void> {
    await this.stopWith('SIGTERM');
  }

  private async stopWith(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }
}
