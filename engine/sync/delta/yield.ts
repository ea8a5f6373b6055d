/**
 * Lets the event loop run timers and I/O callbacks. Awaiting a promise that is already
 * resolved (a read that finished while we hashed) only queues a microtask, so a loop over a
 * large file would otherwise hold the thread for the whole file; every loop here calls this
 * once per chunk (≥ 1 MiB) instead.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
