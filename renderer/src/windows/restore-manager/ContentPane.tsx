import type { ReactElement } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useRestore } from '../../store/restore';
import { EntryTable, type EntryTableProps } from './EntryTable';
import { listFolder, type FolderSource } from './list-folder';
import { pagedNote } from './paged-list';
import { usePages } from './use-pages';

/** The folder the content pane lists, and whose (one session's, or the latest session holding it). */
export type ContentSource = FolderSource & { path: string };

const PAGE = 1000;

/** The content pane: the chosen folder's entries, a page of 1000 at a time as the list scrolls. */
export function ContentPane({ source, ...table }: { source: ContentSource } & Omit<EntryTableProps, 'entries' | 'onShown' | 'label'>): ReactElement {
  const refresh = useRestore((state) => state.refreshCount);
  const { list, onShown } = usePages(`${refresh} ${JSON.stringify(source)}`, PAGE, (offset) => listFolder(source, source.path, PAGE, offset));
  return (
    <div className="content-pane">
      <p className="content-path" title={source.path}>
        {source.path}
      </p>
      {list?.error && <ErrorBanner error={list.error} />}
      <EntryTable label="Content" entries={list?.items ?? []} onShown={onShown} {...table} />
      <p className="content-note">{list ? pagedNote(list, 'entries') : ''}</p>
    </div>
  );
}
