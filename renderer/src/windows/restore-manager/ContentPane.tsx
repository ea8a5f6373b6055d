import type { ReactElement } from 'react';
import type { Result } from '../../../../electron/api/contract';
import { api } from '../../api/api';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useRestore } from '../../store/restore';
import { EntryTable, type EntryTableProps } from './EntryTable';
import { pagedNote } from './paged-list';
import type { CatalogEntry } from './restore-types';
import { usePages } from './use-pages';

/** Whose folder the content pane lists: one session's (by Session), or the latest session holding it (by Tree). */
export type ContentSource = { kind: 'session'; session: number; path: string } | { kind: 'tree'; host: string; path: string };

const PAGE = 1000;

async function readPage(source: ContentSource, offset: number): Promise<Result<CatalogEntry[]>> {
  if (source.kind === 'session') return api.invoke('restore.session-dir', { session: source.session, path: source.path, limit: PAGE, offset });
  const result = await api.invoke('restore.tree-dir', { host: source.host, path: source.path, limit: PAGE, offset });
  // null: no complete session holds the folder (any more): it lists as empty.
  return result.ok ? { ok: true, value: result.value?.entries ?? [] } : result;
}

/** The content pane: the chosen folder's entries, a page of 1000 at a time as the list scrolls. */
export function ContentPane({ source, ...table }: { source: ContentSource } & Omit<EntryTableProps, 'entries' | 'onShown' | 'label'>): ReactElement {
  const refresh = useRestore((state) => state.refreshCount);
  const { list, onShown } = usePages(`${refresh} ${JSON.stringify(source)}`, PAGE, (offset) => readPage(source, offset));
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
