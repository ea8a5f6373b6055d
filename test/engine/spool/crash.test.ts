import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SegmentLog } from '../../../engine/spool/segment-log';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir';
import { payloadFor, sameBytes } from './spool-fixtures';

/**
 * vite-node ships with vitest (3.x) and runs TypeScript directly, so the child needs no build
 * step and no runner beyond what is installed.
 */
const VITE_NODE = path.resolve(__dirname, '../../../node_modules/vite-node/vite-node.mjs');
const CHILD = path.resolve(__dirname, 'crash-child.ts');
const KILL_AFTER = 300;

afterEach(() => removeTempDirs());

/** Runs the child on `dir`, SIGKILLs it once it has printed KILL_AFTER resolved seqs, returns those seqs. */
function appendUntilKilled(dir: string): Promise<number[]> {
  if (!fs.existsSync(VITE_NODE)) throw new Error(`the crash test runs its child with vite-node, missing at ${VITE_NODE}`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VITE_NODE, CHILD, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const printed: number[] = [];
    let partial = '';
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (/^\d+$/.test(line)) printed.push(Number(line));
      if (!killed && printed.length >= KILL_AFTER) {
        killed = child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve(printed);
      else reject(new Error(`child exited with ${code} before the kill: ${stderr}`));
    });
  });
}

async function expectEveryRecordIntact(dir: string, printed: number[]): Promise<number> {
  const log = await SegmentLog.open({ dir });
  try {
    const { lastSeq } = log.usage();
    expect(lastSeq).toBeGreaterThanOrEqual(Math.max(...printed));
    let expected = 1;
    for (let batch = await log.read(1, 200, 8 << 20); batch.length > 0; batch = await log.read(expected, 200, 8 << 20)) {
      for (const record of batch) {
        expect(record.seq).toBe(expected);
        expect(sameBytes(record.payload, payloadFor(record.seq))).toBe(true);
        expected++;
      }
    }
    expect(expected - 1).toBe(lastSeq); // every printed seq is ≤ lastSeq, so all were checked
    expect(await log.append(payloadFor(lastSeq + 1))).toBe(lastSeq + 1);
    return lastSeq + 1;
  } finally {
    await log.close();
  }
}

describe('spool crash safety', () => {
  it('keeps every append that resolved, intact, when the process is SIGKILLed mid-append, and continues the seqs', async () => {
    const dir = tempDir();
    const firstRun = await appendUntilKilled(dir);
    expect(firstRun.length).toBeGreaterThanOrEqual(KILL_AFTER);
    const lastAfterFirst = await expectEveryRecordIntact(dir, firstRun);

    // Again on the recovered log: recovery leaves a log that keeps working.
    const secondRun = await appendUntilKilled(dir);
    expect(Math.min(...secondRun)).toBe(lastAfterFirst + 1);
    await expectEveryRecordIntact(dir, secondRun);
  }, 30_000);
});
