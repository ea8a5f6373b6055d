import { isRepeating, type JobState, type Schedule } from './job-model';
import { firstRunAt, nextRunAfter } from './schedule';

/**
 * How a job moves through the queue (Ready / Active / Hold / Done). Pure: the store applies
 * what these return. A running job is controlled only by stopping it, so every queue action
 * on an Active job is refused; Hold on a Done job is refused as it would never run again.
 */
export type Transition = { ok: true; state: JobState } | { ok: false; refusal: 'active' | 'done' };

const ok = (state: JobState): Transition => ({ ok: true, state });

export function initialState(schedule: Schedule, now: Date, hold: boolean): JobState {
  const nextRunAt = firstRunAt(schedule, now).toISOString();
  return hold ? { status: 'Hold', nextRunAt } : { status: 'Ready', nextRunAt };
}

export function holdState(state: JobState): Transition {
  switch (state.status) {
    case 'Ready':
      return ok({ status: 'Hold', nextRunAt: state.nextRunAt });
    case 'Hold':
      return ok(state);
    case 'Active':
      return { ok: false, refusal: 'active' };
    case 'Done':
      return { ok: false, refusal: 'done' };
  }
}

/**
 * Back to Ready. A one-time job keeps its time (due at once if it passed while held); a
 * repeating job skips the runs it missed while held and waits for its next time.
 */
export function releaseState(state: JobState, schedule: Schedule, now: Date): Transition {
  switch (state.status) {
    case 'Hold': {
      if (!isRepeating(schedule)) return ok({ status: 'Ready', nextRunAt: firstRunAt(schedule, now).toISOString() });
      const kept = state.nextRunAt === null ? null : new Date(state.nextRunAt);
      const next = kept !== null && kept > now ? kept : firstRunAt(schedule, now);
      return ok({ status: 'Ready', nextRunAt: next.toISOString() });
    }
    case 'Ready':
      return ok(state);
    case 'Active':
      return { ok: false, refusal: 'active' };
    case 'Done':
      return { ok: false, refusal: 'done' };
  }
}

/** Due now; the schedule carries on after this run. */
export function runNowState(state: JobState, now: Date): Transition {
  if (state.status === 'Active') return { ok: false, refusal: 'active' };
  return ok({ status: 'Ready', nextRunAt: now.toISOString() });
}

/** A new schedule takes effect at once; a held job stays held, a done job comes back if the schedule runs again. */
export function modifiedState(state: JobState, schedule: Schedule, now: Date): Transition {
  switch (state.status) {
    case 'Active':
      return { ok: false, refusal: 'active' };
    case 'Hold':
      return ok({ status: 'Hold', nextRunAt: firstRunAt(schedule, now).toISOString() });
    case 'Ready':
      return ok({ status: 'Ready', nextRunAt: firstRunAt(schedule, now).toISOString() });
    case 'Done': {
      const next = nextRunAfter(schedule, now);
      return ok(next === null ? state : { status: 'Ready', nextRunAt: next.toISOString() });
    }
  }
}

/** After a run, however it ended: a repeating job waits for its next time, a one-time job is done. */
export function stateAfterRun(schedule: Schedule, now: Date): JobState {
  if (!isRepeating(schedule)) return { status: 'Done' };
  const next = nextRunAfter(schedule, now);
  return next === null ? { status: 'Done' } : { status: 'Ready', nextRunAt: next.toISOString() };
}

export function canDelete(state: JobState): boolean {
  return state.status !== 'Active';
}
