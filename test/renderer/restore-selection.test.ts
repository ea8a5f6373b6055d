import { describe, expect, it } from 'vitest';
import { isMarked, markedSessions, markLabel, markOfPath, pickVersion, shownMark, toggleMark, type MarkedItem } from '../../renderer/src/windows/restore-manager/restore-selection';

const payroll = (session: number, path: string | null): MarkedItem => ({ session, path, scenarioId: 's1', scenarioName: 'Payroll' });
const mail = (session: number, path: string | null): MarkedItem => ({ session, path, scenarioId: 's2', scenarioName: 'Mail' });

describe('marking items for restore', () => {
  it('marks an item, and unmarks it on a second toggle', () => {
    const marked = toggleMark([], payroll(3, '/srv/payroll/a.csv'));
    expect(marked).toEqual({ ok: true, marks: [payroll(3, '/srv/payroll/a.csv')] });
    if (!marked.ok) return;
    expect(toggleMark(marked.marks, payroll(3, '/srv/payroll/a.csv'))).toEqual({ ok: true, marks: [] });
  });

  it('tells a whole session from a path of it, and a path in one session from the same path in another', () => {
    const marks = [payroll(3, null), payroll(4, '/srv/payroll/a.csv')];
    expect(isMarked(marks, { session: 3, path: null })).toBe(true);
    expect(isMarked(marks, { session: 3, path: '/srv/payroll/a.csv' })).toBe(false);
    expect(isMarked(marks, { session: 4, path: '/srv/payroll/a.csv' })).toBe(true);
    expect(markOfPath(marks, '/srv/payroll/a.csv')?.session).toBe(4);
  });

  it('refuses an item of a second scenario and says which scenarios', () => {
    const result = toggleMark([payroll(3, null)], mail(5, null));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('"Payroll"');
    expect(result.message).toContain('"Mail"');
  });

  it('accepts another scenario once the marks are cleared', () => {
    expect(toggleMark([], mail(5, null)).ok).toBe(true);
  });
});

describe('the check box of a node or row', () => {
  const marks = [payroll(2, '/srv/payroll/a.csv'), payroll(4, '/srv/payroll/b')];

  it.each<['session' | 'tree', number, string, MarkedItem | undefined]>([
    ['session', 2, '/srv/payroll/a.csv', payroll(2, '/srv/payroll/a.csv')],
    ['session', 4, '/srv/payroll/a.csv', undefined],
    ['tree', 4, '/srv/payroll/a.csv', payroll(2, '/srv/payroll/a.csv')],
    ['tree', 4, '/srv/payroll/b', payroll(4, '/srv/payroll/b')],
    ['tree', 4, '/srv/payroll/c', undefined],
  ])('by %s, shows session %i of %s checked by %j', (view, session, path, mark) => {
    expect(shownMark(marks, view, { session, path })).toEqual(mark);
  });
});

describe('picking a version in the Version History', () => {
  it('replaces the same path marked from another session', () => {
    expect(pickVersion([payroll(4, '/srv/a.csv'), payroll(4, '/srv/b.csv')], payroll(2, '/srv/a.csv'))).toEqual({ ok: true, marks: [payroll(4, '/srv/b.csv'), payroll(2, '/srv/a.csv')] });
  });

  it('keeps a version already marked once', () => {
    expect(pickVersion([payroll(2, '/srv/a.csv')], payroll(2, '/srv/a.csv'))).toEqual({ ok: true, marks: [payroll(2, '/srv/a.csv')] });
  });

  it('refuses a version of another scenario', () => {
    expect(pickVersion([payroll(4, '/srv/a.csv')], mail(2, '/mail/x')).ok).toBe(false);
  });
});

describe('the marked list', () => {
  it.each<[MarkedItem, string]>([
    [payroll(3, null), 'Session 3 (whole session)'],
    [payroll(4, 'D:\\Data\\q1.xlsx'), 'D:\\Data\\q1.xlsx (session 4)'],
  ])('names %j as "%s"', (item, label) => {
    expect(markLabel(item)).toBe(label);
  });

  it('lists each marked session once, in marking order', () => {
    expect(markedSessions([payroll(4, '/a'), payroll(2, null), payroll(4, '/b')])).toEqual([4, 2]);
  });
});
