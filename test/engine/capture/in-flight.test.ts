import { describe, expect, it } from 'vitest';
import { InFlightChanges, type TreeChange } from '../../../engine/capture/in-flight';

describe('InFlightChanges', () => {
  it('resolves current paths to index paths and back through pending renames and removals', () => {
    const changes = new InFlightChanges();
    const first: TreeChange = { type: 'renamed', from: 'docs', to: 'archive' };
    const second: TreeChange = { type: 'renamed', from: 'archive/a.txt', to: 'a.txt' };
    changes.add(first);
    changes.add(second);
    changes.add({ type: 'removed', path: 'tmp' });

    expect(changes.toIndexPath('archive/sub/b.txt')).toBe('docs/sub/b.txt');
    expect(changes.toIndexPath('a.txt')).toBe('docs/a.txt');
    expect(changes.toIndexPath('docs/x')).toBeUndefined(); // moved away: the index's docs/x is elsewhere now
    expect(changes.toIndexPath('tmp/x')).toBeUndefined();
    expect(changes.toIndexPath('other')).toBe('other');

    expect(changes.toCurrentPath('docs/a.txt')).toBe('a.txt');
    expect(changes.toCurrentPath('docs/sub/b.txt')).toBe('archive/sub/b.txt');
    expect(changes.toCurrentPath('archive/old')).toBeUndefined(); // replaced by the rename onto archive
    expect(changes.toCurrentPath('tmp/x')).toBeUndefined();

    changes.complete(first);
    changes.complete(second);
    expect(changes.size).toBe(1);
    expect(changes.toIndexPath('archive/sub/b.txt')).toBe('archive/sub/b.txt');
  });
});
