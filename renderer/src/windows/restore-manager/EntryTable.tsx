import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, type ReactElement } from 'react';
import { Icon } from '../../components/Icon';
import { VirtualGrid } from '../../components/VirtualGrid';
import { formatBytes, formatTimestamp } from '../replication-manager/format';
import { markColumn } from './MarkBox';
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

const column = createColumnHelper<CatalogEntry>();

/** The content pane: a folder's entries (folders first), virtualised so a folder of 100,000 files scrolls smoothly. */
export function EntryTable({ label, entries, markable, markedFrom, onMark, selectedPath, onSelect, onOpen, onShown }: EntryTableProps): ReactElement {
  const columns = useMemo(
    () => [
      markColumn<CatalogEntry>((entry) => (markable ? { checked: markedFrom(entry) !== undefined, label: `Mark ${entry.name} for restore`, onChange: () => onMark(entry) } : undefined)),
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
  return (
    <VirtualGrid
      rows={entries}
      columns={columns}
      getRowId={(entry) => entry.path}
      label={label}
      className="entry-grid"
      scrollerClassName="virtual-scroller"
      onShown={onShown}
      rowProps={({ original: entry }) => ({
        'aria-selected': entry.path === selectedPath,
        className: entry.path === selectedPath ? 'selected' : undefined,
        title: entry.path,
        onClick: () => onSelect(entry),
        onDoubleClick: () => entry.kind === 'directory' && onOpen(entry),
      })}
    />
  );
}
