import { describe, expect, it } from 'vitest';
import type { JobState, Schedule } from '../../../../engine/backup/catalog/job-model';
import {
  canDelete,
  holdState,
  initialState,
  modifiedState,
  releaseState,
  runNowState,
  stateAfterRun,
  type Transition,
} from '../../../../engine/backup/catalog/job-transitions';

const NOW = new Date('2026-11-26T09:00:00.000Z');
const EARLIER = '2026-11-25T09:00:00.000Z';
const LATER = '2026-11-27T09:00:00.000Z';
const once: Schedule = { kind: 'once', at: LATER };
const everySixHours: Schedule = { kind: 'everyHours', hours: 6, from: '2026-11-26T06:00:00.000Z' };

const ready: JobState = { status: 'Ready', nextRunAt: LATER };
const active: JobState = { status: 'Active', runId: 7 };
const held: JobState = { status: 'Hold', nextRunAt: LATER };
const heldPast: JobState = { status: 'Hold', nextRunAt: EARLIER };
const done: JobState = { status: 'Done' };

const accepted = (state: JobState): Transition => ({ ok: true, state });

describe('job transitions', () => {
  it.each<[string, Transition, Transition]>([
    ['hold Ready → Hold keeping its time', holdState(ready), accepted({ status: 'Hold', nextRunAt: LATER })],
    ['hold Hold → unchanged', holdState(held), accepted(held)],
    ['hold Active → refused', holdState(active), { ok: false, refusal: 'active' }],
    ['hold Done → refused', holdState(done), { ok: false, refusal: 'done' }],
    ['release one-time Hold → Ready at its time', releaseState(held, once, NOW), accepted({ status: 'Ready', nextRunAt: LATER })],
    ['release repeating Hold whose time passed → next time after now', releaseState(heldPast, everySixHours, NOW), accepted({ status: 'Ready', nextRunAt: '2026-11-26T12:00:00.000Z' })],
    ['release repeating Hold still ahead → keeps its time', releaseState(held, everySixHours, NOW), accepted({ status: 'Ready', nextRunAt: LATER })],
    ['release Ready → unchanged', releaseState(ready, once, NOW), accepted(ready)],
    ['release Active → refused', releaseState(active, once, NOW), { ok: false, refusal: 'active' }],
    ['release Done → refused', releaseState(done, once, NOW), { ok: false, refusal: 'done' }],
    ['run now Ready → due now', runNowState(ready, NOW), accepted({ status: 'Ready', nextRunAt: NOW.toISOString() })],
    ['run now Hold → due now', runNowState(held, NOW), accepted({ status: 'Ready', nextRunAt: NOW.toISOString() })],
    ['run now Done → due now', runNowState(done, NOW), accepted({ status: 'Ready', nextRunAt: NOW.toISOString() })],
    ['run now Active → refused', runNowState(active, NOW), { ok: false, refusal: 'active' }],
    ['modify Ready → new first run', modifiedState(ready, everySixHours, NOW), accepted({ status: 'Ready', nextRunAt: '2026-11-26T12:00:00.000Z' })],
    ['modify Hold → stays held with the new time', modifiedState(held, everySixHours, NOW), accepted({ status: 'Hold', nextRunAt: '2026-11-26T12:00:00.000Z' })],
    ['modify Done with a future run → Ready', modifiedState(done, once, NOW), accepted({ status: 'Ready', nextRunAt: LATER })],
    ['modify Done with a past one-time → stays Done', modifiedState(done, { kind: 'once', at: EARLIER }, NOW), accepted(done)],
    ['modify Active → refused', modifiedState(active, once, NOW), { ok: false, refusal: 'active' }],
  ])('%s', (_label, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it.each<[string, Schedule, JobState]>([
    ['a one-time job is Done after its run', once, { status: 'Done' }],
    ['a repeating job is Ready at its next time', everySixHours, { status: 'Ready', nextRunAt: '2026-11-26T12:00:00.000Z' }],
  ])('%s', (_label, schedule, expected) => {
    expect(stateAfterRun(schedule, NOW)).toEqual(expected);
  });

  it('a new job is Ready (or Hold when submitted on hold) at its first run', () => {
    expect(initialState(once, NOW, false)).toEqual({ status: 'Ready', nextRunAt: LATER });
    expect(initialState(once, NOW, true)).toEqual({ status: 'Hold', nextRunAt: LATER });
  });

  it('only a running job cannot be deleted', () => {
    expect([ready, active, held, done].map(canDelete)).toEqual([true, false, true, true]);
  });
});
