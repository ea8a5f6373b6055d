import { describe, expect, it } from 'vitest';
import { livePlan, runningIds, sameLive } from '../../renderer/src/store/live-plan';
import { link, scenario } from './live-fixtures';

const running = (id: string, since = '2026-11-26T10:00:00.000Z') => scenario(id, { state: 'running', since });
const stopped = (id: string, reason: 'created' | 'user' | 'autostop' = 'user') => scenario(id, { state: 'stopped', reason });

describe('live status polling', () => {
  it('polls only running scenarios', () => {
    expect(runningIds([running('a'), stopped('b'), running('c')])).toEqual(['a', 'c']);
    expect(runningIds([])).toEqual([]);
  });

  it.each([
    ['nothing changed', [running('a'), stopped('b')], [running('a'), stopped('b')], [], []],
    ['the list was first read', [], [running('a'), stopped('b')], ['a'], []],
    ['a scenario was run', [stopped('a', 'created')], [running('a')], ['a'], []],
    ['a scenario was stopped', [running('a')], [stopped('a')], ['a'], []],
    ['a scenario was run again', [running('a', '2026-11-26T10:00:00.000Z')], [running('a', '2026-11-26T11:00:00.000Z')], ['a'], []],
    ['a stopped scenario was created', [running('a')], [running('a'), stopped('b', 'created')], [], []],
    ['a scenario was removed', [running('a'), stopped('b')], [running('a')], [], ['b']],
  ])('when %s: asks %j at once and forgets %j', (_case, previous, next, refresh, drop) => {
    expect(livePlan(previous, next)).toEqual({ refresh, drop });
  });

  it('treats equal answers as unchanged so nothing re-renders', () => {
    expect(sameLive({ state: 'running', links: [link()], roots: [] }, { state: 'running', links: [link()], roots: [] })).toBe(true);
    expect(sameLive({ state: 'running', links: [link()], roots: [] }, { state: 'running', links: [link({ lagMs: 5 })], roots: [] })).toBe(false);
    expect(sameLive(undefined, { state: 'stopped' })).toBe(false);
  });
});
