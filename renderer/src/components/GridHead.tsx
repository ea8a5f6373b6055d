import { flexRender, type Table } from '@tanstack/react-table';
import type { ReactElement } from 'react';

/** The header row of a virtualised grid: each column at its set width (it is the table's first row for aria-rowindex). */
export function GridHead<Row>({ table }: { table: Table<Row> }): ReactElement {
  return (
    <thead>
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id} aria-rowindex={1}>
          {group.headers.map((header) => (
            <th key={header.id} scope="col" style={{ width: header.getSize() }}>
              {flexRender(header.column.columnDef.header, header.getContext())}
            </th>
          ))}
        </tr>
      ))}
    </thead>
  );
}
