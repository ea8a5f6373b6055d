import { describe, expect, it } from 'vitest';
import { agentCodeFor, asAgentError } from '../../../engine/backup/agent-errors';
import { UserError } from '../../../engine/messages/user-error';
import { RemoteError } from '../../../engine/transport/connection';

describe('engine errors as a backup reports them', () => {
  it.each([
    ['E1204', 'AE0463'],
    ['E1205', 'AE0463'],
    ['E1201', 'AE0459'],
    ['E1008', 'AE0459'],
    ['E1003', 'AE0468'],
    ['E1505', 'AE0465'],
    ['E1503', 'AE0470'],
    ['E1099', 'AE0472'],
    [undefined, 'AE0472'],
  ])('%s → %s', (code, expected) => {
    expect(agentCodeFor(code)).toBe(expected);
  });

  it('keeps the engine’s words, maps a peer’s error by its code, and uses the fallback for unclassified ones', () => {
    const remote = new RemoteError(new UserError('E1505', 'the Replica of "Payroll" is not synchronized').toInfo());
    const mapped = asAgentError(remote);
    expect(mapped.code).toBe('AE0465');
    expect(mapped.message).toContain('is not synchronized');
    expect(asAgentError(new Error('disk full'), 'AE0460').code).toBe('AE0460');
    const already = new UserError('AE0469', 'late');
    expect(asAgentError(already)).toBe(already);
  });
});
