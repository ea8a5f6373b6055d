import type { ReactElement } from 'react';
import { useJobStatus } from '../../store/job-status';
import { pageLabel } from './activity-pages';

/** Under the group list: which runs the page holds, and Newer / Older runs (polling stays on the page shown). */
export function ActivityPager(): ReactElement | null {
  const groups = useJobStatus((state) => state.groups);
  const offset = useJobStatus((state) => state.groupsPage.offset);
  const hasOlder = useJobStatus((state) => state.hasOlder);
  const paging = useJobStatus((state) => state.paging);
  const newerRuns = useJobStatus((state) => state.newerRuns);
  const olderRuns = useJobStatus((state) => state.olderRuns);
  if (!groups || (offset === 0 && !hasOlder)) return null;
  return (
    <nav className="activity-pager" aria-label="Job run pages">
      <button type="button" disabled={offset === 0 || paging} onClick={() => void newerRuns()}>
        Newer runs
      </button>
      <span className="muted" aria-live="polite">
        {paging ? 'Reading…' : pageLabel(offset, groups.length)}
      </span>
      <button type="button" disabled={!hasOlder || paging} onClick={() => void olderRuns()}>
        Older runs
      </button>
    </nav>
  );
}
