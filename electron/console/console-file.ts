import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Where a running console host tells local tools (the `understudy` CLI) how to reach it:
 * `<data dir>/console.json`, readable by this account only, removed when the host stops.
 */
export const ConsoleFileSchema = z.object({ url: z.string().url(), port: z.number().int(), token: z.string().min(16), pid: z.number().int() });
export type ConsoleFile = z.infer<typeof ConsoleFileSchema>;

export function consoleFilePath(dataDir: string): string {
  return path.join(dataDir, 'console.json');
}

export function writeConsoleFile(dataDir: string, content: ConsoleFile): void {
  const file = consoleFilePath(dataDir);
  fs.writeFileSync(file, JSON.stringify(content), { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}

export function removeConsoleFile(dataDir: string, pid: number): void {
  try {
    const current = ConsoleFileSchema.parse(JSON.parse(fs.readFileSync(consoleFilePath(dataDir), 'utf8')));
    if (current.pid === pid) fs.rmSync(consoleFilePath(dataDir), { force: true });
  } catch {
    // Already gone or replaced by another host: nothing of ours to remove.
  }
}

export function readConsoleFile(dataDir: string): ConsoleFile | undefined {
  try {
    return ConsoleFileSchema.parse(JSON.parse(fs.readFileSync(consoleFilePath(dataDir), 'utf8')));
  } catch {
    return undefined;
  }
}
