import { useCallback, useMemo, useState, type ReactElement } from 'react';
import { useJobStatus } from '../../store/job-status';
import type { ActivityEntry } from '../replication-manager/backup-jobs';
import { activityCsv, csvFileName } from './activity-csv';
import { ACTIVITY_TYPES, filterEntries, typeFilterLabel } from './activity-filter';
import { ActivityEntryGrid } from './ActivityEntryGrid';
import { ActivityGroupList } from './ActivityGroupList';
import { ActivityPager } from './ActivityPager';
import { entryTotal } from './activity-groups';
import { ENTRIES_PAGE, entriesMoreNote } from './activity-pages';
import { messageDetails, type MessageDetails } from './message-details';
import { MessageDetailsDialog } from './MessageDetailsDialog';

const NO_ENTRIES: readonly ActivityEntry[] = [];

/** Offers text as a file download (the browser's own Save). */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Activity Log tab: the job runs, newest first; the chosen run's entries, filtered by type and message text. */
export function ActivityLogTab(): ReactElement {
  const groups = useJobStatus((state) => state.groups);
  const selectedRunId = useJobStatus((state) => state.selectedRunId);
  const group = useJobStatus((state) => state.selectedGroup);
  const runEntries = useJobStatus((state) => (state.selectedRunId === undefined ? undefined : state.entries[state.selectedRunId]));
  const loadingEntries = useJobStatus((state) => state.loadingEntries);
  const loadMoreEntries = useJobStatus((state) => state.loadMoreEntries);
  const read = runEntries?.items;
  const filter = useJobStatus((state) => state.filter);
  const selectRun = useJobStatus((state) => state.selectRun);
  const setTypeShown = useJobStatus((state) => state.setTypeShown);
  const setSearch = useJobStatus((state) => state.setSearch);
  const [selectedEntryId, setSelectedEntryId] = useState<number | undefined>();
  const [details, setDetails] = useState<MessageDetails | undefined>();

  const jobName = group?.jobName ?? '—';
  const jobOf = useCallback((): string => jobName, [jobName]);
  const shown = useMemo(() => filterEntries(read ?? NO_ENTRIES, filter), [read, filter]);
  const open = useCallback((entry: ActivityEntry) => setDetails(messageDetails(entry)), []);
  const more = runEntries && group ? entriesMoreNote(runEntries, entryTotal(group)) : undefined;

  return (
    <div className="activity-log">
      <section className="activity-groups-pane" aria-label="Activity Log groups">
        <div className="activity-groups-list">
          {groups ? <ActivityGroupList groups={groups} selectedRunId={selectedRunId} onSelect={selectRun} /> : <p className="empty">Reading the Activity Log…</p>}
        </div>
        <ActivityPager />
      </section>
      <section className="activity-entries-pane" aria-label="Activity Log entries">
        <div className="activity-filters" role="group" aria-label="Activity filters">
          {ACTIVITY_TYPES.map((type) => (
            <label key={type}>
              <input type="checkbox" checked={filter.types[type]} onChange={(event) => setTypeShown(type, event.target.checked)} /> {typeFilterLabel(type)}
            </label>
          ))}
          <input type="search" aria-label="Search messages" placeholder="Search messages" value={filter.search} onChange={(event) => setSearch(event.target.value)} />
          <span className="muted" aria-label="Entries shown">
            {read ? `${shown.length.toLocaleString('en-US')} of ${read.length.toLocaleString('en-US')} entries` : ''}
          </span>
          <button type="button" disabled={!group || shown.length === 0} onClick={() => group && download(csvFileName(group.runId), activityCsv(shown, jobOf))}>
            Export CSV
          </button>
        </div>
        {more && (
          <div className="activity-more" role="group" aria-label="More entries">
            <span>{loadingEntries ? `Reading entries… ${(read?.length ?? 0).toLocaleString('en-US')} read.` : more}</span>
            <button type="button" disabled={loadingEntries} onClick={() => void loadMoreEntries(false)}>
              Load {ENTRIES_PAGE.toLocaleString('en-US')} more
            </button>
            <button type="button" disabled={loadingEntries} onClick={() => void loadMoreEntries(true)}>
              Load all
            </button>
          </div>
        )}
        {!group && <p className="empty">Select a job run to see its entries.</p>}
        {group && !read && <p className="empty">Reading the entries…</p>}
        {group && read && <ActivityEntryGrid entries={shown} jobOf={jobOf} selectedId={selectedEntryId} onSelect={setSelectedEntryId} onOpen={open} />}
      </section>
      {details && <MessageDetailsDialog details={details} onClose={() => setDetails(undefined)} />}
    </div>
  );
}
