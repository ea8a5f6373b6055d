/**
 * Lets the event loop run timers and I/O callbacks. Awaiting a promise that is already
 * resolved (a read that finished while we hashed) only queues a microtask, so a loop over a
 * large file would otherwise hold the thread for the whole file.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Work (bytes read and hashed) between two yields: ~1–2 ms of hashing, ~5 ms of rolling. */
const YIELD_EVERY = 1024 * 1024;
let sinceYield = 0;

/**
 * Counts `bytes` of work and yields once a megabyte has been done since the last yield, by
 * any caller: a refinement round scans hundreds of 64 KiB ranges, and yielding after each
 * would cost more than the scan, while never yielding would hold the loop for the whole round.
 */
export async function yieldAfter(bytes: number): Promise<void> {
  sinceYield += bytes;
  if (sinceYield < YIELD_EVERY) return;
  sinceYield = 0;
  await yieldToEventLoop();
}
