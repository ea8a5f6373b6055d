import type { Scheduler, TimerHandle } from '../../../../engine/capture/scheduler';

/** A clock that moves only when the test says so; timers fire in due order during `advance`. */
export class ManualScheduler implements Scheduler {
  private time = 0;
  private sequence = 0;
  private readonly timers = new Map<number, { due: number; fire: () => void }>();

  now(): number {
    return this.time;
  }

  setTimer(delayMs: number, fire: () => void): TimerHandle {
    const id = (this.sequence += 1);
    this.timers.set(id, { due: this.time + Math.max(0, delayMs), fire });
    return { cancel: () => this.timers.delete(id) };
  }

  /** Moves the clock forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void {
    this.advanceTo(this.time + ms);
  }

  advanceTo(target: number): void {
    for (;;) {
      let nextId: number | undefined;
      let nextDue = Infinity;
      for (const [id, timer] of this.timers) {
        if (timer.due < nextDue) [nextId, nextDue] = [id, timer.due];
      }
      const timer = nextId === undefined ? undefined : this.timers.get(nextId);
      if (nextId === undefined || !timer || nextDue > target) break;
      this.timers.delete(nextId);
      this.time = Math.max(this.time, nextDue);
      timer.fire();
    }
    this.time = target;
  }

  get pendingTimers(): number {
    return this.timers.size;
  }
}
