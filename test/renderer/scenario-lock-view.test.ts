import { describe, expect, it } from 'vitest';
import type { ScenarioLock } from '../../electron/api/contract';
import { lockBanner, lockQuestion, lockView, readOnlyReason, shouldAsk, type HeldLock } from '../../renderer/src/windows/replication-manager/scenario-lock';

const LOCK: HeldLock = { locked: true, jobId: 7, jobName: 'Back up Payroll now', host: 'backup01', since: '2026-11-26T10:00:00.000Z' };
const FREE: ScenarioLock = { locked: false };
const at = (iso: string): string => `at ${iso}`;

describe('the scenario lock in the Replication Manager', () => {
  it('asks whether to take control, naming the job, its host and since when', () => {
    expect(lockQuestion('Payroll', LOCK, at)).toBe(
      'Scenario "Payroll" is locked from another host: backup job 7 "Back up Payroll now" on backup01 controls it since at 2026-11-26T10:00:00.000Z. Take control?',
    );
  });

  it('is free, locked, or being released after control was taken from the job holding it', () => {
    expect(lockView(undefined, undefined)).toEqual({ kind: 'free' });
    expect(lockView(FREE, 7)).toEqual({ kind: 'free' });
    expect(lockView(LOCK, undefined)).toEqual({ kind: 'locked', lock: LOCK });
    expect(lockView(LOCK, 7)).toEqual({ kind: 'releasing', lock: LOCK });
    expect(lockView({ ...LOCK, jobId: 8 }, 7)).toEqual({ kind: 'locked', lock: { ...LOCK, jobId: 8 } });
  });

  it('makes the scenario read-only while a job holds it, and says why', () => {
    expect(readOnlyReason({ kind: 'free' })).toBeUndefined();
    expect(readOnlyReason({ kind: 'locked', lock: LOCK })).toBe('Read-only: backup job 7 "Back up Payroll now" on backup01 controls this scenario. Take control to change it (the job then fails).');
    expect(readOnlyReason({ kind: 'releasing', lock: LOCK })).toMatch(/^Read-only until backup job 7 .* stops/);
    expect(lockBanner({ kind: 'free' })).toBeUndefined();
    expect(lockBanner({ kind: 'locked', lock: LOCK }, at)).toMatch(/^Locked: backup job 7 "Back up Payroll now" on backup01 controls this scenario since at 2026/);
    expect(lockBanner({ kind: 'releasing', lock: LOCK })).toMatch(/E3387/);
  });

  it.each<[string, ScenarioLock, { scenarioId: string; sequence: number } | undefined, number | undefined, boolean]>([
    ['a locked scenario opened for the first time', LOCK, undefined, undefined, true],
    ['a locked scenario clicked again', LOCK, { scenarioId: 's1', sequence: 3 }, undefined, true],
    ['another scenario opened before', LOCK, { scenarioId: 's2', sequence: 4 }, undefined, true],
    ['the same opening polled again (or the window shown again)', LOCK, { scenarioId: 's1', sequence: 4 }, undefined, false],
    ['a free scenario', FREE, undefined, undefined, false],
    ['a lock whose control was already taken', LOCK, undefined, 7, false],
  ])('asks for %s', (_name, lock, settled, takenFrom, asks) => {
    expect(shouldAsk(lock, { scenarioId: 's1', sequence: 4 }, settled, takenFrom)).toBe(asks);
  });
});
