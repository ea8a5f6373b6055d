import { actionsOverlap, type CaptureAction, type FlushOutcome } from './actions';

/**
 * Delivers actions to the runner's flush in the order they were decided, with up to
 * `concurrency` flushes at once: an action starts only when no earlier unfinished action
 * touches the same path, an ancestor or a descendant of it (a rename blocks everything
 * under both its ends). So per-path and per-tree order hold — what the Replica needs to
 * converge — while unrelated files are read and spooled in parallel, letting the spool
 * group-commit. concurrency 1 gives strict global order.
 *
 * A 'changed' for a path already waiting (not started, nothing overlapping after it) is
 * merged into the waiting one: that flush will read the latest state anyway.
 */
export interface DispatcherOptions {
  concurrency: number;
  run: (action: CaptureAction) => Promise<FlushOutcome | void>;
  /** After each flush, with its outcome or the error it threw. */
  settled: (action: CaptureAction, outcome: FlushOutcome | undefined, error: unknown) => void;
}

interface Slot {
  action: CaptureAction;
  running: boolean;
}

/** How far back a new 'changed' looks for a waiting twin, and how far the pump looks ahead. */
const MERGE_LOOKBACK = 256;
const PUMP_LOOKAHEAD = 1024;

export class OrderedDispatcher {
  private readonly queue: Slot[] = [];
  private running = 0;
  private stopped = false;
  private waiters: (() => void)[] = [];

  constructor(private readonly options: DispatcherOptions) {}

  enqueue(action: CaptureAction): void {
    if (this.stopped) return;
    if (action.type === 'changed' && this.mergeIntoWaiting(action)) return;
    this.queue.push({ action, running: false });
    this.pump();
  }

  /** Actions waiting or running. */
  get size(): number {
    return this.queue.length;
  }

  /** Resolves when nothing is waiting or running. */
  idle(): Promise<void> {
    if (this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Drops what has not started and waits for the flushes that have. */
  stop(): Promise<void> {
    this.stopped = true;
    for (let i = this.queue.length - 1; i >= 0; i -= 1) if (!this.queue[i]?.running) this.queue.splice(i, 1);
    return this.idle();
  }

  private mergeIntoWaiting(action: Extract<CaptureAction, { type: 'changed' }>): boolean {
    const floor = Math.max(0, this.queue.length - MERGE_LOOKBACK);
    for (let i = this.queue.length - 1; i >= floor; i -= 1) {
      const slot = this.queue[i];
      if (!slot || !actionsOverlap(slot.action, action)) continue;
      const twin = slot.action;
      if (slot.running || twin.type !== 'changed' || twin.path !== action.path) return false;
      slot.action = { ...twin, kind: action.kind, full: twin.full || action.full };
      return true;
    }
    return false;
  }

  private pump(): void {
    const earlier: CaptureAction[] = [];
    for (const slot of this.queue.slice(0, PUMP_LOOKAHEAD)) {
      if (this.running >= this.options.concurrency) return;
      if (!slot.running && !earlier.some((other) => actionsOverlap(other, slot.action))) this.start(slot);
      earlier.push(slot.action);
    }
  }

  private start(slot: Slot): void {
    slot.running = true;
    this.running += 1;
    const { action } = slot;
    Promise.resolve()
      .then(() => this.options.run(action))
      .then(
        (outcome) => this.finish(slot, outcome ?? undefined, undefined),
        (error: unknown) => this.finish(slot, undefined, error),
      );
  }

  private finish(slot: Slot, outcome: FlushOutcome | undefined, error: unknown): void {
    this.running -= 1;
    const at = this.queue.indexOf(slot);
    if (at >= 0) this.queue.splice(at, 1);
    this.options.settled(slot.action, outcome, error);
    this.pump();
    if (this.queue.length === 0) for (const resolve of this.waiters.splice(0)) resolve();
  }
}
