import type { EventLog } from '../events/event-log';
import { describeError } from '../messages/describe-error';
import type { ScenarioStore } from '../scenario/scenario-store';
import { dueTests, localDay } from './ar-schedule';
import type { ProtectionControl } from './protection-control';

const CHECK_EVERY_MS = 30_000;

/** Starts each scenario's scheduled Assured Recovery test on every Replica, once a day. */
export class ArScheduler {
  private readonly lastRuns = new Map<string, string>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly store: ScenarioStore,
    private readonly protection: ProtectionControl,
    private readonly events: EventLog,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.timer = setInterval(() => void this.check(), CHECK_EVERY_MS).unref();
  }

  async check(): Promise<void> {
    const now = this.now();
    for (const id of dueTests(this.store.list(), now, this.lastRuns)) {
      this.lastRuns.set(id, localDay(now));
      const scenario = this.store.get(id);
      for (const replica of scenario.replicas) {
        await this.protection.startTest(id, replica.id, 'schedule').catch((error: unknown) =>
          this.events.record({ severity: 'error', scenarioId: id, text: `Scheduled Assured Recovery test of "${scenario.name}" on ${replica.host} could not start: ${describeError(error)}` }),
        );
      }
    }
  }

  close(): void {
    clearInterval(this.timer);
  }
}
