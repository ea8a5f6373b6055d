import type { SessionInfo } from '../../renderer/src/windows/restore-manager/restore-types';

/** A complete FileServer session as restore.session describes it; `patch` changes the session, `info` the rest. */
export function sessionInfo(number: number, patch: Partial<SessionInfo> = {}, encrypted = false): SessionInfo {
  return {
    session: {
      state: 'complete',
      number,
      runId: 1,
      scenarioId: 's1',
      masterHost: 'localhost',
      entity: 'Volume /srv/payroll',
      mediaId: 'm1',
      devicePath: '/backups',
      archiveFile: `session-${number}.tar`,
      archiveOffset: 0,
      compression: 'gzip',
      encryption: encrypted ? { kdf: 'scrypt log2N=15 r=8 p=1', salt: new Uint8Array(16), keyCheck: new Uint8Array(32) } : null,
      startedAt: '2026-11-26T10:00:00.000Z',
      finishedAt: '2026-11-26T10:01:00.000Z',
      archiveSize: 4096,
      sha256: 'a'.repeat(64),
      counts: { files: 12, directories: 3, bytes: 123_456 },
    },
    media: { id: 'm1', name: 'BACKUP-2026-11-26-0001', sequence: 1, pool: null, groupId: 1, deviceId: 1, createdAt: '2026-11-26T10:00:00.000Z' },
    scenario: { id: 's1', name: 'Payroll', type: 'FileServer' },
    roots: ['/srv/payroll'],
    present: true,
    ...patch,
  };
}
