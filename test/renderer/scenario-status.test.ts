import { describe, expect, it } from 'vitest';
import type { LiveScenario, Scenario } from '../../electron/api/contract';
import { linkOf, linkStateLabel, masterUnreachable } from '../../renderer/src/windows/replication-manager/link-status';
import { statusView } from '../../renderer/src/windows/replication-manager/scenario-status';
import { errorInfo, link } from './live-fixtures';

const RUNNING: Scenario['status'] = { state: 'running', since: '2026-11-26T00:00:00.000Z' };
const unreachable = errorInfo('E1204', 'The Master engine cannot be reached');

describe('Scenario pane state', () => {
  it.each<[string, Scenario['status'], LiveScenario | undefined, string, string, boolean, string | undefined]>([
    ['a new scenario', { state: 'stopped', reason: 'created' }, undefined, 'Stopped (new)', 'stopped', false, undefined],
    ['one the user stopped', { state: 'stopped', reason: 'user' }, undefined, 'Stopped by user', 'stopped', false, undefined],
    ['one stopped by its own settings', { state: 'stopped', reason: 'autostop' }, undefined, 'Stopped on autostop', 'stopped', false, undefined],
    ['a stopped one with a stale live answer', { state: 'stopped', reason: 'user' }, { state: 'running', links: [link()], roots: [] }, 'Stopped by user', 'stopped', false, undefined],
    ['a running one not asked yet', RUNNING, undefined, 'Running', 'running', true, undefined],
    ['a replicating one', RUNNING, { state: 'running', links: [link()], roots: [] }, 'Running', 'running', true, undefined],
    [
      'one with a Replica synchronizing',
      RUNNING,
      { state: 'running', links: [link(), link({ replicaId: 'r2', state: 'synchronizing' })], roots: [] },
      'Synchronizing',
      'sync',
      true,
      undefined,
    ],
    [
      'one with a Replica disconnected',
      RUNNING,
      { state: 'problem', links: [link({ host: 'dr02', state: 'disconnected' })], roots: [] },
      'Problem',
      'problem',
      false,
      'Replica dr02: disconnected',
    ],
    ['one whose Master engine is unreachable', RUNNING, { state: 'problem', links: [], roots: [], error: unreachable }, 'Problem', 'problem', false, 'E1204: The Master engine cannot be reached'],
    [
      'one the manager may not control',
      RUNNING,
      { state: 'not-authorized', error: errorInfo('E1201', 'Engine credentials rejected') },
      'Not Authorized',
      'locked',
      false,
      'E1201: Engine credentials rejected',
    ],
  ])('%s reads as the right state', (_case, status, live, label, icon, shaded, detail) => {
    const view = statusView(status, live);
    expect(view).toMatchObject({ label, icon, shaded });
    expect(view.detail).toBe(detail);
  });
});

describe('Host pane link state', () => {
  it.each([
    ['connecting', 'Connecting'],
    ['synchronizing', 'Synchronizing'],
    ['replicating', 'Replicating'],
    ['suspended', 'Suspended'],
    ['disconnected', 'Disconnected'],
    ['stopped', 'Stopped'],
  ] as const)('%s reads "%s"', (state, label) => {
    expect(linkStateLabel(state)).toBe(label);
  });

  it('finds a Replica’s figures only when the engines reported them', () => {
    const running: LiveScenario = { state: 'running', links: [link({ replicaId: 'r2', host: 'dr02' })], roots: [] };
    expect(linkOf(running, 'r2')?.host).toBe('dr02');
    expect(linkOf(running, 'r1')).toBeUndefined();
    expect(linkOf({ state: 'stopped' }, 'r2')).toBeUndefined();
    expect(linkOf(undefined, 'r2')).toBeUndefined();
  });

  it('marks the Master lost only when its engine gave no figures at all', () => {
    expect(masterUnreachable({ state: 'problem', links: [], roots: [], error: unreachable })).toBe(true);
    expect(masterUnreachable({ state: 'problem', links: [link({ state: 'disconnected' })], roots: [] })).toBe(false);
    expect(masterUnreachable({ state: 'running', links: [], roots: [] })).toBe(false);
  });
});
