import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Signal } from '../../../engine/util/signal';

/** Lets promise continuations run without advancing the (fake) clock. */
async function flushMicrotasks(): Promise<void> {
  for (let turn = 0; turn < 10; turn += 1) await Promise.resolve();
}

/** A promise plus whether it has resolved yet. */
function track(promise: Promise<void>): { readonly resolved: boolean } {
  const state = { resolved: false };
  void promise.then(() => (state.resolved = true));
  return state;
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('Signal', () => {
  it('a notify before any wait is remembered once, however many times it came', async () => {
    const signal = new Signal();
    signal.notify();
    signal.notify();
    const first = track(signal.wait());
    await flushMicrotasks();
    expect(first.resolved).toBe(true);

    const second = track(signal.wait());
    await flushMicrotasks();
    expect(second.resolved).toBe(false);
    signal.notify();
    await flushMicrotasks();
    expect(second.resolved).toBe(true);
  });

  it('a wait without a timeout resolves only at the next notify', async () => {
    const signal = new Signal();
    const waiting = track(signal.wait());
    await vi.advanceTimersByTimeAsync(60_000);
    expect(waiting.resolved).toBe(false);
    signal.notify();
    await flushMicrotasks();
    expect(waiting.resolved).toBe(true);
  });

  it('a wait with a timeout resolves when the timeout passes without a notify', async () => {
    const signal = new Signal();
    const waiting = track(signal.wait(1000));
    await vi.advanceTimersByTimeAsync(999);
    expect(waiting.resolved).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(waiting.resolved).toBe(true);
  });

  it('a wait with a timeout resolves early at a notify and leaves no timer behind', async () => {
    const signal = new Signal();
    const waiting = track(signal.wait(1000));
    signal.notify();
    await flushMicrotasks();
    expect(waiting.resolved).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('one notify wakes every waiter, and is not remembered afterwards', async () => {
    const signal = new Signal();
    const waiters = [track(signal.wait()), track(signal.wait(5000)), track(signal.wait())];
    signal.notify();
    await flushMicrotasks();
    expect(waiters.map((waiter) => waiter.resolved)).toEqual([true, true, true]);

    const later = track(signal.wait());
    await flushMicrotasks();
    expect(later.resolved).toBe(false);
    signal.notify();
    await flushMicrotasks();
    expect(later.resolved).toBe(true);
  });

  it('a wait that timed out does not swallow the next notify: it is remembered for the next wait', async () => {
    const signal = new Signal();
    const timedOut = track(signal.wait(1000));
    await vi.advanceTimersByTimeAsync(1000);
    expect(timedOut.resolved).toBe(true);

    // Nobody is waiting now, so this notify must be remembered (as ReplicaLink's send loop relies on).
    signal.notify();
    const next = track(signal.wait(1000));
    await flushMicrotasks();
    expect(next.resolved).toBe(true);
  });
});
