/**
 * Relative paths inside a Master root are '/'-separated, non-empty, without '.' or '..'
 * segments (the ChangeRecord contract). These helpers answer the tree questions every part
 * of capture asks: is this path inside that one, what are its ancestors.
 */

/** True when `path` is `dir` itself or lies anywhere below it. */
export function isWithin(path: string, dir: string): boolean {
  return path === dir || (path.length > dir.length && path.startsWith(dir) && path.charCodeAt(dir.length) === 0x2f);
}

/** `path` moved along with its ancestor `from` → `to` (caller checked isWithin(path, from)). */
export function reparent(path: string, from: string, to: string): string {
  return to + path.slice(from.length);
}

/** Proper ancestors, nearest first: 'a/b/c' → ['a/b', 'a']. */
export function ancestorsOf(path: string): string[] {
  const result: string[] = [];
  for (let cut = path.lastIndexOf('/'); cut > 0; cut = path.lastIndexOf('/', cut - 1)) result.push(path.slice(0, cut));
  return result;
}

export function parentOf(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut < 0 ? '' : path.slice(0, cut);
}

/** Throws on anything that could not be a ChangeRecord path (a programming error upstream). */
export function assertRelativePath(path: string): void {
  if (path === '' || path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..') || path.includes('\0')) {
    throw new RangeError(`not a relative path inside a root: ${JSON.stringify(path)}`);
  }
}
