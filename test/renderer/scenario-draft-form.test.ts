import { describe, expect, it } from 'vitest';
import { errorsByControl, toDraft, EMPTY_FORM } from '../../renderer/src/windows/replication-manager/scenario-draft-form';
import { filterEvents } from '../../renderer/src/windows/replication-manager/events-filter';

describe('New Scenario form', () => {
  it('turns one root per line into the draft, dropping blank lines', () => {
    const draft = toDraft({ ...EMPTY_FORM, name: 'A', roots: 'C:\\Data\r\n\n  \nD:\\Shares\n' });
    expect(draft.master.roots).toEqual(['C:\\Data', 'D:\\Shares']);
  });

  it('shows root errors on the roots box with their line numbers', () => {
    expect(errorsByControl({ 'master.roots.1': 'not absolute', 'master.host': 'bad host', name: 'taken' })).toEqual({
      roots: 'Line 2: not absolute',
      masterHost: 'bad host',
      name: 'taken',
    });
  });
});

describe('Events filter', () => {
  const event = (id: number, severity: 'info' | 'warning' | 'error', text: string, code: string | null = null) => ({
    id,
    time: '2026-11-26T00:00:00.000Z',
    host: 'dr01',
    severity,
    scenarioId: null,
    code,
    text,
  });
  const events = [event(3, 'error', 'Connection lost', 'E1006'), event(2, 'info', 'Scenario created'), event(1, 'warning', 'Spool at 80%')];

  it.each([
    ['', 'all', [3, 2, 1]],
    ['scenario', 'all', [2]],
    ['e1006', 'all', [3]],
    ['DR01', 'all', [3, 2, 1]],
    ['', 'error', [3]],
    ['spool', 'error', []],
  ] as const)('query "%s" with severity %s keeps %j', (query, severity, ids) => {
    expect(filterEvents(events, query, severity).map((kept) => kept.id)).toEqual(ids);
  });

  it('filters 100,000 events in well under 100 ms', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => event(i, i % 7 === 0 ? 'error' : 'info', `File ${i} synchronized`));
    const started = performance.now();
    const kept = filterEvents(many, 'file 99', 'all');
    expect(performance.now() - started).toBeLessThan(100);
    expect(kept.length).toBe(1111);
  });
});
