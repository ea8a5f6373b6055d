import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RpoWatch } from '../../../../engine/replication/master-side/rpo-watch';

type Report = [severity: 'info' | 'warning', text: string];

function watchWithLog(targetSeconds: number): { watch: RpoWatch; reports: Report[] } {
  const reports: Report[] = [];
  return { watch: new RpoWatch(targetSeconds, (severity, text) => reports.push([severity, text])), reports };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('RpoWatch.observe', () => {
  const sequences: Array<[string, number[], Array<'info' | 'warning'>]> = [
    ['stays under the target: nothing', [0, 1000, 9999, 10_000], []],
    ['exactly the target is not over it', [10_000, 10_000], []],
    ['crosses once and stays over: one warning', [5000, 10_001, 20_000, 60_000, 10_500], ['warning']],
    ['crosses and recovers: one warning, one info', [5000, 15_000, 30_000, 9000, 1000, 0], ['warning', 'info']],
    ['starts over the target: a warning on the first observation', [12_000, 13_000], ['warning']],
    ['flaps: a warning and an info per crossing', [11_000, 9000, 11_000, 9000, 11_000], ['warning', 'info', 'warning', 'info', 'warning']],
  ];

  it.each(sequences)('%s', (_name, lags, expected) => {
    const { watch, reports } = watchWithLog(10);
    for (const lag of lags) watch.observe(lag);
    expect(reports.map(([severity]) => severity)).toEqual(expected);
  });

  it('the warning names the lag and the target, the info names the target', () => {
    const { watch, reports } = watchWithLog(10);
    watch.observe(12_345);
    watch.observe(100);
    expect(reports).toEqual([
      ['warning', expect.stringMatching(/12\.3 s exceeds the target RPO of 10 s/)],
      ['info', expect.stringMatching(/back within the target RPO of 10 s/)],
    ]);
  });

  it('reports nothing when the target is 0 (no target set), however large the lag', () => {
    const { watch, reports } = watchWithLog(0);
    for (const lag of [0, 1, 60_000, 86_400_000, 0]) watch.observe(lag);
    expect(reports).toEqual([]);
  });
});

describe('RpoWatch.start', () => {
  it('samples the lag every interval and warns once while it stays over, then informs once', async () => {
    const { watch, reports } = watchWithLog(5);
    let lag = 0;
    watch.start(() => lag, 1000);
    await vi.advanceTimersByTimeAsync(3000);
    expect(reports).toEqual([]);
    lag = 6000;
    await vi.advanceTimersByTimeAsync(999);
    expect(reports).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(reports.map(([severity]) => severity)).toEqual(['warning']);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(reports.map(([severity]) => severity)).toEqual(['warning']);
    lag = 100;
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports.map(([severity]) => severity)).toEqual(['warning', 'info']);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(reports).toHaveLength(2);
    watch.stop();
  });

  it('samples every second by default', async () => {
    const { watch, reports } = watchWithLog(1);
    watch.start(() => 5000);
    await vi.advanceTimersByTimeAsync(999);
    expect(reports).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(reports).toHaveLength(1);
    watch.stop();
  });

  it('stop() ends the sampling', async () => {
    const { watch, reports } = watchWithLog(5);
    const lag = vi.fn(() => 0);
    watch.start(lag, 1000);
    await vi.advanceTimersByTimeAsync(2000);
    expect(lag).toHaveBeenCalledTimes(2);
    watch.stop();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(lag).toHaveBeenCalledTimes(2);
    expect(reports).toEqual([]);
  });

  it('is disabled when the target is 0: no timer, no sampling, no report', async () => {
    const { watch, reports } = watchWithLog(0);
    const lag = vi.fn(() => 3_600_000);
    watch.start(lag, 1000);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(lag).not.toHaveBeenCalled();
    expect(reports).toEqual([]);
    watch.stop();
  });
});
