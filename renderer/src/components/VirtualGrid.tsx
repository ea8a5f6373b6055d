import { flexRender, type Cell, type Row, type Table } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type HTMLAttributes, type KeyboardEvent, type ReactElement, type TdHTMLAttributes } from 'react';
import { GridHead } from './GridHead';

/** Every row's height (styles.css: .virtual-grid tbody tr). */
export const ROW_HEIGHT = 24;

/** What a row carries besides its place: selection, a class, a tooltip, clicks. */
export type GridRowProps = Pick<HTMLAttributes<HTMLTableRowElement>, 'id' | 'className' | 'title' | 'onClick' | 'onDoubleClick' | 'aria-selected'>;

/** What the keyboard handler may do with the view: how many rows a page holds, and scroll a row into it. */
export interface GridView {
  rowsPerPage: number;
  scrollToIndex(index: number): void;
}

interface VirtualGridProps<T> {
  /** The @tanstack/react-table table (its columns, rows and row IDs). */
  table: Table<T>;
  /** The table's accessible name. */
  label: string;
  /** Classes of the table besides "grid virtual-grid". */
  className: string;
  /** The scrolling box's class (its size comes from the pane around it). */
  scrollerClassName: string;
  /** role="grid" for a grid the keyboard moves through (cells become gridcells). */
  role?: 'grid';
  tabIndex?: number;
  'aria-activedescendant'?: string | undefined;
  rowProps?(row: Row<T>): GridRowProps;
  cellProps?(cell: Cell<T, unknown>): Pick<TdHTMLAttributes<HTMLTableCellElement>, 'title'>;
  onKeyDown?(event: KeyboardEvent<HTMLTableElement>, view: GridView): void;
  /** The last row index in view, as the list scrolls (a paged list reads its next page near the end). */
  onShown?(lastIndex: number): void;
}

/**
 * A table of any length with only the rows in view in the page (100,000 rows scroll
 * smoothly): rows are placed by @tanstack/react-virtual, cells rendered by react-table.
 */
export function VirtualGrid<T>({ table, label, className, scrollerClassName, role, rowProps, cellProps, onKeyDown, onShown, ...attributes }: VirtualGridProps<T>): ReactElement {
  const rows = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 20 });
  const onScroll = (): void => {
    const items = virtualizer.getVirtualItems();
    const last = items[items.length - 1];
    if (last && onShown) onShown(last.index);
  };
  const keyDown = (event: KeyboardEvent<HTMLTableElement>): void =>
    onKeyDown?.(event, {
      rowsPerPage: Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1,
      scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    });

  return (
    <div className={scrollerClassName} ref={scroller} onScroll={onShown && onScroll}>
      <table {...attributes} role={role} className={`grid virtual-grid ${className}`} aria-label={label} aria-rowcount={rows.length + 1} onKeyDown={onKeyDown && keyDown}>
        <GridHead table={table} />
        <tbody style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <tr key={row.id} {...rowProps?.(row)} aria-rowindex={item.index + 2} style={{ transform: `translateY(${item.start}px)` }}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} role={role && 'gridcell'} {...cellProps?.(cell)} style={{ width: cell.column.getSize() }}>
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
