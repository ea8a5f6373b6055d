import { describe, expect, it } from 'vitest';
import type { ErrorInfo } from '../../electron/api/contract';
import type { BackupSource } from '../../renderer/src/windows/backup-manager/backup-types';
import { asksForCredentials, DEFAULT_FOLDER_FORM, folderOf, parseFolderForm } from '../../renderer/src/windows/backup-manager/folder-source-form';
import { checkedCount, folderSources, scenarioSources, selectedSources, toggleScenario } from '../../renderer/src/windows/backup-manager/source-selection';
import { DEFAULT_DESTINATION, parseDestination } from '../../renderer/src/windows/restore-manager/restore-destination';

const scenario = (id: string, name: string): BackupSource => ({
  id,
  source: 'scenario',
  roots: ['/srv/payroll'],
  name,
  type: 'FileServer',
  master: 'localhost',
  replicas: ['localhost'],
  mode: 'suspend',
  registeredAt: '2026-03-01T09:00:00.000Z',
});
const folder = (id: string, host: string, path: string): BackupSource => ({
  id,
  source: 'folder',
  roots: [path],
  name: `${path} on ${host}`,
  type: 'FileServer',
  master: host,
  replicas: [],
  mode: 'none',
  registeredAt: '2026-03-02T09:00:00.000Z',
});
const error = (code: string): ErrorInfo => ({ code, module: 'Agent', message: 'refused', reason: 'r', action: 'a' });

describe('the Source tree with folder sources', () => {
  const sources = [scenario('a', 'Payroll'), folder('f1', 'files01', '/srv/shares'), scenario('b', 'Mail'), folder('f2', 'localhost', '/home/docs')];

  it('lists scenarios under Replication Scenarios and folders under Folders, each in catalog order', () => {
    expect(scenarioSources(sources).map((source) => source.id)).toEqual(['a', 'b']);
    expect(folderSources(sources).map((source) => source.id)).toEqual(['f1', 'f2']);
  });

  it('keeps one selection order across both kinds', () => {
    let selected = toggleScenario([], 'f2');
    selected = toggleScenario(selected, 'a');
    selected = toggleScenario(selected, 'f1');
    expect(selectedSources(sources, selected).map((source) => source.name)).toEqual(['/home/docs on localhost', 'Payroll', '/srv/shares on files01']);
  });

  it('counts the checked sources of each root', () => {
    const selected = ['f2', 'a', 'f1'];
    expect(checkedCount(scenarioSources(sources), selected)).toBe(1);
    expect(checkedCount(folderSources(sources), selected)).toBe(2);
    expect(checkedCount(folderSources(sources), [])).toBe(0);
  });

  it('says where a folder source reads from', () => {
    expect(folderOf(folder('f1', 'files01', '/srv/shares'))).toEqual({ host: 'files01', folder: '/srv/shares' });
  });
});

describe('Add folder…', () => {
  it('proposes this machine', () => {
    expect(DEFAULT_FOLDER_FORM).toEqual({ host: 'localhost', path: '' });
  });

  it.each([
    [{ host: ' localhost ', path: ' /srv/shares ' }, { host: 'localhost', path: '/srv/shares' }],
    [{ host: 'files01', path: 'D:\\Shares' }, { host: 'files01', path: 'D:\\Shares' }],
    [{ host: 'files01', path: '\\\\nas\\shares' }, { host: 'files01', path: '\\\\nas\\shares' }],
  ])('takes %j as the draft %j', (form, draft) => {
    expect(parseFolderForm(form)).toEqual({ ok: true, draft });
  });

  it.each<[{ host: string; path: string }, string[]]>([
    [{ host: '', path: '/srv/x' }, ['host']],
    [{ host: 'two words', path: '/srv/x' }, ['host']],
    [{ host: 'localhost', path: '' }, ['path']],
    [{ host: 'localhost', path: 'relative/folder' }, ['path']],
    [{ host: 'localhost', path: `/${'x'.repeat(4000)}` }, ['path']],
    [{ host: ' ', path: 'x' }, ['host', 'path']],
  ])('refuses %j with errors on %j', (form, fields) => {
    const parsed = parseFolderForm(form);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(Object.keys(parsed.errors).sort()).toEqual(fields);
  });

  it('asks for the host engine credentials only when the engine refused for want of them (AE0459)', () => {
    expect(asksForCredentials(error('AE0459'))).toBe(true);
    expect(asksForCredentials(error('E3389'))).toBe(false);
    expect(asksForCredentials(error('AE0463'))).toBe(false);
  });
});

describe('restoring a folder source to its original location', () => {
  it('goes to the Master (its folder on its host) whatever was chosen: a folder source has no Replica', () => {
    expect(parseDestination({ ...DEFAULT_DESTINATION, folderSource: true })).toEqual({ ok: true, destination: { kind: 'original', to: 'master' } });
    expect(parseDestination({ ...DEFAULT_DESTINATION, folderSource: true, to: 'master' })).toEqual({ ok: true, destination: { kind: 'original', to: 'master' } });
  });

  it('keeps the Replica default for scenarios, and an alternate location for either', () => {
    expect(parseDestination(DEFAULT_DESTINATION)).toEqual({ ok: true, destination: { kind: 'original', to: 'replica' } });
    expect(parseDestination({ ...DEFAULT_DESTINATION, folderSource: true, original: false, folder: '/tmp/restore' })).toEqual({
      ok: true,
      destination: { kind: 'alternate', host: 'localhost', folder: '/tmp/restore' },
    });
  });
});
