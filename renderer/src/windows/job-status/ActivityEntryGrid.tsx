import { createColumnHelper, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { memo, useMemo, type KeyboardEvent, type ReactElement } from 'react';
import { VirtualGrid, type GridView } from '../../components/VirtualGrid';
import { formatInstant, type ActivityEntry } from '../replication-manager/backup-jobs';
import { indexAfterKey } from '../replication-manager/rewind-points';
import { hasDetails } from './message-details';

interface EntryRow {
  entry: ActivityEntry;
  job: string;
}

const column = createColumnHelper<EntryRow>();
const columns = [
  column.accessor((row) => row.entry.type, { id: 'type', header: 'Type', size: 110 }),
  column.accessor((row) => formatInstant(row.entry.time), { id: 'date', header: 'Date', size: 180 }),
  column.accessor('job', { header: 'Job', size: 200 }),
  column.accessor((row) => row.entry.session ?? '', { id: 'session', header: 'Session', size: 80 }),
  column.accessor((row) => (row.entry.code ? `${row.entry.code}: ${row.entry.message}` : row.entry.message), { id: 'message', header: 'Message', size: 640 }),
];

interface ActivityEntryGridProps {
  entries: readonly ActivityEntry[];
  jobOf(entry: ActivityEntry): string;
  selectedId: number | undefined;
  onSelect(id: number): void;
  /** Double-click or Enter on an Error or Warning. */
  onOpen(entry: ActivityEntry): void;
}

/**
 * One job run's entries, oldest first, virtualised (100,000 rows scroll smoothly). Arrows,
 * Page Up/Down, Home and End move the selection; Enter or a double-click on an Error or
 * Warning opens its details.
 */
export const ActivityEntryGrid = memo(function ActivityEntryGrid({ entries, jobOf, selectedId, onSelect, onOpen }: ActivityEntryGridProps): ReactElement {
  const rows = useMemo<EntryRow[]>(() => entries.map((entry) => ({ entry, job: jobOf(entry) })), [entries, jobOf]);
  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), getRowId: (row) => String(row.entry.id) });
  const selectedIndex = useMemo(() => {
    const index = rows.findIndex((row) => row.entry.id === selectedId);
    return index < 0 ? undefined : index;
  }, [rows, selectedId]);
  const open = (entry: ActivityEntry): void => {
    if (hasDetails(entry)) onOpen(entry);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>, view: GridView): void => {
    const selected = selectedIndex === undefined ? undefined : rows[selectedIndex];
    if (event.key === 'Enter' && selected) {
      event.preventDefault();
      open(selected.entry);
      return;
    }
    const next = indexAfterKey(selectedIndex, event.key, rows.length, view.rowsPerPage);
    const row = next === undefined ? undefined : rows[next];
    if (next === undefined || !row) return;
    event.preventDefault();
    onSelect(row.entry.id);
    view.scrollToIndex(next);
  };

  return (
    <VirtualGrid
      table={table}
      label="Activity entries"
      className="activity-grid"
      scrollerClassName="activity-scroller"
      role="grid"
      tabIndex={0}
      aria-activedescendant={selectedId === undefined ? undefined : `activity-entry-${selectedId}`}
      onKeyDown={onKeyDown}
      rowProps={(row) => ({
        id: `activity-entry-${row.id}`,
        'aria-selected': row.original.entry.id === selectedId,
        className: [`activity-${row.original.entry.type.toLowerCase()}`, row.original.entry.id === selectedId && 'selected'].filter(Boolean).join(' '),
        title: hasDetails(row.original.entry) ? 'Double-click or press Enter for the details' : undefined,
        onClick: () => onSelect(row.original.entry.id),
        onDoubleClick: () => open(row.original.entry),
      })}
      cellProps={(cell) => ({ title: cell.column.id === 'message' ? String(cell.getValue()) : undefined })}
    />
  );
});
