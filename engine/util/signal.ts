/** A level-free wake-up: `wait()` resolves at the next `notify()` (or at once if one came since the last wait). */
export class Signal {
  private pending = false;
  private waiters = new Set<() => void>();

  notify(): void {
    if (this.waiters.size === 0) {
      this.pending = true;
      return;
    }
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const waiter of waiters) waiter();
  }

  wait(timeoutMs?: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const wake = (): void => {
        if (timer) clearTimeout(timer);
        resolve();
      };
      // A wait that times out leaves the set, so the next notify is remembered instead of spent on it.
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              this.waiters.delete(wake);
              resolve();
            }, timeoutMs);
      this.waiters.add(wake);
    });
  }
}
