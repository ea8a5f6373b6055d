import { describe, expect, it } from 'vitest';
import { Coalescer } from '../../../engine/capture/coalescer';
import { ManualScheduler } from './helpers/manual-scheduler';

interface Case {
  name: string;
  windowMs?: number;
  maxDelayMs?: number;
  settleMs?: number;
  /** Times (ms) of the events for one path. */
  events: number[];
  /** Times (ms) at which that path must be flushed. */
  flushes: number[];
}

const every = (step: number, until: number): number[] => Array.from({ length: Math.floor(until / step) + 1 }, (_, i) => i * step);

const cases: Case[] = [
  { name: 'one event is flushed after the quiet window', events: [0], flushes: [50] },
  { name: 'a burst coalesces into one flush after its last event', events: [0, 10, 20, 45], flushes: [95] },
  { name: 'separate bursts flush separately', events: [0, 100], flushes: [50, 150] },
  {
    name: 'a path written constantly is flushed every maxDelay, and once more after its last event',
    events: every(10, 1190),
    flushes: [500, 1000, 1240],
  },
  {
    name: 'the last event always leads to a flush after its quiet period, even right after a forced flush',
    events: every(10, 480),
    flushes: [500, 530],
  },
  {
    name: 'a window shorter than the settle time flushes early, then once more when settled',
    windowMs: 10,
    events: [0],
    flushes: [10, 50],
  },
  { name: 'a longer window is honoured as is', windowMs: 200, maxDelayMs: 1000, events: [0, 150], flushes: [350] },
  { name: 'a settle time of zero never adds a flush', windowMs: 10, settleMs: 0, events: [0, 5], flushes: [15] },
];

describe('Coalescer (table)', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const scheduler = new ManualScheduler();
      const flushes: number[] = [];
      const coalescer = new Coalescer<number>({
        windowMs: testCase.windowMs ?? 50,
        maxDelayMs: testCase.maxDelayMs ?? 500,
        settleMs: testCase.settleMs ?? 50,
        scheduler,
        onFlush: () => flushes.push(scheduler.now()),
      });
      for (const time of testCase.events) {
        scheduler.advanceTo(time);
        coalescer.touch('log.txt', time);
      }
      scheduler.advance(10_000);
      expect(flushes).toEqual(testCase.flushes);
      expect(coalescer.size).toBe(0);
      expect(scheduler.pendingTimers).toBe(0);
    });
  }
});

describe('Coalescer', () => {
  function make() {
    const scheduler = new ManualScheduler();
    const flushed: [string, string, number][] = [];
    const coalescer = new Coalescer<string>({
      windowMs: 50,
      maxDelayMs: 500,
      scheduler,
      onFlush: (key, value) => flushed.push([key, value, scheduler.now()]),
    });
    return { scheduler, flushed, coalescer };
  }

  it('flushes the latest value and keeps paths independent', () => {
    const { scheduler, flushed, coalescer } = make();
    coalescer.touch('a', 'first');
    scheduler.advance(20);
    coalescer.touch('b', 'only');
    coalescer.touch('a', 'second');
    scheduler.advance(1000);
    expect(flushed.sort()).toEqual([
      ['a', 'second', 70],
      ['b', 'only', 70],
    ]);
  });

  it('forgets a cancelled path and moves a re-keyed one with its timing', () => {
    const { scheduler, flushed, coalescer } = make();
    coalescer.touch('gone', 'x');
    coalescer.touch('old/name', 'y');
    scheduler.advance(30);
    expect(coalescer.cancel('gone')).toBe('x');
    coalescer.rekey('old/name', 'new/name');
    expect(coalescer.keys()).toEqual(['new/name']);
    scheduler.advance(1000);
    expect(flushed).toEqual([['new/name', 'y', 50]]);
  });

  it('merges a re-keyed path into one already pending at the target', () => {
    const { scheduler, flushed, coalescer } = make();
    coalescer.touch('target', 'old');
    scheduler.advance(10);
    coalescer.touch('source', 'new');
    coalescer.rekey('source', 'target');
    scheduler.advance(1000);
    expect(flushed).toEqual([['target', 'new', 60]]);
  });
});
