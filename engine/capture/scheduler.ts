/**
 * Time and timers as a collaborator, so the coalescer and the rename pairing (pure decisions
 * about *when*) can be driven by table tests with a manual clock instead of real sleeps.
 * `now()` is monotonic milliseconds (performance.now), not wall time: a clock step must not
 * flush or delay every pending path at once.
 */
export interface TimerHandle {
  cancel(): void;
}

export interface Scheduler {
  now(): number;
  setTimer(delayMs: number, fire: () => void): TimerHandle;
}

export const realScheduler: Scheduler = {
  now: () => performance.now(),
  setTimer(delayMs, fire) {
    const timer = setTimeout(fire, Math.max(0, delayMs));
    return { cancel: () => clearTimeout(timer) };
  },
};
