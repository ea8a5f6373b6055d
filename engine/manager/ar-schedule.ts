import type { Scenario } from '../scenario/model';

/** The local day a test ran on, per scenario (so a scheduled test runs once a day). */
export type LastScheduledRuns = ReadonlyMap<string, string>;

export function localDay(now: Date): string {
  return `${now.getFullYear()}-${now.getMonth() + 1}-${now.getDate()}`;
}

function minutesOf(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/**
 * Scenarios whose daily Assured Recovery test is due: running, AR on, a schedule time
 * reached today (within `graceMinutes`, so a manager started a little late still runs it),
 * and not yet run today. Pure.
 */
export function dueTests(scenarios: readonly Scenario[], now: Date, lastRuns: LastScheduledRuns, graceMinutes = 30): string[] {
  const today = localDay(now);
  const minute = now.getHours() * 60 + now.getMinutes();
  return scenarios
    .filter((scenario) => {
      const { arEnabled, arScheduleTime } = scenario.options;
      if (scenario.status.state !== 'running' || !arEnabled || arScheduleTime === '') return false;
      const late = minute - minutesOf(arScheduleTime);
      return late >= 0 && late <= graceMinutes && lastRuns.get(scenario.id) !== today;
    })
    .map((scenario) => scenario.id);
}

