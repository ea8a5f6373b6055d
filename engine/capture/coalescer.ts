import type { Scheduler, TimerHandle } from './scheduler';

/**
 * Per-path quiet window. Events for one key coalesce into one flush `windowMs` after the
 * last of them; a key that never goes quiet is still flushed every `maxDelayMs` (a log file
 * written constantly keeps replicating). The last event of a key always leads to a flush
 * that starts at least `max(windowMs, settleMs)` after it, so the Replica converges on the
 * final state: after a forced (maxDelay) flush, or an early one when windowMs < settleMs,
 * the key stays pending for one trailing flush even if no further event comes.
 *
 * Why `settleMs` (default 50): chokidar drops 'change' events arriving within 50 ms of the
 * previous one for the same path and never emits a trailing one. A write in that gap has no
 * event of its own; only a read that starts ≥ 50 ms after the last delivered event is sure
 * to see it. A smaller `windowMs` then buys latency (early flush) at the cost of a second,
 * usually empty, flush.
 *
 * Pure logic: time and timers come from the injected Scheduler (table-tested with a manual
 * clock). One timer per pending key; events never re-arm it unless they bring the due time
 * forward — the timer re-checks and re-arms itself when it fires early.
 */
export interface CoalescerOptions<T> {
  windowMs: number;
  maxDelayMs: number;
  settleMs?: number;
  scheduler: Scheduler;
  onFlush: (key: string, value: T) => void;
}

interface Entry<T> {
  value: T;
  /** Start of the current maxDelay period: the first event, or the last flush. */
  since: number;
  last: number;
  flushedSinceLast: boolean;
  timer: TimerHandle | undefined;
  timerDue: number;
}

export class Coalescer<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly finalQuietMs: number;

  constructor(private readonly options: CoalescerOptions<T>) {
    this.finalQuietMs = Math.max(options.windowMs, options.settleMs ?? 50);
  }

  /** Records an event for `key`; the flush carries the latest `value`. */
  touch(key: string, value: T): void {
    const now = this.options.scheduler.now();
    const existing = this.entries.get(key);
    if (!existing) {
      const entry: Entry<T> = { value, since: now, last: now, flushedSinceLast: false, timer: undefined, timerDue: Infinity };
      this.entries.set(key, entry);
      this.arm(key, entry, this.dueOf(entry));
      return;
    }
    existing.value = value;
    existing.last = now;
    existing.flushedSinceLast = false;
    const due = this.dueOf(existing);
    if (due < existing.timerDue) this.arm(key, existing, due);
  }

  /** Forgets `key` without flushing; returns its pending value. */
  cancel(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    entry.timer?.cancel();
    this.entries.delete(key);
    return entry.value;
  }

  /** Moves a pending key (a renamed path), keeping its timing; merges into an existing one. */
  rekey(from: string, to: string): void {
    const entry = this.entries.get(from);
    if (!entry || from === to) return;
    this.entries.delete(from);
    const target = this.entries.get(to);
    if (target) {
      entry.timer?.cancel();
      target.since = Math.min(target.since, entry.since);
      if (entry.last > target.last) Object.assign(target, { last: entry.last, value: entry.value, flushedSinceLast: entry.flushedSinceLast });
      this.arm(to, target, this.dueOf(target));
      return;
    }
    this.entries.set(to, entry);
    this.arm(to, entry, entry.timerDue);
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    for (const entry of this.entries.values()) entry.timer?.cancel();
    this.entries.clear();
  }

  private dueOf(entry: Entry<T>): number {
    if (entry.flushedSinceLast) return entry.last + this.finalQuietMs;
    return Math.min(entry.last + this.options.windowMs, entry.since + this.options.maxDelayMs);
  }

  private arm(key: string, entry: Entry<T>, due: number): void {
    entry.timer?.cancel();
    entry.timerDue = due;
    entry.timer = this.options.scheduler.setTimer(due - this.options.scheduler.now(), () => this.fire(key, entry));
  }

  private fire(key: string, entry: Entry<T>): void {
    if (this.entries.get(key) !== entry) return;
    const now = this.options.scheduler.now();
    const due = this.dueOf(entry);
    if (now < due) {
      this.arm(key, entry, due);
      return;
    }
    if (now >= entry.last + this.finalQuietMs) {
      this.entries.delete(key);
    } else {
      // Flushed before the final quiet period: one trailing flush stays due.
      entry.flushedSinceLast = true;
      entry.since = now;
      this.arm(key, entry, this.dueOf(entry));
    }
    this.options.onFlush(key, entry.value);
  }
}
