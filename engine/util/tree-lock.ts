interface Request {
  root: number;
  paths: readonly string[];
}

/**
 * Locks paths of a tree: a holder of `a/b` excludes holders of `a`, `a/b` and `a/b/c`
 * (ancestors and descendants), while unrelated paths proceed together. Capture flushes and
 * synchronization reads take it, so a file is never read for a Replica while a rename of
 * its folder is being shipped. Fair: a request never overtakes an earlier waiting request it
 * conflicts with, so a stream of flushes under `a/` cannot hold off a rename of `a`.
 */
export class TreeLock {
  private readonly held: Request[] = [];
  private readonly waiting: { request: Request; wake: () => void }[] = [];

  async run<T>(root: number, paths: readonly string[], work: () => Promise<T>): Promise<T> {
    const request = { root, paths };
    if (this.blocked(request, this.waiting.length)) {
      // admit() moves it to `held` before waking it, so no conflicting waiter starts in between.
      await new Promise<void>((wake) => this.waiting.push({ request, wake }));
    } else {
      this.held.push(request);
    }
    try {
      return await work();
    } finally {
      this.held.splice(this.held.indexOf(request), 1);
      this.admit();
    }
  }

  /** Starts every waiting request that conflicts neither with a holder nor with an earlier waiter. */
  private admit(): void {
    for (let index = 0; index < this.waiting.length; ) {
      const entry = this.waiting[index];
      if (entry && !this.blocked(entry.request, index)) {
        this.waiting.splice(index, 1);
        this.held.push(entry.request);
        entry.wake();
      } else index += 1;
    }
  }

  private blocked(request: Request, earlierWaiters: number): boolean {
    const conflicts = (other: Request): boolean => other.root === request.root && other.paths.some((held) => request.paths.some((wanted) => related(held, wanted)));
    return this.held.some(conflicts) || this.waiting.slice(0, earlierWaiters).some((entry) => conflicts(entry.request));
  }
}

/** Same path, or one contains the other ('' is the root and contains everything). */
export function related(a: string, b: string): boolean {
  return a === b || a === '' || b === '' || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}
