import { afterEach, describe, expect, it } from 'vitest';
import { SegmentLog } from '../../../engine/spool/segment-log';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir';

afterEach(() => removeTempDirs());

const RECORD = new Uint8Array(1024).fill(42);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function summary(latencies: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(2)} ms, p99 ${percentile(sorted, 99).toFixed(2)} ms`;
}

/** Figures are printed, not asserted: they depend on the disk. Only sanity is checked. */
describe('spool micro-benchmark (1 KiB records, groupCommitMs 2)', () => {
  it('prints appends/s with 256 appends in flight, and append latency at a steady 1,000 appends/s', async () => {
    const log = await SegmentLog.open({ dir: tempDir(), groupCommitMs: 2 });
    try {
      const total = 20_000;
      const saturated: number[] = [];
      let issued = 0;
      const appender = async (): Promise<void> => {
        while (issued++ < total) {
          const started = performance.now();
          await log.append(RECORD);
          saturated.push(performance.now() - started);
        }
      };
      const syncsBefore = log.stats().syncs;
      const began = performance.now();
      await Promise.all(Array.from({ length: 256 }, appender));
      const seconds = (performance.now() - began) / 1000;
      const syncs = log.stats().syncs - syncsBefore;

      // Open loop: one append per millisecond for one second, as capture would issue them.
      const paced: number[] = [];
      const pending: Promise<void>[] = [];
      await new Promise<void>((done) => {
        const timer = setInterval(() => {
          const started = performance.now();
          pending.push(log.append(RECORD).then(() => void paced.push(performance.now() - started)));
          if (pending.length === 1_000) {
            clearInterval(timer);
            done();
          }
        }, 1);
      });
      await Promise.all(pending);

      console.log(
        [
          `spool bench: ${Math.round(total / seconds).toLocaleString('en')} appends/s saturated (${total} × 1 KiB, 256 in flight, ${syncs} fsyncs), latency ${summary(saturated)}`,
          `spool bench: paced ~1,000 appends/s → latency ${summary(paced)}`,
        ].join('\n'),
      );
      expect(log.usage().lastSeq).toBe(total + 1_000);
      expect(syncs).toBeLessThan(total / 10);
    } finally {
      await log.close();
    }
  }, 30_000);
});
