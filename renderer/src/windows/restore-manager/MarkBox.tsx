import { createColumnHelper, type DisplayColumnDef } from '@tanstack/react-table';
import type { ReactElement } from 'react';

/** A check box that marks a tree node or a table row for restore. */
export interface MarkControl {
  checked: boolean;
  label: string;
  onChange(): void;
}

/** The mark check box; a click on it marks only (it does not also choose the node or row). */
export function MarkBox({ mark, tabIndex }: { mark: MarkControl; tabIndex?: number }): ReactElement {
  return <input type="checkbox" aria-label={mark.label} checked={mark.checked} tabIndex={tabIndex} onClick={(event) => event.stopPropagation()} onChange={mark.onChange} />;
}

/** The first column of the content and query tables: the rows' check boxes (none where `markOf` gives none), under a header read as "Marked". */
export function markColumn<T>(markOf: (row: T) => MarkControl | undefined): DisplayColumnDef<T, unknown> {
  return createColumnHelper<T>().display({
    id: 'mark',
    header: () => <span className="visually-hidden">Marked</span>,
    size: 34,
    cell: (info) => {
      const mark = markOf(info.row.original);
      return mark ? <MarkBox mark={mark} /> : null;
    },
  });
}
