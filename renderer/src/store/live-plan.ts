import type { LiveScenario, Scenario } from '../../../electron/api/contract';

/** The scenarios the engines are asked about every second. */
export function runningIds(scenarios: readonly Scenario[]): string[] {
  return scenarios.filter((scenario) => scenario.status.state === 'running').map((scenario) => scenario.id);
}

function statusKey(scenario: Scenario): string {
  return scenario.status.state === 'running' ? `running ${scenario.status.since}` : `stopped ${scenario.status.reason}`;
}

/**
 * What a change of the scenario list means for live status: scenarios that were just run
 * or stopped are asked once at once (without waiting for the next tick); removed ones are forgotten.
 */
export function livePlan(previous: readonly Scenario[], next: readonly Scenario[]): { refresh: string[]; drop: string[] } {
  const before = new Map(previous.map((scenario) => [scenario.id, statusKey(scenario)]));
  const nextIds = new Set(next.map((scenario) => scenario.id));
  return {
    refresh: next
      .filter((scenario) => {
        const was = before.get(scenario.id);
        return was === undefined ? scenario.status.state === 'running' : was !== statusKey(scenario);
      })
      .map((scenario) => scenario.id),
    drop: previous.filter((scenario) => !nextIds.has(scenario.id)).map((scenario) => scenario.id),
  };
}

/** Live figures compare by value, so an unchanged answer re-renders nothing. */
export function sameLive(a: LiveScenario | undefined, b: LiveScenario | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
