import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh folder per test; `removeAll` deletes every folder made since the last call. */
const made: string[] = [];

export function tempDir(prefix = 'understudy-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
