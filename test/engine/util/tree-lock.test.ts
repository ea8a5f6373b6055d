import { describe, expect, it } from 'vitest';
import { related, TreeLock } from '../../../engine/util/tree-lock';

/** Lets every pending promise continuation run (one macrotask turn). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Gate {
  open(): void;
  readonly opened: Promise<void>;
}

function gate(): Gate {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

/** Runs `paths` under the lock, logging when the work starts, and holds it until the returned gate opens. */
function hold(lock: TreeLock, root: number, paths: readonly string[], log: string[], name: string): { release: () => void; done: Promise<void> } {
  const release = gate();
  const done = lock.run(root, paths, async () => {
    log.push(name);
    await release.opened;
  });
  return { release: release.open, done };
}

describe('related', () => {
  const cases: Array<[string, string, boolean]> = [
    ['a/b', 'a/b', true],
    ['a/b', 'a', true],
    ['a/b', 'a/b/c', true],
    ['a/b', '', true],
    ['', '', true],
    ['a/b', 'a-b', false],
    ['a/b', 'a/c', false],
    ['a/b', 'b', false],
    ['a/b', 'a/bc', false],
    ['a/bc', 'a/b', false],
    ['a b', 'a', false],
  ];
  it.each(cases)('related(%j, %j) is %s, in either order', (a, b, expected) => {
    expect(related(a, b)).toBe(expected);
    expect(related(b, a)).toBe(expected);
  });
});

describe('TreeLock', () => {
  const blocking: Array<[string, boolean]> = [
    ['a/b', true],
    ['a', true],
    ['a/b/c', true],
    ['', true],
    ['a-b', false],
    ['a/c', false],
    ['b', false],
    ['a/bc', false],
  ];

  it.each(blocking)('a holder of a/b %s blocks a request for %j: %s', async (wanted, blocked) => {
    const lock = new TreeLock();
    const log: string[] = [];
    const holder = hold(lock, 0, ['a/b'], log, 'holder');
    await settle();
    const request = hold(lock, 0, [wanted], log, 'request');
    await settle();
    expect(log).toEqual(blocked ? ['holder'] : ['holder', 'request']);
    holder.release();
    await settle();
    expect(log).toEqual(['holder', 'request']);
    request.release();
    await Promise.all([holder.done, request.done]);
  });

  it('a request for several paths waits when any one of them is related to a held path', async () => {
    const lock = new TreeLock();
    const log: string[] = [];
    const holder = hold(lock, 0, ['x', 'a/b'], log, 'holder');
    const unrelated = hold(lock, 0, ['y', 'a/c'], log, 'unrelated');
    const overlapping = hold(lock, 0, ['z', 'a/b/c'], log, 'overlapping');
    await settle();
    expect(log).toEqual(['holder', 'unrelated']);
    holder.release();
    await settle();
    expect(log).toEqual(['holder', 'unrelated', 'overlapping']);
    unrelated.release();
    overlapping.release();
    await Promise.all([holder.done, unrelated.done, overlapping.done]);
  });

  it('the same path under different roots never blocks', async () => {
    const lock = new TreeLock();
    const log: string[] = [];
    const first = hold(lock, 0, [''], log, 'root 0');
    const second = hold(lock, 1, [''], log, 'root 1');
    const third = hold(lock, 2, ['a/b'], log, 'root 2');
    await settle();
    expect(log).toEqual(['root 0', 'root 1', 'root 2']);
    for (const holder of [first, second, third]) holder.release();
    await Promise.all([first.done, second.done, third.done]);
  });

  it('waiters for the same path run one at a time in arrival order once released', async () => {
    const lock = new TreeLock();
    const log: string[] = [];
    const holders = ['first', 'second', 'third', 'fourth'].map((name) => hold(lock, 0, ['a/b'], log, name));
    await settle();
    expect(log).toEqual(['first']);
    for (const [index, holder] of holders.entries()) {
      holder.release();
      await settle();
      expect(log).toEqual(['first', 'second', 'third', 'fourth'].slice(0, Math.min(index + 2, 4)));
    }
    await Promise.all(holders.map((holder) => holder.done));
  });

  it('on release, unrelated waiters start together and a related one keeps waiting for its predecessor', async () => {
    const lock = new TreeLock();
    const log: string[] = [];
    const parent = hold(lock, 0, ['a'], log, 'a');
    const left = hold(lock, 0, ['a/b'], log, 'a/b');
    const right = hold(lock, 0, ['a/c'], log, 'a/c');
    const below = hold(lock, 0, ['a/b/x'], log, 'a/b/x');
    await settle();
    expect(log).toEqual(['a']);
    parent.release();
    await settle();
    expect(log).toEqual(['a', 'a/b', 'a/c']);
    left.release();
    await settle();
    expect(log).toEqual(['a', 'a/b', 'a/c', 'a/b/x']);
    right.release();
    below.release();
    await Promise.all([parent.done, left.done, right.done, below.done]);
  });

  it('returns the work result', async () => {
    const lock = new TreeLock();
    await expect(lock.run(0, ['a'], async () => 42)).resolves.toBe(42);
  });

  it('a rejected work releases the lock and rejects with its error', async () => {
    const lock = new TreeLock();
    const log: string[] = [];
    const failing = gate();
    const failed = lock.run(0, ['a'], async () => {
      await failing.opened;
      throw new Error('boom');
    });
    const waiter = hold(lock, 0, ['a/b'], log, 'waiter');
    await settle();
    expect(log).toEqual([]);
    failing.open();
    await expect(failed).rejects.toThrow('boom');
    await settle();
    expect(log).toEqual(['waiter']);
    waiter.release();
    await waiter.done;
  });

  it('work that throws synchronously releases the lock too', async () => {
    const lock = new TreeLock();
    await expect(
      lock.run(0, ['a'], () => {
        throw new Error('sync boom');
      }),
    ).rejects.toThrow('sync boom');
    await expect(lock.run(0, ['a'], async () => 'after')).resolves.toBe('after');
  });
});
