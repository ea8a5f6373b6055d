import { describe, expect, it } from 'vitest';
import { SharedExclusiveLock } from '../../../engine/util/shared-exclusive-lock';

/** Lets every pending promise continuation run (one macrotask turn). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

type Mode = 'shared' | 'exclusive';

/** Takes the lock in `mode`, logs when the work starts, and holds it until released. */
function hold(lock: SharedExclusiveLock, mode: Mode, log: string[], name: string): { release: () => void; done: Promise<void> } {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const work = async () => {
    log.push(name);
    await released;
  };
  const done = mode === 'shared' ? lock.runShared(work) : lock.runExclusive(work);
  return { release, done };
}

describe('SharedExclusiveLock', () => {
  it('many shared holders run together', async () => {
    const lock = new SharedExclusiveLock();
    const log: string[] = [];
    const holders = ['s1', 's2', 's3', 's4'].map((name) => hold(lock, 'shared', log, name));
    await settle();
    expect(log).toEqual(['s1', 's2', 's3', 's4']);
    for (const holder of holders) holder.release();
    await Promise.all(holders.map((holder) => holder.done));
  });

  it('an exclusive request waits until every shared holder has finished', async () => {
    const lock = new SharedExclusiveLock();
    const log: string[] = [];
    const s1 = hold(lock, 'shared', log, 's1');
    const s2 = hold(lock, 'shared', log, 's2');
    const exclusive = hold(lock, 'exclusive', log, 'x');
    await settle();
    expect(log).toEqual(['s1', 's2']);
    s1.release();
    await settle();
    expect(log).toEqual(['s1', 's2']);
    s2.release();
    await settle();
    expect(log).toEqual(['s1', 's2', 'x']);
    exclusive.release();
    await Promise.all([s1.done, s2.done, exclusive.done]);
  });

  it('an exclusive holder blocks new shared and exclusive requests until it finishes', async () => {
    const lock = new SharedExclusiveLock();
    const log: string[] = [];
    const exclusive = hold(lock, 'exclusive', log, 'x1');
    const shared = hold(lock, 'shared', log, 's');
    const second = hold(lock, 'exclusive', log, 'x2');
    await settle();
    expect(log).toEqual(['x1']);
    exclusive.release();
    await settle();
    // Only one of them may hold it, never both.
    expect(log).toHaveLength(2);
    const next = log[1] === 's' ? shared : second;
    next.release();
    await settle();
    expect(log.toSorted()).toEqual(['s', 'x1', 'x2']);
    shared.release();
    second.release();
    await Promise.all([exclusive.done, shared.done, second.done]);
  });

  it('no writer starvation: a shared request arriving after a waiting exclusive one waits for it', async () => {
    const lock = new SharedExclusiveLock();
    const log: string[] = [];
    const s1 = hold(lock, 'shared', log, 's1');
    await settle();
    const exclusive = hold(lock, 'exclusive', log, 'x');
    const s2 = hold(lock, 'shared', log, 's2');
    await settle();
    // s2 could share with s1, but it queues behind the exclusive request.
    expect(log).toEqual(['s1']);
    s1.release();
    await settle();
    expect(log).toEqual(['s1', 'x']);
    exclusive.release();
    await settle();
    expect(log).toEqual(['s1', 'x', 's2']);
    s2.release();
    await Promise.all([s1.done, exclusive.done, s2.done]);
  });

  it('a stream of shared requests cannot postpone a waiting exclusive request', async () => {
    const lock = new SharedExclusiveLock();
    const log: string[] = [];
    const first = hold(lock, 'shared', log, 's0');
    await settle();
    const exclusive = hold(lock, 'exclusive', log, 'x');
    const late = [1, 2, 3].map((n) => hold(lock, 'shared', log, `s${n}`));
    first.release();
    await settle();
    expect(log).toEqual(['s0', 'x']);
    exclusive.release();
    await settle();
    expect(log).toEqual(['s0', 'x', 's1', 's2', 's3']);
    for (const holder of late) holder.release();
    await Promise.all([first.done, exclusive.done, ...late.map((holder) => holder.done)]);
  });

  it('returns the work result in both modes', async () => {
    const lock = new SharedExclusiveLock();
    await expect(lock.runShared(async () => 'shared')).resolves.toBe('shared');
    await expect(lock.runExclusive(async () => 'exclusive')).resolves.toBe('exclusive');
  });

  const failures: Array<[Mode, Mode]> = [
    ['shared', 'exclusive'],
    ['exclusive', 'shared'],
    ['exclusive', 'exclusive'],
  ];
  it.each(failures)('a %s holder whose work throws releases the lock for a waiting %s request', async (failingMode, waitingMode) => {
    const lock = new SharedExclusiveLock();
    const log: string[] = [];
    let fail!: () => void;
    const failing = new Promise<void>((resolve) => (fail = resolve));
    const work = async () => {
      await failing;
      throw new Error('boom');
    };
    const failed = failingMode === 'shared' ? lock.runShared(work) : lock.runExclusive(work);
    const waiter = hold(lock, waitingMode, log, 'waiter');
    await settle();
    expect(log).toEqual([]);
    fail();
    await expect(failed).rejects.toThrow('boom');
    await settle();
    expect(log).toEqual(['waiter']);
    waiter.release();
    await waiter.done;
  });

  it('work that throws synchronously releases the lock too', async () => {
    const lock = new SharedExclusiveLock();
    const boom = () => {
      throw new Error('sync boom');
    };
    await expect(lock.runExclusive(boom)).rejects.toThrow('sync boom');
    await expect(lock.runShared(boom)).rejects.toThrow('sync boom');
    await expect(lock.runExclusive(async () => 'free')).resolves.toBe('free');
  });
});
