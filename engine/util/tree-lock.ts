/**
 * Locks paths of a tree: a holder of `a/b` excludes holders of `a`, `a/b` and `a/b/c`
 * (ancestors and descendants), while unrelated paths proceed together. Capture flushes and
 * synchronization reads take it, so a file is never read for a Replica while a rename of
 * its folder is being shipped.
 */
export class TreeLock {
  private readonly held: { root: number; paths: readonly string[] }[] = [];
  private waiters: (() => void)[] = [];

  async run<T>(root: number, paths: readonly string[], work: () => Promise<T>): Promise<T> {
    while (this.conflicts(root, paths)) await new Promise<void>((resolve) => this.waiters.push(resolve));
    const holding = { root, paths };
    this.held.push(holding);
    try {
      return await work();
    } finally {
      this.held.splice(this.held.indexOf(holding), 1);
      const waiters = this.waiters;
      this.waiters = [];
      for (const wake of waiters) wake();
    }
  }

  private conflicts(root: number, paths: readonly string[]): boolean {
    return this.held.some((holding) => holding.root === root && holding.paths.some((held) => paths.some((wanted) => related(held, wanted))));
  }
}

/** Same path, or one contains the other ('' is the root and contains everything). */
export function related(a: string, b: string): boolean {
  return a === b || a === '' || b === '' || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}
