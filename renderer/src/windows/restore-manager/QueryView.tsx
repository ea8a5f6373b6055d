import { useCallback, useState, type ReactElement } from 'react';
import { api } from '../../api/api';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useRestore } from '../../store/restore';
import { pagedNote } from './paged-list';
import { QueryFields } from './QueryFields';
import { QueryResultsTable } from './QueryResultsTable';
import { parseQuery, QUERY_PAGE, type QueryErrors } from './restore-query';
import { isMarked } from './restore-selection';
import type { SearchHit } from './restore-types';
import { usePages } from './use-pages';

/** Restore by Query: a name pattern searched over the catalog (FileServer scenarios), each hit marked on its own. */
export function QueryView(): ReactElement {
  const form = useRestore((state) => state.queryForm);
  const query = useRestore((state) => state.query);
  const marks = useRestore((state) => state.marks);
  const refresh = useRestore((state) => state.refreshCount);
  const setForm = useRestore((state) => state.setQueryForm);
  const search = useRestore((state) => state.search);
  const toggleMark = useRestore((state) => state.toggleMark);
  const [errors, setErrors] = useState<QueryErrors>({});
  const key = query === undefined ? undefined : `${refresh} ${JSON.stringify(query)}`;
  const { list, onShown } = usePages(key, QUERY_PAGE, (offset) => api.invoke('restore.query', { ...(query ?? { pattern: '*' }), limit: QUERY_PAGE, offset }));

  const onSearch = (): void => {
    const parsed = parseQuery(form);
    setErrors(parsed.ok ? {} : parsed.errors);
    if (parsed.ok) search(parsed.query);
  };
  const hitMarked = useCallback((hit: SearchHit) => isMarked(marks, hit), [marks]);
  const onMark = useCallback((hit: SearchHit): void => toggleMark({ session: hit.session, path: hit.path, scenarioId: hit.scenarioId, scenarioName: hit.scenarioName }), [toggleMark]);

  return (
    <div className="query-view">
      <QueryFields form={form} errors={errors} busy={list?.loading === true && list.items.length === 0} onChange={setForm} onSearch={onSearch} />
      {list?.error && <ErrorBanner error={list.error} />}
      {list ? (
        <>
          <QueryResultsTable hits={list.items} isMarked={hitMarked} onMark={onMark} onShown={onShown} />
          <p className="content-note">{list.loading || list.items.length > 0 ? pagedNote(list, 'versions found') : 'Nothing in the catalog matches.'}</p>
        </>
      ) : (
        <p className="empty">Enter a name or pattern and Search: every backed-up version of the matching files and folders is listed.</p>
      )}
    </div>
  );
}
