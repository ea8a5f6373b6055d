import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSessionReader } from '../../../../engine/backup/archive/session-reader';
import { removeTempDirs, tempDir } from '../../../helpers/temp-dir';
import { sampleTree, writeSession } from './session-fixture';

/** vite-node ships with vitest and runs the TypeScript child directly. */
const VITE_NODE = path.resolve(__dirname, '../../../../node_modules/vite-node/vite-node.mjs');
const CHILD = path.resolve(__dirname, 'session-crash-child.ts');

afterEach(removeTempDirs);

/** Runs the child until it has finished `sessions` sessions and is part way into the next one, then SIGKILLs it. */
function writeUntilKilled(dir: string, sessions: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VITE_NODE, CHILD, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const finished: string[] = [];
    let partial = '';
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const done = /^finished (.+)$/.exec(line);
        if (done?.[1]) finished.push(done[1]);
        if (!killed && finished.length >= sessions && /^adding \d+ 10$/.test(line)) killed = child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve(finished);
      else reject(new Error(`child exited with ${code} before the kill: ${stderr}`));
    });
  });
}

describe('a backup killed while writing a session', () => {
  it('leaves only .partial files for the session it was writing; every session without .partial verifies; the session can be written again', async () => {
    const dir = tempDir();
    const finished = await writeUntilKilled(dir, 2);
    expect(finished.length).toBeGreaterThanOrEqual(2);
    const killed = `S${finished.length + 1}.tar.gz`;

    const names = fs.readdirSync(dir).sort();
    expect(names).toContain(`${killed}.partial`);
    expect(names.filter((name) => name.startsWith(`${killed}`) && !name.endsWith('.partial'))).toEqual([]);
    const complete = names.filter((name) => name.endsWith('.tar.gz'));
    expect(complete.map((name) => path.join(dir, name)).sort()).toEqual([...finished].sort());
    for (const name of complete) {
      const report = await (await openSessionReader({ file: path.join(dir, name) })).verify();
      expect(report).toMatchObject({ files: 20, directories: 1, archiveChecksum: 'checksum file' });
    }

    // The next run of the same session overwrites the stale .partial files and completes.
    const summary = await writeSession(dir, sampleTree({ bigFileBytes: 1000 }), { name: killed, compression: 'gzip' });
    expect((await (await openSessionReader({ file: summary.file })).verify()).sha256OfArchive).toBe(summary.sha256OfArchive);
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.partial'))).toEqual([]);
  }, 60_000);
});
