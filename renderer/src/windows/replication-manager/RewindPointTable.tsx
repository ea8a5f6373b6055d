import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, type KeyboardEvent, type ReactElement } from 'react';
import type { RewindPoint } from '../../../../electron/api/contract';
import { GridHead } from '../../components/GridHead';
import { Icon } from '../../components/Icon';
import { indexAfterKey, pointCells, pointKey, type PointCells } from './rewind-points';

interface PointRow extends PointCells {
  key: string;
  bookmark: boolean;
}

const column = createColumnHelper<PointRow>();
const columns = [
  column.accessor('time', { header: 'Time', size: 175 }),
  column.accessor('operation', {
    header: 'Operation',
    size: 120,
    cell: (info) =>
      info.row.original.bookmark ? (
        <>
          <Icon name="bookmark" /> {info.getValue()}
        </>
      ) : (
        info.getValue()
      ),
  }),
  column.accessor('file', { header: 'File or bookmark', size: 500 }),
];

const ROW_HEIGHT = 24;

interface RewindPointTableProps {
  points: readonly RewindPoint[];
  roots: readonly string[];
  selectedKey: string | undefined;
  onSelect(key: string): void;
}

/**
 * The rewind points, newest first: operations with their time and file, bookmarks by name.
 * Virtualised (only the rows in view are in the page) so 20,000+ points scroll smoothly;
 * arrows, Page Up/Down, Home and End move the selection.
 */
export const RewindPointTable = memo(function RewindPointTable({ points, roots, selectedKey, onSelect }: RewindPointTableProps): ReactElement {
  const rows = useMemo<PointRow[]>(() => points.map((point) => ({ key: pointKey(point), bookmark: point.kind === 'bookmark', ...pointCells(point, roots) })), [points, roots]);
  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), getRowId: (row) => row.key });
  const tableRows = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: tableRows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 20 });
  const selectedIndex = useMemo(() => {
    const index = rows.findIndex((row) => row.key === selectedKey);
    return index < 0 ? undefined : index;
  }, [rows, selectedKey]);

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>): void => {
    const page = Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1;
    const next = indexAfterKey(selectedIndex, event.key, rows.length, page);
    const row = next === undefined ? undefined : rows[next];
    if (next === undefined || !row) return;
    event.preventDefault();
    onSelect(row.key);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  return (
    <div className="points-scroller" ref={scroller}>
      <table
        role="grid"
        className="grid points-grid"
        aria-label="Rewind points"
        aria-rowcount={tableRows.length + 1}
        aria-activedescendant={selectedKey === undefined ? undefined : `rewind-point-${selectedKey}`}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <GridHead table={table} />
        <tbody style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = tableRows[item.index];
            if (!row) return null;
            const selected = row.id === selectedKey;
            return (
              <tr
                key={row.id}
                id={`rewind-point-${row.id}`}
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                className={[row.original.bookmark && 'bookmark-row', selected && 'selected'].filter(Boolean).join(' ') || undefined}
                style={{ transform: `translateY(${item.start}px)` }}
                onClick={() => onSelect(row.id)}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} role="gridcell" style={{ width: cell.column.getSize() }} title={cell.column.id === 'file' ? row.original.file : undefined}>
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
