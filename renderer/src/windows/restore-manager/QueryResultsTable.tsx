import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, type ReactElement } from 'react';
import { GridHead } from '../../components/GridHead';
import { formatInstant } from '../replication-manager/backup-jobs';
import { formatBytes } from '../replication-manager/format';
import type { SearchHit } from './restore-types';

interface QueryResultsTableProps {
  hits: readonly SearchHit[];
  isMarked(hit: SearchHit): boolean;
  onMark(hit: SearchHit): void;
  onShown(lastIndex: number): void;
}

const ROW_HEIGHT = 24;
const column = createColumnHelper<SearchHit>();

/** Restore by Query's results: every version of every matching path, virtualised and read a page at a time. */
export function QueryResultsTable({ hits, isMarked, onMark, onShown }: QueryResultsTableProps): ReactElement {
  const columns = useMemo(
    () => [
      column.display({
        id: 'mark',
        header: () => <span className="visually-hidden">Marked</span>,
        size: 34,
        cell: (info) => {
          const hit = info.row.original;
          return <input type="checkbox" aria-label={`Mark ${hit.path} (session ${hit.session}) for restore`} checked={isMarked(hit)} onChange={() => onMark(hit)} />;
        },
      }),
      column.accessor('host', { header: 'Host', size: 120 }),
      column.accessor('path', { header: 'Path', size: 420 }),
      column.accessor('session', { header: 'Session', size: 70 }),
      column.accessor('backedUpAt', { header: 'Backed up at', size: 160, cell: (info) => formatInstant(info.getValue()) }),
      column.accessor('size', { header: 'Size', size: 90, cell: (info) => (info.row.original.kind === 'file' ? formatBytes(info.getValue()) : '') }),
    ],
    [isMarked, onMark],
  );
  const table = useReactTable({ data: hits as SearchHit[], columns, getCoreRowModel: getCoreRowModel(), getRowId: (hit) => `${hit.session} ${hit.path}` });
  const rows = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 20 });
  const onScroll = (): void => {
    const items = virtualizer.getVirtualItems();
    const last = items[items.length - 1];
    if (last) onShown(last.index);
  };
  return (
    <div className="virtual-scroller" ref={scroller} onScroll={onScroll}>
      <table className="grid virtual-grid" aria-label="Query results" aria-rowcount={rows.length + 1}>
        <GridHead table={table} />
        <tbody style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <tr key={row.id} aria-rowindex={item.index + 2} style={{ transform: `translateY(${item.start}px)` }} title={row.original.path}>
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
  );
}
