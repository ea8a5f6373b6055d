import type { ErrorInfo } from '../../../../electron/api/contract';
import { formatInstant } from '../replication-manager/backup-jobs';
import { formatBytes, formatCount } from '../replication-manager/format';
import type { SessionInfo } from './restore-types';

/** The Properties pane of a session: label and value, in the order an administrator reads them. */
export function sessionPropertyRows(info: SessionInfo): Array<[string, string]> {
  const { session, media, scenario } = info;
  const complete = session.state === 'complete' ? session : undefined;
  return [
    ['Session', String(session.number)],
    ['Scenario', `${scenario.name} (${scenario.type})`],
    ['Entity', session.entity],
    ['Master', session.masterHost],
    ['Media', media ? media.name : '—'],
    ['Media ID', session.mediaId],
    ['Started', formatInstant(session.startedAt)],
    ['Finished', session.state === 'writing' ? '—' : formatInstant(session.finishedAt)],
    ['State', session.state === 'failed' ? `failed: ${session.failure}` : session.state],
    ['Files', complete ? formatCount(complete.counts.files) : '—'],
    ['Folders', complete ? formatCount(complete.counts.directories) : '—'],
    ['Data', complete ? formatBytes(complete.counts.bytes) : '—'],
    ['Encrypted', session.encryption ? 'yes (a session password is asked at restore)' : 'no'],
    ['Compression', session.compression],
    ['Present on device', info.present ? 'yes' : 'no'],
  ];
}

/** The E3371 warning shown before anyone tries to restore a session whose file is not where the catalog says. */
export function missingSessionWarning(info: SessionInfo): ErrorInfo | undefined {
  if (info.present) return undefined;
  const mediaName = info.media?.name ?? 'unknown media';
  return {
    code: 'E3371',
    module: 'Restore task',
    message: `Cannot find the physical path of session ${info.session.number} (media ${mediaName}, ID ${info.session.mediaId}) on its device`,
    reason: 'The media or session recorded in the catalog is missing from its device.',
    action: 'Check that the device holding the media is available, or merge the media again. A restore of this session fails until then.',
  };
}
