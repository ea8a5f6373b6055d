import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const projectRoot = path.join(__dirname, '../../..');
const consoleCli = path.join(projectRoot, 'dist/electron/console-cli.js');

export interface ConsoleProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** The real console host as its own process (the built app, exactly as `npm run console` runs it). */
export async function startConsoleProcess(dataDir: string): Promise<ConsoleProcess> {
  if (!fs.existsSync(consoleCli)) throw new Error(`${consoleCli} is missing: run \`npm run build\` first (npm test does).`);
  const child = spawn(process.execPath, [consoleCli, '--data-dir', dataDir, '--port', '0', '--engine-port', '0', '--engine-bind', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`console host printed no URL within 20 s:\n${output}`)), 20_000);
    const check = (): void => {
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => reject(new Error(`console host exited with ${code}:\n${output}`)));
  });
  return {
    url,
    child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
