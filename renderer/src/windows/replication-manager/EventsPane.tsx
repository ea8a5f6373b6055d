import { createColumnHelper } from '@tanstack/react-table';
import { memo, useDeferredValue, useMemo, useState, type ReactElement } from 'react';
import type { EngineEvent, Severity } from '../../../../electron/api/contract';
import { VirtualGrid } from '../../components/VirtualGrid';
import { filterEvents } from './events-filter';
import { useEvents } from '../../store/events';

const column = createColumnHelper<EngineEvent>();
const eventId = (event: EngineEvent): string => String(event.id);
const columns = [
  column.accessor('time', { header: 'Time', cell: (info) => new Date(info.getValue()).toLocaleString(), size: 180 }),
  column.accessor('host', { header: 'Host', size: 140 }),
  column.accessor('severity', { header: 'Severity', size: 90 }),
  column.accessor((event) => (event.code ? `${event.code}: ${event.text}` : event.text), { id: 'text', header: 'Event', size: 600 }),
];

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
      <VirtualGrid rows={rows} columns={columns} getRowId={eventId} label="Events" className="events-grid" scrollerClassName="events-scroller" rowProps={(row) => ({ className: `severity-${row.original.severity}` })} />
    </section>
  );
});
