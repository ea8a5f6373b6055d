import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, type ReactElement } from 'react';
import { GridHead } from '../../components/GridHead';
import { Icon } from '../../components/Icon';
import { formatBytes, formatTimestamp } from '../replication-manager/format';
import type { CatalogEntry } from './restore-types';

export interface EntryTableProps {
  /** The table's accessible name. */
  label: string;
  entries: readonly CatalogEntry[];
  /** Whether rows get check boxes (not for SQLServer/Exchange sessions: those restore whole). */
  markable: boolean;
  /** The session a row is marked from (a picked older version), undefined when it is not marked. */
  markedFrom(entry: CatalogEntry): number | undefined;
  onMark(entry: CatalogEntry): void;
  selectedPath: string | undefined;
  onSelect(entry: CatalogEntry): void;
  /** Double-click on a folder: list it. */
  onOpen(entry: CatalogEntry): void;
  /** The last row index in view, as the list scrolls (reads the next page near the end). */
  onShown?(lastIndex: number): void;
}

const ROW_HEIGHT = 24;
const column = createColumnHelper<CatalogEntry>();

/** The content pane: a folder's entries (folders first), virtualised so a folder of 100,000 files scrolls smoothly. */
export function EntryTable({ label, entries, markable, markedFrom, onMark, selectedPath, onSelect, onOpen, onShown }: EntryTableProps): ReactElement {
  const columns = useMemo(
    () => [
      column.display({
        id: 'mark',
        header: () => <span className="visually-hidden">Marked</span>,
        size: 34,
        cell: (info) => {
          const entry = info.row.original;
          return markable ? (
            <input type="checkbox" aria-label={`Mark ${entry.name} for restore`} checked={markedFrom(entry) !== undefined} onClick={(event) => event.stopPropagation()} onChange={() => onMark(entry)} />
          ) : null;
        },
      }),
      column.accessor('name', {
        header: 'Name',
        size: 300,
        cell: (info) => (
          <span className="entry-name">
            <Icon name={info.row.original.kind === 'directory' ? 'folder' : 'file'} />
            {info.getValue()}
          </span>
        ),
      }),
      column.accessor('size', { header: 'Size', size: 90, cell: (info) => (info.row.original.kind === 'file' ? formatBytes(info.getValue()) : '') }),
      column.accessor('mtimeMs', { header: 'Modified', size: 140, cell: (info) => formatTimestamp(info.getValue()) }),
      column.accessor('session', {
        header: 'Session',
        size: 150,
        cell: (info) => {
          const from = markedFrom(info.row.original);
          return from !== undefined && from !== info.getValue() ? `${from} (version picked)` : String(info.getValue());
        },
      }),
    ],
    [markable, markedFrom, onMark],
  );
  const table = useReactTable({ data: entries as CatalogEntry[], columns, getCoreRowModel: getCoreRowModel(), getRowId: (entry) => entry.path });
  const rows = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 20 });
  const onScroll = (): void => {
    const items = virtualizer.getVirtualItems();
    const last = items[items.length - 1];
    if (last && onShown) onShown(last.index);
  };

  return (
    <div className="virtual-scroller" ref={scroller} onScroll={onScroll}>
      <table className="grid virtual-grid entry-grid" aria-label={label} aria-rowcount={rows.length + 1}>
        <GridHead table={table} />
        <tbody style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const entry = row.original;
            const selected = entry.path === selectedPath;
            return (
              <tr
                key={row.id}
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                className={selected ? 'selected' : undefined}
                style={{ transform: `translateY(${item.start}px)` }}
                title={entry.path}
                onClick={() => onSelect(entry)}
                onDoubleClick={() => entry.kind === 'directory' && onOpen(entry)}
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
  );
}
