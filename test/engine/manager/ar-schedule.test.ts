import { describe, expect, it } from 'vitest';
import { dueTests, localDay } from '../../../engine/manager/ar-schedule';
import type { Scenario } from '../../../engine/scenario/model';
import { DEFAULT_REPLICATION_OPTIONS } from '../../../engine/scenario/options';

function scenario(id: string, overrides: { running?: boolean; arEnabled?: boolean; arScheduleTime?: string } = {}): Scenario {
  return {
    id,
    name: id,
    type: 'FileServer',
    group: 'Scenarios',
    master: { host: 'm', port: 25000, roots: ['/data'] },
    replicas: [{ id: 'r', host: 'r', port: 25000, target: '/replica' }],
    status: overrides.running === false ? { state: 'stopped', reason: 'user' } : { state: 'running', since: '2026-11-26T00:00:00Z' },
    options: { ...DEFAULT_REPLICATION_OPTIONS, arEnabled: overrides.arEnabled ?? true, arScheduleTime: overrides.arScheduleTime ?? '02:00' },
    createdAt: '2026-11-26T00:00:00Z',
    updatedAt: '2026-11-26T00:00:00Z',
  };
}

const at = (hours: number, minutes: number): Date => new Date(2026, 10, 26, hours, minutes);

describe('scheduled Assured Recovery tests', () => {
  it.each([
    ['before the time', at(1, 59), new Map(), []],
    ['at the time', at(2, 0), new Map(), ['a']],
    ['within the grace period', at(2, 25), new Map(), ['a']],
    ['long after the time (missed: next day)', at(3, 0), new Map(), []],
    ['already run today', at(2, 5), new Map([['a', localDay(at(2, 0))]]), []],
    ['run yesterday', at(2, 5), new Map([['a', localDay(new Date(2026, 10, 25, 2, 0))]]), ['a']],
  ])('%s', (_, now, lastRuns, expected) => {
    expect(dueTests([scenario('a')], now, lastRuns)).toEqual(expected);
  });

  it('only running scenarios with AR on and a schedule time', () => {
    const scenarios = [scenario('on'), scenario('stopped', { running: false }), scenario('off', { arEnabled: false }), scenario('unscheduled', { arScheduleTime: '' })];
    expect(dueTests(scenarios, at(2, 1), new Map())).toEqual(['on']);
  });
});
