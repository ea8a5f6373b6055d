import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { SegmentLog } from '../../../engine/spool/segment-log';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir';

afterEach(() => removeTempDirs());

const RECORDS = 2_000;
const RECORD_BYTES = 100 * 1024;
const IN_FLIGHT = 16;
const MiB = 1024 * 1024;

/**
 * A full GC on demand, so the test measures what the spool keeps rather than when V8 gets
 * round to freeing garbage (left alone it lets ~64 MB of dead buffers pile up first, which
 * made RSS swing between 30 and 50 MB run to run). The flag is set at run time because the
 * test runner's command line is not ours to change.
 */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  const gc: unknown = vm.runInNewContext('gc');
  if (typeof gc === 'function') gc();
}

describe('spool memory', () => {
  it('keeps RSS flat while 200 MB are spooled and read back: the backlog lives on disk', async () => {
    const log = await SegmentLog.open({ dir: tempDir(), groupCommitMs: 2 });
    try {
      const payload = new Uint8Array(RECORD_BYTES).fill(7);
      // Warm up (JIT, buffers, first segment) before taking the baseline.
      for (let i = 0; i < 50; i++) await log.append(payload);
      collectGarbage();
      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      const sample = (): void => {
        collectGarbage();
        peak = Math.max(peak, process.memoryUsage().rss);
      };
      let next = 0;
      const appender = async (): Promise<void> => {
        while (next++ < RECORDS) {
          await log.append(payload);
          if (next % 100 === 0) sample();
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, appender));
      expect(log.usage().records).toBe(RECORDS + 50);
      expect(log.usage().bytes).toBeGreaterThan(200 * 1_000_000);

      let from = 1;
      for (let batch = await log.read(from, 64, 4 * MiB); batch.length > 0; batch = await log.read(from, 64, 4 * MiB)) {
        from = (batch.at(-1)?.seq ?? from) + 1;
        if (from % 5 === 0) sample();
      }
      expect(from).toBe(RECORDS + 51);
      sample();
      const growth = peak - baseline;
      console.log(`spool memory: RSS baseline ${(baseline / MiB).toFixed(0)} MiB, peak growth ${(growth / MiB).toFixed(1)} MiB with ${((RECORDS * RECORD_BYTES) / MiB).toFixed(0)} MiB spooled`);
      expect(growth).toBeLessThan(60 * MiB);
      expect(process.memoryUsage().arrayBuffers).toBeLessThan(32 * MiB);
    } finally {
      await log.close();
    }
  }, 30_000);
});
