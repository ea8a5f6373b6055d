import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, type ReactElement } from 'react';
import { VirtualGrid } from '../../components/VirtualGrid';
import { formatInstant } from '../replication-manager/backup-jobs';
import { formatBytes } from '../replication-manager/format';
import { markColumn } from './MarkBox';
import type { SearchHit } from './restore-types';

interface QueryResultsTableProps {
  hits: readonly SearchHit[];
  isMarked(hit: SearchHit): boolean;
  onMark(hit: SearchHit): void;
  onShown(lastIndex: number): void;
}

const column = createColumnHelper<SearchHit>();

/** Restore by Query's results: every version of every matching path, with its scenario; virtualised and read a page at a time. */
export function QueryResultsTable({ hits, isMarked, onMark, onShown }: QueryResultsTableProps): ReactElement {
  const columns = useMemo(
    () => [
      markColumn<SearchHit>((hit) => ({ checked: isMarked(hit), label: `Mark ${hit.path} (session ${hit.session}) for restore`, onChange: () => onMark(hit) })),
      column.accessor('host', { header: 'Host', size: 120 }),
      column.accessor('path', { header: 'Path', size: 420 }),
      column.accessor('scenarioName', { header: 'Scenario', size: 140 }),
      column.accessor('session', { header: 'Session', size: 70 }),
      column.accessor('backedUpAt', { header: 'Backed up at', size: 160, cell: (info) => formatInstant(info.getValue()) }),
      column.accessor('size', { header: 'Size', size: 90, cell: (info) => (info.row.original.kind === 'file' ? formatBytes(info.getValue()) : '') }),
    ],
    [isMarked, onMark],
  );
  return <VirtualGrid rows={hits} columns={columns} getRowId={(hit) => `${hit.session} ${hit.path}`} label="Query results" className="query-grid" scrollerClassName="virtual-scroller" onShown={onShown} rowProps={(row) => ({ title: row.original.path })} />;
}
