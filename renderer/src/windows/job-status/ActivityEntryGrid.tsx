import { createColumnHelper } from '@tanstack/react-table';
import { memo, useMemo, type KeyboardEvent, type ReactElement } from 'react';
import { VirtualGrid, type GridView } from '../../components/VirtualGrid';
import { formatInstant, type ActivityEntry } from '../replication-manager/backup-jobs';
import { indexAfterKey } from '../replication-manager/rewind-points';
import { hasDetails } from './message-details';

const column = createColumnHelper<ActivityEntry>();
const entryId = (entry: ActivityEntry): string => String(entry.id);

interface ActivityEntryGridProps {
  entries: readonly ActivityEntry[];
  jobOf(entry: ActivityEntry): string;
  selectedId: number | undefined;
  onSelect(id: number): void;
  /** Double-click or Enter on an Error or Warning. */
  onOpen(entry: ActivityEntry): void;
}

/**
 * One job run's entries, oldest first, in a VirtualGrid (100,000 rows scroll and filter
 * smoothly). Arrows, Page Up/Down, Home and End move the selection; Enter or a double-click
 * on an Error or Warning opens its details.
 */
export const ActivityEntryGrid = memo(function ActivityEntryGrid({ entries, jobOf, selectedId, onSelect, onOpen }: ActivityEntryGridProps): ReactElement {
  const columns = useMemo(
    () => [
      column.accessor('type', { header: 'Type', size: 110 }),
      column.accessor((entry) => formatInstant(entry.time), { id: 'date', header: 'Date', size: 180 }),
      column.accessor((entry) => jobOf(entry), { id: 'job', header: 'Job', size: 200 }),
      column.accessor((entry) => entry.session ?? '', { id: 'session', header: 'Session', size: 80 }),
      column.accessor((entry) => (entry.code ? `${entry.code}: ${entry.message}` : entry.message), { id: 'message', header: 'Message', minSize: 240 }),
    ],
    [jobOf],
  );
  const selectedIndex = useMemo(() => {
    const index = entries.findIndex((entry) => entry.id === selectedId);
    return index < 0 ? undefined : index;
  }, [entries, selectedId]);
  const open = (entry: ActivityEntry): void => {
    if (hasDetails(entry)) onOpen(entry);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>, view: GridView): void => {
    const selected = selectedIndex === undefined ? undefined : entries[selectedIndex];
    if (event.key === 'Enter' && selected) {
      event.preventDefault();
      open(selected);
      return;
    }
    const next = indexAfterKey(selectedIndex, event.key, entries.length, view.rowsPerPage);
    const entry = next === undefined ? undefined : entries[next];
    if (next === undefined || !entry) return;
    event.preventDefault();
    onSelect(entry.id);
    view.scrollToIndex(next);
  };

  return (
    <VirtualGrid
      rows={entries}
      columns={columns}
      getRowId={entryId}
      label="Activity entries"
      className="activity-grid"
      scrollerClassName="activity-scroller"
      role="grid"
      tabIndex={0}
      aria-activedescendant={selectedId === undefined ? undefined : `activity-entry-${selectedId}`}
      onKeyDown={onKeyDown}
      rowProps={({ original: entry }) => ({
        id: `activity-entry-${entry.id}`,
        'aria-selected': entry.id === selectedId,
        className: entry.id === selectedId ? `activity-${entry.type.toLowerCase()} selected` : `activity-${entry.type.toLowerCase()}`,
        title: hasDetails(entry) ? 'Double-click or press Enter for the details' : undefined,
        onClick: () => onSelect(entry.id),
        onDoubleClick: () => open(entry),
      })}
      cellProps={(cell) => ({ title: cell.column.id === 'message' ? String(cell.getValue()) : undefined })}
    />
  );
});
