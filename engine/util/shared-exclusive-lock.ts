/**
 * Many shared holders or one exclusive holder. Capture flushes hold it shared; the last step
 * of a synchronization holds it exclusively, so no flush can change the index meanwhile.
 */
export class SharedExclusiveLock {
  private shared = 0;
  private exclusive = false;
  /** Exclusive requests waiting: new shared holders queue behind them, so the exclusive one cannot starve. */
  private exclusiveWaiting = 0;
  private readonly waiters: (() => void)[] = [];

  async runShared<T>(work: () => Promise<T>): Promise<T> {
    while (this.exclusive || this.exclusiveWaiting > 0) await this.wait();
    this.shared += 1;
    try {
      return await work();
    } finally {
      this.shared -= 1;
      this.wake();
    }
  }

  async runExclusive<T>(work: () => Promise<T>): Promise<T> {
    this.exclusiveWaiting += 1;
    while (this.exclusive || this.shared > 0) await this.wait();
    this.exclusiveWaiting -= 1;
    this.exclusive = true;
    try {
      return await work();
    } finally {
      this.exclusive = false;
      this.wake();
    }
  }

  private wait(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}
