export class ConsumerStoppedError extends Error {
  constructor() {
    super('the consumer of the delta stopped before the end');
    this.name = 'ConsumerStoppedError';
  }
}

/**
 * A bounded hand-off from a producer that pushes (computeDelta's `emit`) to a consumer that
 * pulls (applyDelta's `for await`), so both run at once without buffering a whole delta:
 * `push` waits while `capacity` items are queued. Either side can stop the other: `fail`
 * makes the consumer throw; a consumer that stops early makes further pushes throw.
 */
export class OpChannel<T> implements AsyncIterable<T> {
  private readonly queue: T[] = [];
  private closed = false;
  private failure: { error: unknown } | undefined;
  private stopped = false;
  private wakeConsumer: (() => void) | undefined;
  private wakeProducer: (() => void) | undefined;

  constructor(private readonly capacity = 64) {}

  async push(item: T): Promise<void> {
    while (this.queue.length >= this.capacity && !this.stopped) await new Promise<void>((resolve) => (this.wakeProducer = resolve));
    if (this.stopped) throw new ConsumerStoppedError();
    this.queue.push(item);
    this.wake('consumer');
  }

  close(): void {
    this.closed = true;
    this.wake('consumer');
  }

  fail(error: unknown): void {
    this.failure = { error };
    this.wake('consumer');
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    try {
      for (;;) {
        if (this.failure) throw this.failure.error;
        const item = this.queue.shift();
        if (item !== undefined) {
          this.wake('producer');
          yield item;
        } else if (this.closed) {
          return;
        } else {
          await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
        }
      }
    } finally {
      this.stopped = true;
      this.wake('producer');
    }
  }

  private wake(side: 'consumer' | 'producer'): void {
    const resolve = side === 'consumer' ? this.wakeConsumer : this.wakeProducer;
    if (side === 'consumer') this.wakeConsumer = undefined;
    else this.wakeProducer = undefined;
    resolve?.();
  }
}
