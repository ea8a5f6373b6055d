import { describe, expect, it } from 'vitest';
import type { ScenarioDraft } from '../../../engine/scenario/model';
import { validateScenarioDraft, type ValidationContext } from '../../../engine/scenario/validation';

const LOCAL_NAMES = ['workstation-7', '192.0.2.2', 'fd00::2'];
const CONTEXT: ValidationContext = { existingNames: ['Payroll', 'File Share'], localNames: LOCAL_NAMES };

function draft(overrides: Partial<ScenarioDraft> = {}): ScenarioDraft {
  return {
    name: 'Accounts',
    type: 'FileServer',
    master: { host: 'fs01', roots: ['C:\\Data'] },
    replicas: [{ host: 'fs02', target: 'D:\\Replica' }],
    ...overrides,
  };
}

describe('validateScenarioDraft', () => {
  it('a valid draft gives no errors', () => {
    expect(validateScenarioDraft(draft(), CONTEXT)).toEqual({});
  });

  it('a valid draft with several roots and replicas gives no errors', () => {
    const result = validateScenarioDraft(
      draft({
        master: { host: 'fs01', roots: ['C:\\Data', 'C:\\Data2', '\\\\nas\\share'] },
        replicas: [
          { host: 'fs02', target: 'D:\\Replica' },
          { host: 'fs03', target: 'D:\\Replica' },
          { host: 'fs02', target: 'D:\\Replica2' },
        ],
      }),
      CONTEXT,
    );
    expect(result).toEqual({});
  });

  it('a duplicate name, ignoring case, is reported on "name"', () => {
    expect(validateScenarioDraft(draft({ name: 'payroll' }), CONTEXT)).toEqual({ name: 'A scenario named "payroll" already exists.' });
  });

  it('an empty name and an empty Master host are reported on their fields', () => {
    expect(validateScenarioDraft(draft({ name: ' ', master: { host: '', roots: ['C:\\Data'] } }), CONTEXT)).toEqual({
      name: 'Enter a scenario name.',
      'master.host': 'Enter a host name or IP address.',
    });
  });

  it('a draft with no root directory is reported on "master.roots"', () => {
    expect(validateScenarioDraft(draft({ master: { host: 'fs01', roots: [] } }), CONTEXT)).toEqual({
      'master.roots': 'Add at least one root directory.',
    });
  });

  it.each([
    [['C:\\Data', 'Data'], 'master.roots.1', '"Data" is not an absolute path (for example C:\\Data or /srv/data).'],
    [['', 'C:\\Data'], 'master.roots.0', 'Enter a directory.'],
    [['C:\\Data', 'D:\\x', 'C:\\Data\\..\\Windows'], 'master.roots.2', 'A directory cannot contain "..".'],
  ])('roots %j: a bad root is reported on its index', (roots, key, message) => {
    expect(validateScenarioDraft(draft({ master: { host: 'fs01', roots } }), CONTEXT)).toEqual({ [key]: message });
  });

  it.each([
    [['C:\\Data', 'C:\\Data\\Sub'], 'master.roots.1', 'C:\\Data'],
    [['C:\\Data\\Sub', 'c:\\data'], 'master.roots.1', 'C:\\Data\\Sub'],
    [['C:\\Data', 'D:\\Other', 'C:\\DATA\\'], 'master.roots.2', 'C:\\Data'],
    [['/srv/data', '/srv/data/x'], 'master.roots.1', '/srv/data'],
  ])('roots %j overlap: the later root is reported, naming the earlier one', (roots, key, earlier) => {
    expect(validateScenarioDraft(draft({ master: { host: 'fs01', roots } }), CONTEXT)).toEqual({
      [key]: `Overlaps the root directory "${earlier}"; list each directory once.`,
    });
  });

  it.each([[['C:\\Data', 'C:\\Data2']], [['/srv/data', '/srv/Data']], [['C:\\Data', '/Data']]])('roots %j do not overlap', (roots) => {
    expect(validateScenarioDraft(draft({ master: { host: 'fs01', roots } }), CONTEXT)).toEqual({});
  });

  it('an invalid root is not also reported as overlapping', () => {
    const errors = validateScenarioDraft(draft({ master: { host: 'fs01', roots: ['C:\\Data', 'C:\\Data\\..'] } }), CONTEXT);
    expect(errors).toEqual({ 'master.roots.1': 'A directory cannot contain "..".' });
  });

  it('a draft with no Replica is reported on "replicas"', () => {
    expect(validateScenarioDraft(draft({ replicas: [] }), CONTEXT)).toEqual({ replicas: 'Add at least one Replica.' });
  });

  it('a bad Replica host and target are reported on their own keys', () => {
    const errors = validateScenarioDraft(
      draft({
        replicas: [
          { host: 'fs02', target: 'D:\\Replica' },
          { host: 'bad host', target: 'Replica' },
        ],
      }),
      CONTEXT,
    );
    expect(errors).toEqual({
      'replicas.1.host': '"bad host" is not a valid host name or IP address.',
      'replicas.1.target': '"Replica" is not an absolute path (for example C:\\Data or /srv/data).',
    });
  });

  it('every problem of a draft is reported at once', () => {
    const errors = validateScenarioDraft(
      { name: '', type: 'FileServer', master: { host: '-x', roots: [] }, replicas: [] },
      CONTEXT,
    );
    expect(Object.keys(errors).sort()).toEqual(['master.host', 'master.roots', 'name', 'replicas']);
    for (const message of Object.values(errors)) expect(message.length).toBeGreaterThan(0);
  });

  describe('a Replica on the same host as the Master', () => {
    it.each([
      ['localhost', 'localhost'],
      ['localhost', '127.0.0.1'],
      ['127.0.0.1', 'LOCALHOST'],
      ['localhost', '::1'],
      ['[::1]', 'localhost'],
      ['localhost', 'workstation-7'],
      ['WORKSTATION-7', '127.0.0.1'],
      ['192.0.2.2', 'localhost'],
      ['fs01', 'FS01'],
      ['fs01', ' fs01 '],
    ])('Master %j, Replica %j: a Replica target inside a Master root is rejected', (masterHost, replicaHost) => {
      const errors = validateScenarioDraft(
        draft({ master: { host: masterHost, roots: ['C:\\Data'] }, replicas: [{ host: replicaHost, target: 'c:\\data\\Replica' }] }),
        CONTEXT,
      );
      expect(errors).toEqual({
        'replicas.0.target': 'On the same host, the Replica target cannot be inside the Master root "C:\\Data" or contain it.',
      });
    });

    it.each([
      ['C:\\', 'C:\\Data'],
      ['C:\\Data', 'C:\\Data'],
      ['C:\\Data\\', 'C:\\Data'],
      ['/srv', '/srv/data'],
    ])('a Replica target %j that contains or equals the Master root %j is rejected', (target, root) => {
      const errors = validateScenarioDraft(
        draft({ master: { host: 'localhost', roots: ['E:\\Other', root] }, replicas: [{ host: '127.0.0.1', target }] }),
        CONTEXT,
      );
      expect(errors).toEqual({
        'replicas.0.target': `On the same host, the Replica target cannot be inside the Master root "${root}" or contain it.`,
      });
    });

    it('a Replica target beside the Master root (sibling prefix) is accepted', () => {
      const errors = validateScenarioDraft(
        draft({ master: { host: 'localhost', roots: ['C:\\Data'] }, replicas: [{ host: '127.0.0.1', target: 'C:\\Data2' }] }),
        CONTEXT,
      );
      expect(errors).toEqual({});
    });

    it('a bracketed and a bare spelling of one IPv6 address are the same host', () => {
      const errors = validateScenarioDraft(
        draft({ master: { host: '2001:db8::1', roots: ['C:\\Data'] }, replicas: [{ host: '[2001:db8::1]', target: 'C:\\Data\\Replica' }] }),
        CONTEXT,
      );
      expect(Object.keys(errors)).toEqual(['replicas.0.target']);
    });
  });

  it.each([
    ['fs01', 'fs02'],
    ['localhost', 'fs02'],
    ['workstation-7', 'workstation-8'],
    ['127.0.0.1', '10.0.0.1'],
  ])('Master %j, Replica %j: different hosts may use the same path', (masterHost, replicaHost) => {
    const errors = validateScenarioDraft(
      draft({ master: { host: masterHost, roots: ['C:\\Data'] }, replicas: [{ host: replicaHost, target: 'C:\\Data' }] }),
      CONTEXT,
    );
    expect(errors).toEqual({});
  });

  it('a machine name is only "this machine" when it is among the local names', () => {
    const sameTarget = draft({ master: { host: 'localhost', roots: ['C:\\Data'] }, replicas: [{ host: 'workstation-7', target: 'C:\\Data' }] });
    expect(validateScenarioDraft(sameTarget, { existingNames: [], localNames: [] })).toEqual({});
    expect(Object.keys(validateScenarioDraft(sameTarget, { existingNames: [], localNames: ['workstation-7'] }))).toEqual(['replicas.0.target']);
  });

  it.each([
    ['fs02', 'FS02', 'D:\\Replica', 'd:\\replica\\sub'],
    ['fs02', 'fs02', 'D:\\Replica\\Sub', 'D:\\Replica'],
    ['fs02', 'fs02', 'D:\\Replica', 'D:\\Replica\\'],
    ['localhost', '127.0.0.1', '/srv/copy', '/srv/copy/a'],
    ['workstation-7', '::1', 'E:\\A', 'E:\\'],
  ])('two Replicas on one host (%j, %j) with overlapping targets %j, %j are rejected', (firstHost, secondHost, firstTarget, secondTarget) => {
    const errors = validateScenarioDraft(
      draft({
        replicas: [
          { host: firstHost, target: firstTarget },
          { host: secondHost, target: secondTarget },
        ],
      }),
      CONTEXT,
    );
    expect(errors).toEqual({ 'replicas.1.target': `Overlaps the target of another Replica on the same host ("${firstTarget}").` });
  });

  it('two Replicas on different hosts may share a target, and one host may hold sibling targets', () => {
    const errors = validateScenarioDraft(
      draft({
        replicas: [
          { host: 'fs02', target: 'D:\\Replica' },
          { host: 'fs03', target: 'D:\\Replica' },
          { host: 'fs02', target: 'D:\\Replica2' },
        ],
      }),
      CONTEXT,
    );
    expect(errors).toEqual({});
  });

  it('the same-host Master clash is reported before a sibling Replica overlap', () => {
    const errors = validateScenarioDraft(
      draft({
        master: { host: 'localhost', roots: ['C:\\Data'] },
        replicas: [
          { host: 'fs02', target: 'C:\\Data\\R' },
          { host: 'localhost', target: 'C:\\Data\\R' },
        ],
      }),
      { existingNames: [], localNames: [] },
    );
    expect(errors).toEqual({
      'replicas.1.target': 'On the same host, the Replica target cannot be inside the Master root "C:\\Data" or contain it.',
    });
  });
});
