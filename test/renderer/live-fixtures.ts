import { DEFAULT_REPLICATION_OPTIONS } from '../../engine/scenario/options';
import type { ErrorInfo, LinkStatus, Scenario } from '../../electron/api/contract';

export function link(patch: Partial<LinkStatus> = {}): LinkStatus {
  return {
    replicaId: 'r1',
    host: 'dr01',
    state: 'replicating',
    spoolRecords: 0,
    spoolBytes: 0,
    lagMs: 0,
    appliedSeq: 0,
    recordsSent: 0,
    bytesSent: 0,
    ...patch,
  };
}

export function errorInfo(code: string, message: string): ErrorInfo {
  return { code, module: 'Engine connection', message, reason: 'r', action: 'a' };
}

export function scenario(id: string, status: Scenario['status']): Scenario {
  return {
    id,
    name: `Scenario ${id}`,
    type: 'FileServer',
    group: 'Scenarios',
    master: { host: 'localhost', port: 25000, roots: ['/data'] },
    replicas: [{ id: 'r1', host: 'dr01', port: 25000, target: '/replica' }],
    status,
    options: { ...DEFAULT_REPLICATION_OPTIONS },
    createdAt: '2026-11-26T00:00:00.000Z',
    updatedAt: '2026-11-26T00:00:00.000Z',
  };
}
