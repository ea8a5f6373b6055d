import { memo, useMemo, type ReactElement } from 'react';
import type { ChannelResponse } from '../../../../electron/api/contract';
import { formatBytes, formatCount, formatDateTime } from './format';
import { counted } from './protection-view';
import { POINTS_LIMIT } from './rewind-points';

/** Above the list: how many points it shows, how far back the journal reaches, and when the filter should be narrowed. */
export const RewindPointsInfo = memo(function RewindPointsInfo({ reply, loading }: { reply: ChannelResponse<'rewind.points'> | undefined; loading: boolean }): ReactElement {
  const bookmarks = useMemo(() => reply?.points.filter((point) => point.kind === 'bookmark').length ?? 0, [reply]);
  if (!reply) return <p className="directory-note">{loading ? 'Reading the rewind points…' : 'No rewind points read.'}</p>;
  const { journal } = reply;
  const reach = journal.oldestAt === null ? 'The journal is empty.' : `The journal reaches back to ${formatDateTime(journal.oldestAt)} (${formatCount(journal.entries)} entries, ${formatBytes(journal.bytes)}).`;
  return (
    <div className="points-info">
      <p>
        {counted(reply.points.length - bookmarks, 'operation')} and {counted(bookmarks, 'bookmark')}, newest first{loading ? ' (reading…)' : ''}. {reach}
        {!journal.recording && ' Data Rewind is off: no new points are recorded.'}
      </p>
      {reply.truncated && <p className="note">More than {formatCount(POINTS_LIMIT)} operations match: only the newest are listed; narrow the filter to reach older ones.</p>}
    </div>
  );
});
