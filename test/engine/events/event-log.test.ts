import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalog } from '../../../engine/catalog/open-catalog';
import type { Clock } from '../../../engine/clock';
import { EventLog } from '../../../engine/events/event-log';
import type { EngineEvent } from '../../../engine/events/model';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir';

/** A clock that says what the test tells it to. */
class FixedClock implements Clock {
  constructor(private time: Date) {}
  now(): Date {
    return new Date(this.time);
  }
  set(iso: string): void {
    this.time = new Date(iso);
  }
}

let dir: string;
let db: Database;
let clock: FixedClock;
let log: EventLog;

beforeEach(() => {
  dir = tempDir();
  db = openCatalog(dir);
  clock = new FixedClock(new Date('2025-01-02T03:04:05.678Z'));
  log = new EventLog(db, clock, 'engine-host');
});

afterEach(() => {
  if (db.open) db.close();
  removeTempDirs();
});

describe('EventLog', () => {
  it('records an event with the clock time and the engine host, and returns it as stored', () => {
    const recorded = log.record({ severity: 'info', text: 'Engine started' });
    expect(recorded).toEqual({
      id: expect.any(Number),
      time: '2025-01-02T03:04:05.678Z',
      host: 'engine-host',
      severity: 'info',
      scenarioId: null,
      code: null,
      text: 'Engine started',
    });
    expect(log.list({ limit: 10 })).toEqual([recorded]);
  });

  it('keeps an explicit host, scenario and code', () => {
    clock.set('2030-12-31T23:59:59.000Z');
    const recorded = log.record({ severity: 'error', text: 'Replica unreachable', host: 'fs02', scenarioId: 'sc-1', code: 'E1004' });
    expect(log.list({ limit: 1 })).toEqual([
      { id: recorded.id, time: '2030-12-31T23:59:59.000Z', host: 'fs02', severity: 'error', scenarioId: 'sc-1', code: 'E1004', text: 'Replica unreachable' },
    ]);
  });

  it('lists newest first, with ids increasing in recording order', () => {
    const texts = ['one', 'two', 'three', 'four'];
    const ids = texts.map((text, index) => {
      clock.set(`2025-01-02T03:04:0${index}.000Z`);
      return log.record({ severity: 'info', text }).id;
    });
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    const listed = log.list({ limit: 100 });
    expect(listed.map((event) => event.text)).toEqual(['four', 'three', 'two', 'one']);
    expect(listed.map((event) => event.time)).toEqual([
      '2025-01-02T03:04:03.000Z',
      '2025-01-02T03:04:02.000Z',
      '2025-01-02T03:04:01.000Z',
      '2025-01-02T03:04:00.000Z',
    ]);
  });

  it('pages backwards from the newest with limit and beforeId, without gaps or repeats', () => {
    for (let index = 1; index <= 7; index += 1) log.record({ severity: 'info', text: `event ${index}` });

    const pages: string[][] = [];
    let beforeId: number | undefined;
    for (;;) {
      const page = log.list({ limit: 3, beforeId });
      if (page.length === 0) break;
      pages.push(page.map((event) => event.text));
      beforeId = page[page.length - 1]?.id;
    }
    expect(pages).toEqual([['event 7', 'event 6', 'event 5'], ['event 4', 'event 3', 'event 2'], ['event 1']]);
  });

  it('beforeId excludes that event itself', () => {
    const first = log.record({ severity: 'info', text: 'first' });
    const second = log.record({ severity: 'info', text: 'second' });
    expect(log.list({ limit: 10, beforeId: second.id }).map((event) => event.id)).toEqual([first.id]);
    expect(log.list({ limit: 10, beforeId: first.id })).toEqual([]);
  });

  it('filters by scenario, and combines the filter with paging', () => {
    log.record({ severity: 'info', text: 'engine', scenarioId: undefined });
    log.record({ severity: 'info', text: 'a1', scenarioId: 'a' });
    log.record({ severity: 'warning', text: 'b1', scenarioId: 'b' });
    log.record({ severity: 'info', text: 'a2', scenarioId: 'a' });
    log.record({ severity: 'error', text: 'a3', scenarioId: 'a', code: 'E1099' });

    expect(log.list({ limit: 10, scenarioId: 'a' }).map((event) => event.text)).toEqual(['a3', 'a2', 'a1']);
    expect(log.list({ limit: 10, scenarioId: 'b' }).map((event) => event.text)).toEqual(['b1']);
    expect(log.list({ limit: 10, scenarioId: 'none' })).toEqual([]);
    expect(log.list({ limit: 10 }).map((event) => event.text)).toEqual(['a3', 'a2', 'b1', 'a1', 'engine']);

    const newestOfA = log.list({ limit: 1, scenarioId: 'a' });
    expect(newestOfA.map((event) => event.text)).toEqual(['a3']);
    const rest = log.list({ limit: 10, scenarioId: 'a', beforeId: newestOfA[0]?.id });
    expect(rest.map((event) => event.text)).toEqual(['a2', 'a1']);
  });

  it('notifies listeners of each recorded event until they unsubscribe', () => {
    const seen: EngineEvent[] = [];
    const other: string[] = [];
    const unsubscribe = log.onEvent((event) => seen.push(event));
    log.onEvent((event) => other.push(event.text));

    const first = log.record({ severity: 'warning', text: 'first', scenarioId: 'sc' });
    expect(seen).toEqual([first]);

    unsubscribe();
    log.record({ severity: 'info', text: 'second' });
    expect(seen).toEqual([first]);
    expect(other).toEqual(['first', 'second']);
  });

  it('recorded events survive closing and reopening the catalog', () => {
    log.record({ severity: 'info', text: 'before restart', scenarioId: 'sc' });
    db.close();

    db = openCatalog(dir);
    const reopened = new EventLog(db, clock, 'engine-host');
    expect(reopened.list({ limit: 10 }).map((event) => [event.text, event.scenarioId, event.time])).toEqual([
      ['before restart', 'sc', '2025-01-02T03:04:05.678Z'],
    ]);
  });
});
