import { createColumnHelper } from '@tanstack/react-table';
import { memo, useMemo, type KeyboardEvent, type ReactElement } from 'react';
import type { RewindPoint } from '../../../../electron/api/contract';
import { Icon } from '../../components/Icon';
import { VirtualGrid, type GridView } from '../../components/VirtualGrid';
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
  const selectedIndex = useMemo(() => {
    const index = rows.findIndex((row) => row.key === selectedKey);
    return index < 0 ? undefined : index;
  }, [rows, selectedKey]);

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>, view: GridView): void => {
    const next = indexAfterKey(selectedIndex, event.key, rows.length, view.rowsPerPage);
    const row = next === undefined ? undefined : rows[next];
    if (next === undefined || !row) return;
    event.preventDefault();
    onSelect(row.key);
    view.scrollToIndex(next);
  };

  return (
    <VirtualGrid
      rows={rows}
      columns={columns}
      getRowId={(row) => row.key}
      label="Rewind points"
      className="points-grid"
      scrollerClassName="points-scroller"
      role="grid"
      aria-activedescendant={selectedKey === undefined ? undefined : `rewind-point-${selectedKey}`}
      tabIndex={0}
      onKeyDown={onKeyDown}
      rowProps={(row) => ({
        id: `rewind-point-${row.id}`,
        'aria-selected': row.id === selectedKey,
        className: [row.original.bookmark && 'bookmark-row', row.id === selectedKey && 'selected'].filter(Boolean).join(' ') || undefined,
        onClick: () => onSelect(row.id),
      })}
      cellProps={(cell) => ({ title: cell.column.id === 'file' ? cell.row.original.file : undefined })}
    />
  );
});
