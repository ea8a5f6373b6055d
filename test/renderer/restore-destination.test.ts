import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DESTINATION,
  describeDestination,
  destinationErrorsByField,
  parentFolder,
  parseDestination,
  type DestinationForm,
} from '../../renderer/src/windows/restore-manager/restore-destination';

describe('the Destination tab → the restore destination', () => {
  it('is the original location on the Replica by default', () => {
    expect(parseDestination(DEFAULT_DESTINATION)).toEqual({ ok: true, destination: { kind: 'original', to: 'replica' } });
  });

  it('restores to the Master when chosen', () => {
    expect(parseDestination({ ...DEFAULT_DESTINATION, to: 'master' })).toEqual({ ok: true, destination: { kind: 'original', to: 'master' } });
  });

  it.each<[Partial<DestinationForm>, unknown]>([
    [{ host: ' localhost ', folder: '/tmp/restore ' }, { kind: 'alternate', host: 'localhost', folder: '/tmp/restore' }],
    [{ host: 'files01', folder: 'D:\\Restore' }, { kind: 'alternate', host: 'files01', folder: 'D:\\Restore' }],
    [{ host: 'files01', folder: '\\\\nas\\restore' }, { kind: 'alternate', host: 'files01', folder: '\\\\nas\\restore' }],
  ])('an alternate location %j is %j', (patch, destination) => {
    expect(parseDestination({ ...DEFAULT_DESTINATION, original: false, ...patch })).toEqual({ ok: true, destination });
  });

  it.each<[Partial<DestinationForm>, string[]]>([
    [{ host: '', folder: '/tmp/x' }, ['host']],
    [{ host: 'two words', folder: '/tmp/x' }, ['host']],
    [{ host: 'localhost', folder: '' }, ['folder']],
    [{ host: 'localhost', folder: 'relative/folder' }, ['folder']],
    [{ host: '', folder: 'x' }, ['folder', 'host']],
  ])('refuses %j with errors on %j', (patch, fields) => {
    const parsed = parseDestination({ ...DEFAULT_DESTINATION, original: false, ...patch });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(Object.keys(parsed.errors).sort()).toEqual(fields);
  });

  it('ignores the alternate fields while the original location is chosen', () => {
    expect(parseDestination({ original: true, to: 'replica', host: '', folder: 'not absolute' }).ok).toBe(true);
  });
});

describe('naming a destination', () => {
  it.each([
    [{ kind: 'original', to: 'replica' } as const, 'Original location on the Replica'],
    [{ kind: 'original', to: 'master' } as const, 'Original location on the Master'],
    [{ kind: 'alternate', host: 'files01', folder: '/restore' } as const, '/restore on files01'],
  ])('%j reads "%s"', (destination, text) => {
    expect(describeDestination(destination)).toBe(text);
  });

  it('puts the engine field errors on the host and folder fields', () => {
    expect(destinationErrorsByField({ 'draft.spec.destination.folder': 'not absolute', 'credentials.0.user': 'x' })).toEqual({ folder: 'not absolute' });
  });
});

describe('the folder browser going up', () => {
  it.each<[string, string | undefined]>([
    ['/srv/restore/a', '/srv/restore'],
    ['/srv/', '/'],
    ['/srv', '/'],
    ['/', undefined],
    ['D:\\Restore\\a', 'D:\\Restore'],
    ['D:\\Restore', 'D:\\'],
    ['D:\\', undefined],
    ['\\\\nas\\share\\x', '\\\\nas\\share'],
    ['\\\\nas\\share', undefined],
  ])('from %s goes to %s', (folder, parent) => {
    expect(parentFolder(folder)).toBe(parent);
  });
});
