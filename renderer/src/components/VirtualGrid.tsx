import { flexRender, getCoreRowModel, useReactTable, type Cell, type Row, type TableOptions } from '@tanstack/react-table';
import { useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type HTMLAttributes, type KeyboardEvent, type ReactElement, type TdHTMLAttributes } from 'react';
import { flushSync } from 'react-dom';
import { holds, rowsAround, rowsInView, rowsPerPage, scrollTopShowing, type GridGeometry, type RowRange, type Viewport } from './row-window';
import './VirtualGrid.css';

/** Every row's height, the header's too (VirtualGrid.css: table.virtual-grid tr). */
export const ROW_HEIGHT = 24;
const GEOMETRY: GridGeometry = { rowHeight: ROW_HEIGHT, headerHeight: ROW_HEIGHT, overscan: 8 };

/** What a row carries besides its place: selection, a class, a tooltip, clicks. */
export type GridRowProps = Pick<HTMLAttributes<HTMLTableRowElement>, 'id' | 'className' | 'title' | 'onClick' | 'onDoubleClick' | 'aria-selected'>;

/** What the keyboard handler may do with the view: how many rows a page holds, and scroll a row into it. */
export interface GridView {
  rowsPerPage: number;
  scrollToIndex(index: number): void;
}

interface VirtualGridProps<T> {
  /** Every row of the grid, in order (only those in view get a table row model and elements). */
  rows: readonly T[];
  /**
   * The @tanstack/react-table columns: each `size` is its width in px; the last column fills
   * the rest of the row, down to its `minSize`.
   */
  columns: TableOptions<T>['columns'];
  /** A row's ID (row.id in rowProps and cellProps); by default its index. */
  getRowId?(row: T): string;
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
  /** A row's attributes (row.original is the row; row.index is only its place in the page). */
  rowProps?(row: Row<T>): GridRowProps;
  cellProps?(cell: Cell<T, unknown>): Pick<TdHTMLAttributes<HTMLTableCellElement>, 'title'>;
  onKeyDown?(event: KeyboardEvent<HTMLTableElement>, view: GridView): void;
  /** The last row index in the page, as the list scrolls (a paged list reads its next page near the end). */
  onShown?(lastIndex: number): void;
}

/** The rows in the page for a view: those in it and a few more each side. */
function pageRows(viewport: Viewport, count: number): RowRange {
  return rowsAround(rowsInView(viewport, count, GEOMETRY), count, GEOMETRY);
}

/**
 * A table of any length with only the rows in view in the page, so 100,000 rows scroll and
 * filter smoothly. The table model is built for those rows alone; they sit in a body moved
 * by one transform, each row keeping its element by its place in the page (scrolling
 * changes their text, it creates no rows); a scroll re-renders only when it shows a row
 * outside them. Column widths are one grid template on the table, no style per cell.
 */
export function VirtualGrid<T>({ rows, columns, getRowId, label, className, scrollerClassName, role, rowProps, cellProps, onKeyDown, onShown, ...attributes }: VirtualGridProps<T>): ReactElement {
  const scroller = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState<Viewport>({ scrollTop: 0, height: 0 });
  const count = rows.length;
  const { first, end } = pageRows(viewport, count);
  const inPage = useMemo(() => rows.slice(first, end), [rows, first, end]);
  const table = useReactTable({
    data: inPage,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: getRowId ? (row) => getRowId(row) : (_row, index) => String(first + index),
  });

  // What the scroll and resize listeners compare against: the rows rendered last, the row count, the caller's onShown.
  const latest = useRef({ rendered: { first, end }, count, onShown });
  useLayoutEffect(() => {
    latest.current = { rendered: { first, end }, count, onShown };
  });
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box) return;
    const update = (): void => {
      const now = { scrollTop: box.scrollTop, height: box.clientHeight };
      const { rendered, count: rowCount } = latest.current;
      // Rendered in the scroll event itself, so the frame it paints shows the new rows.
      if (!holds(rendered, rowsInView(now, rowCount, GEOMETRY))) flushSync(() => setViewport(now));
      latest.current.onShown?.(latest.current.rendered.end - 1);
    };
    const resized = new ResizeObserver(() => {
      const height = box.clientHeight;
      flushSync(() => setViewport((current) => (current.height === height ? current : { scrollTop: box.scrollTop, height })));
    });
    resized.observe(box);
    box.addEventListener('scroll', update, { passive: true });
    return () => {
      resized.disconnect();
      box.removeEventListener('scroll', update);
    };
  }, []);

  const keyDown = (event: KeyboardEvent<HTMLTableElement>): void => {
    const box = scroller.current;
    onKeyDown?.(event, {
      rowsPerPage: rowsPerPage(box?.clientHeight ?? ROW_HEIGHT * 10, GEOMETRY),
      scrollToIndex: (index) => {
        if (box) box.scrollTop = scrollTopShowing(index, { scrollTop: box.scrollTop, height: box.clientHeight }, GEOMETRY);
      },
    });
  };

  const leaves = table.getVisibleLeafColumns();
  const template = leaves.map((column, index) => (index === leaves.length - 1 ? `minmax(${column.columnDef.minSize ?? 0}px, 1fr)` : `${column.getSize()}px`)).join(' ');
  const style = { height: GEOMETRY.headerHeight + count * ROW_HEIGHT, '--vg-columns': template } as CSSProperties;
  return (
    <div className={`virtual-grid-scroller ${scrollerClassName}`} ref={scroller}>
      <table {...attributes} role={role} className={`grid virtual-grid ${className}`} aria-label={label} aria-rowcount={count + 1} onKeyDown={onKeyDown && keyDown} style={style}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col">
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody style={{ transform: `translateY(${first * ROW_HEIGHT}px)` }}>
          {table.getRowModel().rows.map((row, place) => (
            // Keyed by its place in the page: scrolling reuses the row elements.
            <tr key={place} {...rowProps?.(row)} aria-rowindex={first + place + 2}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.column.id} role={role && 'gridcell'} {...cellProps?.(cell)}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
