import { describe, expect, it } from 'vitest';
import type { BackupSource } from '../../renderer/src/windows/backup-manager/backup-types';
import { defaultJobName, keepRegistered, modeLabel, scenarioSources, selectedSources, toggleScenario } from '../../renderer/src/windows/backup-manager/source-selection';

const source = (id: string, name: string, mode: BackupSource['mode'] = 'suspend', kind: BackupSource['source'] = 'scenario'): BackupSource => ({
  id,
  source: kind,
  roots: ['/srv/payroll'],
  name,
  type: 'FileServer',
  master: 'localhost',
  replicas: ['localhost'],
  mode,
  registeredAt: '2026-03-01T09:00:00.000Z',
});

describe('the Source tab selection', () => {
  it('keeps the scenarios in the order they were checked', () => {
    let selected = toggleScenario([], 'b');
    selected = toggleScenario(selected, 'a');
    selected = toggleScenario(selected, 'c');
    expect(selected).toEqual(['b', 'a', 'c']);
    expect(selectedSources([source('a', 'A'), source('b', 'B'), source('c', 'C')], selected).map((chosen) => chosen.name)).toEqual(['B', 'A', 'C']);
  });

  it('unchecks without reordering the others, and a scenario checked again goes last', () => {
    expect(toggleScenario(['b', 'a', 'c'], 'a')).toEqual(['b', 'c']);
    expect(toggleScenario(['b', 'c'], 'a')).toEqual(['b', 'c', 'a']);
  });

  it('lists Replication Scenarios only, not folder sources', () => {
    expect(scenarioSources([source('a', 'A'), source('f', 'Shares', 'none', 'folder'), source('b', 'B')]).map((listed) => listed.id)).toEqual(['a', 'b']);
  });

  it('drops scenarios no longer registered when the catalog is read again', () => {
    expect(keepRegistered(['b', 'gone', 'a'], [source('a', 'A'), source('b', 'B')])).toEqual(['b', 'a']);
    expect(selectedSources([source('a', 'A')], ['gone', 'a']).map((chosen) => chosen.id)).toEqual(['a']);
  });
});

describe('the properties pane and Submit Job wording', () => {
  it.each([
    ['assured-recovery', 'Assured Recovery'],
    ['suspend', 'Suspend'],
    ['none', 'Neither (backup will fail with AE0471)'],
  ] as const)('says %s as "%s"', (mode, label) => {
    expect(modeLabel(mode)).toBe(label);
  });

  it('names a job after its scenarios in order', () => {
    expect(defaultJobName([{ name: 'Payroll' }])).toBe('Backup Payroll');
    expect(defaultJobName([{ name: 'Mail' }, { name: 'Payroll' }])).toBe('Backup Mail, Payroll');
  });
});
