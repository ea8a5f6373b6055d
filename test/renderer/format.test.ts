import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatDateTime, formatDuration, formatLag, formatTimestamp } from '../../renderer/src/windows/replication-manager/format';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1, '1 B'],
    [1023, '1023 B'],
    [1024, '1.0 KB'],
    [1536, '1.5 KB'],
    [99.94 * 1024, '99.9 KB'],
    [100 * 1024, '100 KB'],
    [1023.4 * 1024, '1023 KB'],
    [1023.96 * 1024, '1.0 MB'],
    [1024 * 1024, '1.0 MB'],
    [5.25 * 1024 * 1024, '5.3 MB'],
    [750 * 1024 * 1024, '750 MB'],
    [1024 ** 3, '1.0 GB'],
    [2.5 * 1024 ** 4, '2.5 TB'],
    [-1, '—'],
    [Number.NaN, '—'],
    [Number.POSITIVE_INFINITY, '—'],
  ])('%d bytes read "%s"', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('formatLag', () => {
  it.each([
    [0, '0 ms'],
    [12.4, '12 ms'],
    [999, '999 ms'],
    [1000, '1.0 s'],
    [2345, '2.3 s'],
    [59_949, '59.9 s'],
    [60_000, '1 min 0 s'],
    [125_000, '2 min 5 s'],
    [3_600_000, '1 h 0 min'],
    [3_725_000, '1 h 2 min'],
    [-5, '—'],
  ])('%d ms of lag read "%s"', (ms, text) => {
    expect(formatLag(ms)).toBe(text);
  });
});

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [1234567, '1,234,567'],
    [Number.NaN, '—'],
  ])('%d reads "%s"', (count, text) => {
    expect(formatCount(count)).toBe(text);
  });
});

describe('formatTimestamp', () => {
  it.each([
    [new Date(2026, 0, 5, 9, 7, 59).getTime(), '2026-01-05 09:07'],
    [new Date(1999, 11, 31, 23, 59).getTime(), '1999-12-31 23:59'],
    [new Date(2026, 10, 26, 0, 0).getTime(), '2026-11-26 00:00'],
    [Number.NaN, '—'],
  ])('%d ms reads "%s" in local time', (ms, text) => {
    expect(formatTimestamp(ms)).toBe(text);
  });
});

describe('formatDuration and formatDateTime', () => {
  it.each([
    [850, '850 ms'],
    [12_300, '12.3 s'],
    [125_000, '2 min 5 s'],
    [3_780_000, '1 h 3 min'],
  ])('%d ms lasts "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
    expect(formatLag(ms)).toBe(text);
  });

  it('shows a point in time to the second', () => {
    expect(formatDateTime(new Date(2026, 0, 5, 9, 7, 3).getTime())).toBe('2026-01-05 09:07:03');
    expect(formatDateTime(Number.NaN)).toBe('—');
  });
});
