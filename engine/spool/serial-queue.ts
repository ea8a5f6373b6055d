/**
 * Runs async tasks one at a time in submission order. Everything that changes the files
 * (commits, acknowledgements, reset, close) goes through one queue, so no two of them
 * interleave their writes, truncations or deletions. Reads stay outside: they only touch
 * durable bytes, which nothing rewrites.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    // The next task waits for this one whether it succeeded or not; its error goes to its caller.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
