import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, type KeyboardEvent, type ReactElement } from 'react';
import { formatInstant, type ActivityEntry } from '../replication-manager/backup-jobs';
import { indexAfterKey } from '../replication-manager/rewind-points';
import { hasDetails } from './message-details';

/** Every row's height (job-status.css: .activity-grid tbody tr). */
const ROW_HEIGHT = 24;
/** Rows kept above and below the view. */
const OVERSCAN = 8;

interface EntryRow {
  entry: ActivityEntry;
  job: string;
}

const column = createColumnHelper<EntryRow>();
/** Widths come from job-status.css (.activity-col-…), so every cell of a column shares one style. */
const columns = [
  column.accessor((row) => row.entry.type, { id: 'type', header: 'Type' }),
  column.accessor((row) => formatInstant(row.entry.time), { id: 'date', header: 'Date' }),
  column.accessor('job', { header: 'Job' }),
  column.accessor((row) => row.entry.session ?? '', { id: 'session', header: 'Session' }),
  column.accessor((row) => (row.entry.code ? `${row.entry.code}: ${row.entry.message}` : row.entry.message), { id: 'message', header: 'Message' }),
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
 * One job run's entries, oldest first, virtualised so 100,000 rows scroll and filter
 * smoothly: the table model holds only the rows in view (building it for every entry took
 * most of a second at 100,000), they are placed by one transform of their body, and each
 * keeps its element by its place in the view (scrolling changes their text, it does not
 * create rows). Arrows, Page Up/Down, Home and End move the selection; Enter or a
 * double-click on an Error or Warning opens its details.
 */
export const ActivityEntryGrid = memo(function ActivityEntryGrid({ entries, jobOf, selectedId, onSelect, onOpen }: ActivityEntryGridProps): ReactElement {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: entries.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: OVERSCAN });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const end = (items[items.length - 1]?.index ?? -1) + 1;
  const inView = useMemo<EntryRow[]>(() => entries.slice(first, end).map((entry) => ({ entry, job: jobOf(entry) })), [entries, first, end, jobOf]);
  const table = useReactTable({ data: inView, columns, getCoreRowModel: getCoreRowModel(), getRowId: (row) => String(row.entry.id) });
  const tableRows = table.getRowModel().rows;
  const selectedIndex = useMemo(() => {
    const index = entries.findIndex((entry) => entry.id === selectedId);
    return index < 0 ? undefined : index;
  }, [entries, selectedId]);
  const open = (entry: ActivityEntry): void => {
    if (hasDetails(entry)) onOpen(entry);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>): void => {
    const selected = selectedIndex === undefined ? undefined : entries[selectedIndex];
    if (event.key === 'Enter' && selected) {
      event.preventDefault();
      open(selected);
      return;
    }
    const rowsPerPage = Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1;
    const next = indexAfterKey(selectedIndex, event.key, entries.length, rowsPerPage);
    const entry = next === undefined ? undefined : entries[next];
    if (next === undefined || !entry) return;
    event.preventDefault();
    onSelect(entry.id);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const top = items[0]?.start ?? 0;
  return (
    <div className="activity-scroller" ref={scroller}>
      <table
        role="grid"
        className="grid activity-grid"
        aria-label="Activity entries"
        aria-rowcount={entries.length + 1}
        tabIndex={0}
        aria-activedescendant={selectedId === undefined ? undefined : `activity-entry-${selectedId}`}
        onKeyDown={onKeyDown}
        style={{ height: virtualizer.getTotalSize() + ROW_HEIGHT }}
      >
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className={`activity-col-${header.column.id}`}>
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody style={{ transform: `translateY(${top}px)` }}>
          {tableRows.map((row, place) => {
            const entry = row.original.entry;
            const selected = entry.id === selectedId;
            return (
              // Keyed by its place in the view: scrolling reuses the row elements.
              <tr
                key={place}
                id={`activity-entry-${entry.id}`}
                aria-rowindex={first + place + 2}
                aria-selected={selected}
                className={selected ? `activity-${entry.type.toLowerCase()} selected` : `activity-${entry.type.toLowerCase()}`}
                title={hasDetails(entry) ? 'Double-click or press Enter for the details' : undefined}
                onClick={() => onSelect(entry.id)}
                onDoubleClick={() => open(entry)}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.column.id} role="gridcell" className={`activity-col-${cell.column.id}`} title={cell.column.id === 'message' ? String(cell.getValue()) : undefined}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
});
