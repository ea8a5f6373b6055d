/** A level-free wake-up: `wait()` resolves at the next `notify()` (or at once if one came since the last wait). */
export class Signal {
  private pending = false;
  private waiters: (() => void)[] = [];

  notify(): void {
    const waiters = this.waiters.splice(0);
    if (waiters.length === 0) this.pending = true;
    for (const waiter of waiters) waiter();
  }

  wait(timeoutMs?: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = timeoutMs === undefined ? undefined : setTimeout(resolve, timeoutMs);
      this.waiters.push(() => {
        if (timer) clearTimeout(timer);
        resolve();
      });
    });
  }
}
