import { describe, expect, it } from 'vitest';
import { inScope } from '../../../../engine/replica/journal/data-rewind';
import type { Undo } from '../../../../engine/replica/journal/undo';

const entry = (root = 0) => ({ root, path: 'shown' });

describe('which journal entries a folder rewind undoes', () => {
  it.each<[string, Undo, boolean]>([
    ['a file inside', { k: 'patch', path: 'docs/a.txt', ranges: [], size: 1, mtimeMs: 0, mode: 0o644 }, true],
    ['the folder itself', { k: 'remove-created', path: 'docs' }, true],
    ['a sibling with the same prefix', { k: 'restore-kept', path: 'docs2/a.txt' }, false],
    ['a rename within', { k: 'rename-back', from: 'docs/a', to: 'docs/b', toKept: false }, true],
    ['a rename elsewhere', { k: 'rename-back', from: 'x/a', to: 'y/b', toKept: false }, false],
  ])('%s', (_, undo, expected) => {
    expect(inScope(entry(), undo, { root: 0, path: 'docs' })).toBe(expected);
  });

  it('another root is out of scope', () => {
    expect(inScope(entry(1), { k: 'remove-created', path: 'docs/a' }, { root: 0, path: 'docs' })).toBe(false);
  });

  it('a rename across the folder edge is refused with E1508', () => {
    expect(() => inScope(entry(), { k: 'rename-back', from: 'docs/a', to: 'elsewhere/a', toKept: false }, { root: 0, path: 'docs' })).toThrow(
      expect.objectContaining({ code: 'E1508' }),
    );
  });
});
