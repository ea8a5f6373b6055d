import { describe, expect, it } from 'vitest';
import type { CaptureAction } from '../../../engine/capture/actions';
import { OrderedDispatcher } from '../../../engine/capture/dispatcher';

const changed = (path: string, full = false): CaptureAction => ({ type: 'changed', root: 0, path, kind: 'file', full });

/** A dispatcher whose flushes finish only when the test releases them. */
function harness(concurrency: number) {
  const started: string[] = [];
  const release = new Map<string, () => void>();
  const dispatcher = new OrderedDispatcher({
    concurrency,
    run: (action) => {
      const name = action.type === 'renamed' ? `${action.from}->${action.to}` : `${action.type}:${action.path}${action.type === 'changed' && action.full ? '!' : ''}`;
      const rooted = action.root === 0 ? name : `r${action.root}:${name}`;
      started.push(rooted);
      return new Promise<void>((resolve) => release.set(rooted, resolve));
    },
    settled: () => undefined,
  });
  const finish = async (name: string): Promise<void> => {
    await new Promise((resolve) => setImmediate(resolve));
    release.get(name)?.();
    // Let the settle callback, the next pump and the started flushes run.
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { dispatcher, started, finish };
}

describe('OrderedDispatcher', () => {
  it('runs unrelated paths in parallel but holds anything overlapping an earlier action', async () => {
    const { dispatcher, started, finish } = harness(4);
    dispatcher.enqueue({ type: 'renamed', root: 0, from: 'docs', to: 'archive', kind: 'directory' });
    dispatcher.enqueue(changed('archive/a.txt'));
    dispatcher.enqueue(changed('other.txt'));
    dispatcher.enqueue({ type: 'removed', root: 0, path: 'docs' });
    dispatcher.enqueue({ type: 'changed', root: 1, path: 'archive/a.txt', kind: 'file', full: false });
    await finish('');
    expect(started).toEqual(['docs->archive', 'changed:other.txt', 'r1:changed:archive/a.txt']);
    await finish('docs->archive');
    expect(started.slice(3)).toEqual(['changed:archive/a.txt', 'removed:docs']);
    await finish('changed:archive/a.txt');
    await finish('changed:other.txt');
    await finish('removed:docs');
    await finish('r1:changed:archive/a.txt');
    await dispatcher.idle();
    expect(dispatcher.size).toBe(0);
  });

  it('keeps strict order with concurrency 1', async () => {
    const { dispatcher, started, finish } = harness(1);
    for (const name of ['a', 'b', 'c']) dispatcher.enqueue(changed(name));
    await finish('');
    expect(started).toEqual(['changed:a']);
    await finish('changed:a');
    await finish('changed:b');
    expect(started).toEqual(['changed:a', 'changed:b', 'changed:c']);
  });

  it('merges a change into the same path still waiting, keeping the stronger (full) request', async () => {
    const { dispatcher, started, finish } = harness(1);
    dispatcher.enqueue(changed('busy'));
    dispatcher.enqueue(changed('log'));
    dispatcher.enqueue(changed('log', true));
    dispatcher.enqueue(changed('log'));
    expect(dispatcher.size).toBe(2);
    await finish('changed:busy');
    expect(started).toEqual(['changed:busy', 'changed:log!']);
  });

  it('does not merge across a later action on the same tree', async () => {
    const { dispatcher } = harness(1);
    dispatcher.enqueue(changed('busy'));
    dispatcher.enqueue(changed('d/f'));
    dispatcher.enqueue({ type: 'removed', root: 0, path: 'd' });
    dispatcher.enqueue(changed('d/f'));
    expect(dispatcher.size).toBe(4);
  });

  it('reports a failing flush and carries on', async () => {
    const settled: unknown[] = [];
    const dispatcher = new OrderedDispatcher({
      concurrency: 1,
      run: async (action) => {
        if (action.type === 'changed' && action.path === 'bad') throw new Error('disk full');
        return { verifyLater: true };
      },
      settled: (_action, outcome, error) => settled.push(error ?? outcome),
    });
    dispatcher.enqueue(changed('bad'));
    dispatcher.enqueue(changed('good'));
    await dispatcher.idle();
    expect(settled).toEqual([new Error('disk full'), { verifyLater: true }]);
  });
});
