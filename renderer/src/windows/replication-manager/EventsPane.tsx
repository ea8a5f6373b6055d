import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useDeferredValue, useMemo, useRef, useState, type ReactElement } from 'react';
import type { EngineEvent, Severity } from '../../../../electron/api/contract';
import { GridHead } from '../../components/GridHead';
import { filterEvents } from './events-filter';
import { useEvents } from '../../store/events';

const column = createColumnHelper<EngineEvent>();
const columns = [
  column.accessor('time', { header: 'Time', cell: (info) => new Date(info.getValue()).toLocaleString(), size: 180 }),
  column.accessor('host', { header: 'Host', size: 140 }),
  column.accessor('severity', { header: 'Severity', size: 90 }),
  column.accessor((event) => (event.code ? `${event.code}: ${event.text}` : event.text), { id: 'text', header: 'Event', size: 600 }),
];

const ROW_HEIGHT = 24;

/**
 * Bottom pane: every significant event, newest first, errors in bold; virtualised for 100,000 rows.
 * Memoised and fed only by the events store, so the window re-rendering (toolbar, live status) never re-renders it.
 */
export const EventsPane = memo(function EventsPane(): ReactElement {
  const events = useEvents((state) => state.events);
  const [query, setQuery] = useState('');
  const [severity, setSeverity] = useState<Severity | 'all'>('all');
  const deferredQuery = useDeferredValue(query);
  const rows = useMemo(() => filterEvents(events, deferredQuery, severity), [events, deferredQuery, severity]);
  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel() });
  const tableRows = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: tableRows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 20 });

  return (
    <section className="pane events-pane" aria-label="Events pane">
      <header className="pane-header events-header">
        <span>Events</span>
        <input type="search" aria-label="Filter events" placeholder="Filter" value={query} onChange={(event) => setQuery(event.target.value)} />
        <select aria-label="Severity" value={severity} onChange={(event) => setSeverity(event.target.value as Severity | 'all')}>
          <option value="all">All severities</option>
          <option value="error">Errors</option>
          <option value="warning">Warnings</option>
          <option value="info">Information</option>
        </select>
        <span className="count">{rows.length.toLocaleString()} events</span>
      </header>
      <div className="events-scroller" ref={scroller}>
        <table className="grid events-grid" aria-label="Events" aria-rowcount={tableRows.length + 1}>
          <GridHead table={table} />
          <tbody style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = tableRows[item.index];
              if (!row) return null;
              return (
                <tr
                  key={row.id}
                  aria-rowindex={item.index + 2}
                  className={`severity-${row.original.severity}`}
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} style={{ width: cell.column.getSize() }}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
});
