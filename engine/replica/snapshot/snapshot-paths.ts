/**
 * Snapshot paths as users see them: the Master's own paths (a root, or a path below one).
 * '' stands for the list of roots. Pure.
 */
export interface RootPath {
  readonly root: number;
  /** '/'-separated, relative to the root; '' is the root itself. */
  readonly relative: string;
}

export function toRootPath(roots: readonly string[], masterPath: string): RootPath | undefined {
  let best: RootPath | undefined;
  let bestLength = -1;
  for (const [root, rootPath] of roots.entries()) {
    const base = rootPath.replace(/[\\/]+$/, '');
    if (masterPath !== base && !masterPath.startsWith(`${base}/`) && !masterPath.startsWith(`${base}\\`)) continue;
    if (base.length <= bestLength) continue;
    const relative = masterPath.slice(base.length).split(/[\\/]+/).filter((segment) => segment !== '').join('/');
    best = { root, relative };
    bestLength = base.length;
  }
  return best;
}
