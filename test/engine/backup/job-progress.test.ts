import { describe, expect, it } from 'vitest';
import { estimate, JobProgressCounter } from '../../../engine/backup/job-progress';

describe('job progress', () => {
  it.each([
    ['halfway at 10 MB/s', 50e6, 100e6, 5000, { bytesPerSecond: 10e6, etaSeconds: 5 }],
    ['no total known yet: throughput only', 50e6, null, 5000, { bytesPerSecond: 10e6, etaSeconds: null }],
    ['nothing moved yet: no estimate', 0, 100e6, 2000, { bytesPerSecond: 0, etaSeconds: null }],
    ['no time elapsed', 10, 100, 0, { bytesPerSecond: 0, etaSeconds: null }],
    ['more moved than expected (files grew): nothing left', 120, 100, 1000, { bytesPerSecond: 120, etaSeconds: 0 }],
  ])('%s', (_name, done, total, elapsed, expected) => {
    expect(estimate(done, total, elapsed)).toEqual(expected);
  });

  it('counts what a job expects and what it moved, file by file', () => {
    const counter = new JobProgressCounter(7, new Date('2026-11-26T10:00:00.000Z'));
    expect(counter.view(new Date('2026-11-26T10:00:01.000Z'))).toMatchObject({ jobId: 7, bytesDone: 0, bytesTotal: null, filesDone: 0, etaSeconds: null });
    counter.expect(3000);
    counter.expect(1000);
    counter.moved(1000);
    counter.moved(1000);
    expect(counter.view(new Date('2026-11-26T10:00:02.000Z'))).toEqual({
      jobId: 7,
      startedAt: '2026-11-26T10:00:00.000Z',
      bytesDone: 2000,
      bytesTotal: 4000,
      filesDone: 2,
      bytesPerSecond: 1000,
      etaSeconds: 2,
    });
  });
});
